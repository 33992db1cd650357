/**
 * Where and when leaders stamped acquires, so the History panel can draw each lock lease in
 * true time: an acquire's command carries only the stamp, a reading of the leader's clock.
 * Kept by the worker from the events the run computes, one entry per acquire a server took.
 */
import { type Stamping } from '../engine/clients/lockLeases';
import { localTime, type NodeClock } from '../engine/sim/clock';
import type { TraceRecord } from '../engine/sim/types';

export class LockStamps {
  private made = new Map<string, Stamping>();

  /**
   * One new event, with `clock` its node's clock. An acquire reaching a server is stamped there
   * if it leads (layer.ts): its stamp is the server's clock then, rounded. One that did not lead
   * leaves an entry no committed command asks for.
   */
  record(rec: TraceRecord<unknown>, clock: NodeClock | null): void {
    const ev = rec.client;
    if (ev?.kind !== 'request' || ev.op.f !== 'acquire' || rec.node === null || clock === null) return;
    this.made.set(key(ev.client, ev.seq, Math.round(localTime(clock, rec.t))), { node: rec.node, t: rec.t, clock });
  }

  /** Where and when client `client`'s acquire number `seq` got stamp `stamp`; null if not seen. */
  stamping(client: number, seq: number, stamp: number): Stamping | null {
    return this.made.get(key(client, seq, stamp)) ?? null;
  }
}

const key = (client: number, seq: number, stamp: number) => `${client}#${seq}@${stamp}`;
