/**
 * Lamport's happened-before, over the messages of a window: what could have led to a
 * message being sent (its causal past), and what its delivery could have influenced (its
 * causal future). Hovering an arrow fades everything else. Events are numbered in the order
 * the run took them, so one sweep each way suffices.
 */
import type { SpaceTimeArrow } from '../../../worker/spacetime';

export interface Cone {
  /** The arrows on a causal chain through the message (the message itself included). */
  arrows: Set<number>;
  /** Whether the event `seq` on `node`'s lane is in the past or the future of the message. */
  has: (node: number, seq: number) => boolean;
}

export function causalCone(arrows: readonly SpaceTimeArrow[], of: SpaceTimeArrow): Cone {
  // latest[n]: the last event of node n that happened before the send.
  const latest = new Map<number, number>([[of.from, of.sent.seq]]);
  // reach[n]: the first event of node n that happened after the delivery.
  const reach = new Map<number, number>();
  if (of.fate === 'delivered') reach.set(of.to, of.end!.seq);
  const delivered = arrows.filter((a) => a.fate === 'delivered' && a.id !== of.id);
  const set = new Set<number>([of.id]);
  // Backwards: a message delivered to n before n's latest past event carries its sender's past in.
  for (const a of [...delivered].sort((x, y) => y.end!.seq - x.end!.seq)) {
    if (a.end!.seq <= (latest.get(a.to) ?? -Infinity)) {
      latest.set(a.from, Math.max(latest.get(a.from) ?? -Infinity, a.sent.seq));
      set.add(a.id);
    }
  }
  // Forwards: a message sent by n after n was reached carries the influence on.
  for (const a of [...arrows].sort((x, y) => x.sent.seq - y.sent.seq)) {
    if (a.id === of.id || a.sent.seq < (reach.get(a.from) ?? Infinity)) continue;
    set.add(a.id);
    if (a.fate === 'delivered') reach.set(a.to, Math.min(reach.get(a.to) ?? Infinity, a.end!.seq));
  }
  return {
    arrows: set,
    has: (node, seq) => seq <= (latest.get(node) ?? -Infinity) || seq >= (reach.get(node) ?? Infinity),
  };
}
