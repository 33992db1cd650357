import { inDoubt, locks } from './log';
import type { AtomicMessage, AtomicState } from './types';

/** A short label for a message, as the cluster and the event log show it. */
export function describeMessage(m: AtomicMessage): string {
  switch (m.type) {
    case 'Begin': return `Begin(${m.tx.id})`;
    case 'Vote': return `Vote(${m.tx}, ${m.vote})`;
    case 'Decision': return `Decision(${m.tx}, ${m.decision})`;
    case 'StateReport': return `StateReport(${m.tx}, ${m.status})`;
    default: return `${m.type}(${m.tx})`;
  }
}

/** A node as the runner prints it under --states. */
export function summarize(s: AtomicState): Record<string, unknown> {
  return {
    log: s.log.slice().map((r) => `${r.rec} ${r.tx}`),
    ...(s.round !== null ? { round: { tx: s.round.tx.id, phase: s.round.phase, votes: s.round.votes } } : {}),
    ...(s.queue.length > 0 ? { queue: s.queue.map((t) => t.id) } : {}),
    ...(s.working !== null ? { working: s.working.id } : {}),
    inDoubt: inDoubt(s),
    locks: locks(s),
    ...(s.outgoing.some((o) => !o.logged) ? { unlogged: s.outgoing.filter((o) => !o.logged).map((o) => `${o.decision} ${o.tx}`) } : {}),
  };
}

