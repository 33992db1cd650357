import type { Ballot } from '../paxos/ballot';
import type { NodeId } from '../sim/protocol';

export interface SlotValue {
  readonly ballot: Ballot;
  readonly value: string;
}

export type MultiRole = 'follower' | 'candidate' | 'leader';

/**
 * Multi-Paxos: one distinguished leader runs phase 1 once for every slot, then one round
 * trip per command. Acceptor state (promised, accepted per slot) and the replica's decided
 * slots survive a crash; roles, tallies and the leader's proposals do not.
 */
export interface MultiPaxosState {
  // Persistent
  readonly promised: Ballot | null;
  /** Accepted proposal per slot (slots count from 1). */
  readonly accepted: Readonly<Record<number, SlotValue>>;
  /** Decided value per slot, as this replica learned it. */
  readonly decided: Readonly<Record<number, string>>;
  /** Slots 1..applied are decided and applied to the state machine, in order. */
  readonly applied: number;
  // Volatile
  readonly role: MultiRole;
  readonly leader: NodeId | null;
  readonly ballot: Ballot | null;
  readonly maxRound: number;
  /** Phase 1 promises collected as a candidate, with each acceptor's accepted slots. */
  readonly promises: readonly { from: NodeId; accepted: Readonly<Record<number, SlotValue>> }[];
  /** The leader's next free slot. */
  readonly nextSlot: number;
  /** What this node proposed, as leader, for each slot (client commands, adopted values, no-ops). */
  readonly proposals: Readonly<Record<number, string>>;
  /**
   * The leader's next free slot at its previous heartbeat: a slot below it still undecided at
   * this heartbeat has waited a whole interval, so its Accept or Accepted messages were lost.
   */
  readonly resendBelow: number;
  /** How far this follower had applied when the previous heartbeat came (for catching the leader up). */
  readonly appliedAtBeat: number;
  /** Acceptances seen per slot and ballot, for learning. */
  readonly tallies: readonly { slot: number; ballot: Ballot; value: string; from: readonly NodeId[] }[];
  /** Client commands held while no leader is known. */
  readonly pending: readonly string[];
}

export type MultiPaxosMessage =
  | { type: 'Prepare'; ballot: Ballot }
  | { type: 'Promise'; ballot: Ballot; accepted: Readonly<Record<number, SlotValue>> }
  | { type: 'Nack'; ballot: Ballot; promised: Ballot }
  | { type: 'Accept'; ballot: Ballot; slot: number; value: string }
  | { type: 'Accepted'; ballot: Ballot; slot: number; value: string }
  | { type: 'Heartbeat'; ballot: Ballot; applied: number }
  | { type: 'CatchUp'; from: number }
  | { type: 'Decide'; entries: readonly (readonly [slot: number, value: string])[] }
  | { type: 'ClientRequest'; command: string };
