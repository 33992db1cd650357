import type { Ballot } from '../paxos/ballot';
import type { NodeId } from '../sim/protocol';
import type { Slots } from './slots';

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
  /** Accepted proposal per slot (slots count from 1). Slots are values that share structure (slots.ts). */
  readonly accepted: Slots<SlotValue>;
  /** Decided value per slot, as this replica learned it. */
  readonly decided: Slots<string>;
  /** Slots 1..applied are decided and applied to the state machine, in order. */
  readonly applied: number;
  // Volatile
  readonly role: MultiRole;
  readonly leader: NodeId | null;
  readonly ballot: Ballot | null;
  readonly maxRound: number;
  /** Phase 1 promises collected as a candidate, with each acceptor's accepted slots. */
  readonly promises: readonly { from: NodeId; accepted: Slots<SlotValue> }[];
  /**
   * The highest slot this leader's phase 1 had to settle: every value chosen under an earlier
   * ballot is at or below it (a majority accepted it, so some promise reported it). Once it has
   * applied this far, `applied` is a commit point a read can trust (read index, lease).
   */
  readonly recovered: number;
  /** The leader's next free slot. */
  readonly nextSlot: number;
  /** What this node proposed, as leader, for each slot (client commands, adopted values, no-ops). */
  readonly proposals: Slots<string>;
  /**
   * The leader's next free slot at its previous heartbeat: a slot below it still undecided at
   * this heartbeat has waited a whole interval, so its Accept or Accepted messages were lost.
   */
  readonly resendBelow: number;
  /** How far this follower had applied when the previous heartbeat came (for catching the leader up). */
  readonly appliedAtBeat: number;
  /** Acceptances seen per slot and ballot, for learning: only of slots not yet decided here, so only those in flight. */
  readonly tallies: readonly { slot: number; ballot: Ballot; value: string; from: readonly NodeId[] }[];
  /** Client commands held while no leader is known. */
  readonly pending: readonly string[];
}

export type SlotFields = 'accepted' | 'decided' | 'proposals';

/**
 * The state as a snapshot carries it to the view (see view.ts): of each slot field, only the
 * newest slots (what the slot table shows), as a plain record, and how many it holds in all;
 * of each promise, only how many accepted slots it reported. So a view costs the same at
 * slot 10 as at slot 100,000.
 */
export type MultiPaxosView = Omit<MultiPaxosState, SlotFields | 'promises'> & {
  readonly [K in SlotFields]: Readonly<Record<number, MultiPaxosState[K] extends Slots<infer T> ? T : never>>
} & {
  readonly slotCounts: Readonly<Record<SlotFields, number>>;
  readonly promises: readonly { from: NodeId; reported: number }[];
};

export type MultiPaxosMessage =
  | { type: 'Prepare'; ballot: Ballot }
  | { type: 'Promise'; ballot: Ballot; accepted: Slots<SlotValue> }
  | { type: 'Nack'; ballot: Ballot; promised: Ballot }
  | { type: 'Accept'; ballot: Ballot; slot: number; value: string }
  | { type: 'Accepted'; ballot: Ballot; slot: number; value: string }
  | { type: 'Heartbeat'; ballot: Ballot; applied: number }
  /** A follower still follows this ballot (sent only when reads confirm leadership: read index, lease). */
  | { type: 'HeartbeatAck'; ballot: Ballot; follower: NodeId }
  | { type: 'CatchUp'; from: number }
  | { type: 'Decide'; entries: readonly (readonly [slot: number, value: string])[] }
  | { type: 'ClientRequest'; command: string };
