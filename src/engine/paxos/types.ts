import type { NodeId } from '../sim/protocol';
import type { Ballot } from './ballot';

export interface Accepted {
  readonly ballot: Ballot;
  readonly value: string;
}

export type ProposerPhase = 'idle' | 'prepare' | 'accept' | 'backoff' | 'done';

/**
 * Single-decree Paxos: every node is acceptor and learner, and proposer when the scenario
 * lets it. Acceptor state and the learned value survive a crash; proposer state does not.
 */
export interface PaxosState {
  // Acceptor (persistent)
  /** The highest ballot promised; never decreases, across restarts too. */
  readonly promised: Ballot | null;
  /** The proposal last accepted; its ballot is never below promised at the time. */
  readonly accepted: Accepted | null;
  // Learner (persistent: a learned value is written down)
  readonly learned: string | null;
  // Learner (volatile): acceptances seen, per ballot.
  readonly tallies: readonly { ballot: Ballot; value: string; from: readonly NodeId[] }[];
  // Proposer (volatile)
  readonly phase: ProposerPhase;
  /** The client's value this proposer was asked to propose. */
  readonly value: string | null;
  readonly ballot: Ballot | null;
  /** Promises for the current ballot, with what each acceptor reported as accepted. */
  readonly promises: readonly { from: NodeId; accepted: Accepted | null }[];
  /** Acceptors that accepted the current ballot. */
  readonly acceptedBy: readonly NodeId[];
  /** The value sent in phase 2: the proposer's own, or the one adopted from the promises. */
  readonly proposal: string | null;
  /** The highest round this node has seen anywhere: the next ballot goes above it. */
  readonly maxRound: number;
  /** How often this proposer has been preempted in a row: each backoff may wait twice as long as the one before. */
  readonly backoffs: number;
}

export type PaxosMessage =
  | { type: 'Prepare'; ballot: Ballot }
  | { type: 'Promise'; ballot: Ballot; accepted: Accepted | null }
  | { type: 'Nack'; ballot: Ballot; promised: Ballot }
  | { type: 'Accept'; ballot: Ballot; value: string }
  | { type: 'Accepted'; ballot: Ballot; value: string };
