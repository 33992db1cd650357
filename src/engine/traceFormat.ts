import type { Context, Protocol } from './sim/protocol';
import type { NodeSlot, TraceRecord } from './sim/types';

/** One trace record as a JSON-ready object: the runner's JSON Lines and the app's export share it. */
export function traceLine(rec: TraceRecord<{ type: string }>): Record<string, unknown> {
  const line: Record<string, unknown> = { seq: rec.seq, t: rec.t, kind: rec.kind, node: rec.node };
  if (rec.from !== undefined) line.from = rec.from;
  if (rec.msg !== undefined) {
    const env = rec.msg;
    line.msg = { id: env.id, ...env.msg, sentAt: env.sentAt, deliverAt: env.deliverAt, ...(env.duplicateOf !== null ? { duplicateOf: env.duplicateOf } : {}) };
  }
  if (rec.action !== undefined) line.action = rec.action;
  line.rule = rec.rule;
  line.text = rec.text();
  if (rec.applied !== undefined) line.applied = rec.applied;
  if (rec.lines !== undefined && rec.lines.length > 0) {
    line.lines = rec.lines.map((l) => (l.value === null ? { id: l.id } : { id: l.id, value: l.value() }));
  }
  return line;
}

/** Every node's state as the runner prints it under --states. */
export function nodeStates(protocol: Protocol<unknown, { type: string }>, nodes: readonly NodeSlot<unknown>[],
  contexts: readonly Context[]): Record<string, unknown>[] {
  return nodes.map((n) => ({ id: n.id, up: n.up, ...protocol.summarize(n.state, contexts[n.id]) }));
}
