/**
 * Lamport's happened-before, over the messages of a window: what could have led to a
 * message being sent (its causal past), and what its delivery could have influenced (its
 * causal future). Hovering an arrow fades everything else. A client is a process like a
 * server: its request carries what it knew into the server's later events, and a reply
 * carries what the server had done before sending it back to the client (and so into the
 * client's next request). Events are numbered in the order the run took them, so one sweep
 * each way suffices.
 */
import type { ClientArrow, SpaceTimeArrow } from '../../../worker/spacetime';

/** The arrow under the pointer: a server's message (by id) or a client's request or reply (by key). */
export type Hovered = { arrow: number } | { client: string };

export interface Cone {
  /** The servers' messages on a causal chain through the hovered one (itself included). */
  arrows: Set<number>;
  /** The clients' requests and replies on such a chain, by key. */
  clients: Set<string>;
  /** Whether the event `seq` on server `node`'s lane is in the past or the future of the hovered arrow. */
  has: (node: number, seq: number) => boolean;
}

/** One message between two processes: servers by their number, client c as -c. */
interface Hop {
  of: Hovered;
  from: number;
  to: number;
  sent: number;
  /** The delivery's event, or null if it never arrived (lost, or still in flight). */
  end: number | null;
}

const serverHop = (a: SpaceTimeArrow): Hop => ({ of: { arrow: a.id }, from: a.from, to: a.to, sent: a.sent.seq, end: a.fate === 'delivered' ? a.end!.seq : null });

const clientHop = (a: ClientArrow): Hop => ({
  of: { client: a.key }, from: a.dir === 'request' ? -a.client : a.node, to: a.dir === 'request' ? a.node : -a.client,
  sent: a.sent.seq, end: a.fate === 'delivered' ? a.end!.seq : null,
});

const same = (a: Hovered, b: Hovered) => ('arrow' in a ? 'arrow' in b && a.arrow === b.arrow : 'client' in b && a.client === b.client);

export function causalCone(arrows: readonly SpaceTimeArrow[], clients: readonly ClientArrow[], hovered: Hovered): Cone | null {
  const hops = [...arrows.map(serverHop), ...clients.map(clientHop)];
  const of = hops.find((h) => same(h.of, hovered));
  if (of === undefined) return null;
  // latest[p]: the last event of process p that happened before the send.
  const latest = new Map<number, number>([[of.from, of.sent]]);
  // reach[p]: the first event of process p that happened after the delivery.
  const reach = new Map<number, number>();
  if (of.end !== null) reach.set(of.to, of.end);
  const on: Hop[] = [of];
  // Backwards: a message delivered to p before p's latest past event carries its sender's past in.
  for (const h of hops.filter((x) => x.end !== null && x !== of).sort((x, y) => y.end! - x.end!)) {
    if (h.end! <= (latest.get(h.to) ?? -Infinity)) {
      latest.set(h.from, Math.max(latest.get(h.from) ?? -Infinity, h.sent));
      on.push(h);
    }
  }
  // Forwards: a message sent by p after p was reached carries the influence on.
  for (const h of [...hops].sort((x, y) => x.sent - y.sent)) {
    if (h === of || h.sent < (reach.get(h.from) ?? Infinity)) continue;
    on.push(h);
    if (h.end !== null) reach.set(h.to, Math.min(reach.get(h.to) ?? Infinity, h.end));
  }
  const cone: Cone = {
    arrows: new Set(),
    clients: new Set(),
    has: (node, seq) => seq <= (latest.get(node) ?? -Infinity) || seq >= (reach.get(node) ?? Infinity),
  };
  for (const h of on) {
    if ('arrow' in h.of) cone.arrows.add(h.of.arrow);
    else cone.clients.add(h.of.client);
  }
  return cone;
}
