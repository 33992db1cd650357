import type { NodeId } from './protocol';
import type { Simulation } from './simulation';

/**
 * What the student may choose next when they are the network: every message waiting for a
 * choice (manual delivery) or held in flight, and, in manual delivery, every running timer of
 * a live, unpaused node. Computed here, in the engine, so the page only draws the list.
 */
export type PendingChoice =
  | {
    kind: 'message'; id: number; from: NodeId; to: NodeId; type: string; label: string; deliverAt: number;
    /** Held by the user: it goes nowhere until released (or delivered, or dropped). */
    held: boolean;
    /** Its time has come (manual delivery pauses the run here). */
    due: boolean;
    /** Why a delivery now would be lost (the receiver is down, a partition...), or null. */
    fate: string | null;
    duplicateOf: number | null;
  }
  | PendingTimer;

export interface PendingTimer { kind: 'timer'; node: NodeId; name: string; at: number; due: boolean }

export function pendingChoices(sim: Simulation<unknown, { type: string }>): PendingChoice[] {
  const w = sim.world;
  const out: PendingChoice[] = [];
  const message = (env: (typeof w.pending)[number], held: boolean): PendingChoice => ({
    kind: 'message', id: env.id, from: env.from, to: env.to, type: env.msg.type, label: sim.protocol.describe(env.msg),
    deliverAt: env.deliverAt, held, due: !held && env.deliverAt <= w.time, fate: sim.lossReason(env), duplicateOf: env.duplicateOf,
  });
  for (const env of [...w.pending].sort((a, b) => a.deliverAt - b.deliverAt || a.id - b.id)) out.push(message(env, false));
  for (const h of w.held) out.push(message(h.env, true));
  if (!w.manual) return out;
  const timers: PendingTimer[] = [];
  for (const slot of sim.nodes()) {
    if (!slot.up || slot.paused) continue;
    for (const name of Object.keys(slot.timers).sort()) {
      const t = slot.timers[name];
      if (t !== null) timers.push({ kind: 'timer', node: slot.id, name, at: t.at, due: t.at <= w.time });
    }
  }
  return out.concat(timers.sort((a, b) => a.at - b.at));
}
