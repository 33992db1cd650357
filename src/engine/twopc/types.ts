import type { NodeId } from '../sim/protocol';
import type { TxLog } from './durableLog';

export type Vote = 'yes' | 'no';
export type Decision = 'commit' | 'abort';

/**
 * A transaction as the client asked for it (`tx <id> [on <key>,...] [no <node>...]`): its id,
 * the keys it writes (every participant locks them), and the participants whose part of it
 * cannot commit (a constraint fails there), which vote no.
 */
export interface Tx {
  readonly id: string;
  readonly failing: readonly NodeId[];
  readonly keys?: readonly string[];
}

/**
 * One record of a node's durable log. A participant writes `yes` before it replies with
 * its vote (3PC: `precommit` before it acknowledges a pre-commit); every node writes the
 * decision before it acts on it; the coordinator writes `end` once every participant has it.
 */
export interface LogRecord {
  readonly tx: string;
  readonly rec: 'yes' | 'precommit' | 'commit' | 'abort' | 'end';
  /** A yes record lists the keys whose locks the vote keeps, so a recovery takes them again. */
  readonly keys?: readonly string[];
}

/** The coordinator's transaction under way (volatile: lost in a crash). */
export interface Round {
  readonly tx: Tx;
  /** work: participants do the writes; votes: Prepare sent; precommit (3PC): PreCommit sent. */
  readonly phase: 'work' | 'votes' | 'precommit';
  /** Votes received, by participant. */
  readonly votes: Readonly<Record<NodeId, Vote>>;
  /** 3PC: participants that acknowledged the pre-commit. */
  readonly preAcked: readonly NodeId[];
}

/** A decision on its way to the participants, resent until each acknowledges it. */
export interface Outgoing {
  readonly tx: string;
  readonly decision: Decision;
  readonly waiting: readonly NodeId[];
  /** False only under the mutant sendDecisionBeforeLog, until the first acknowledgement. */
  readonly logged: boolean;
}

/** 3PC: a participant acting as the backup coordinator of a transaction (the termination protocol). */
export interface Termination {
  readonly tx: string;
  /** collect: StateReq sent, reports coming in; precommit: PreCommit sent to the uncertain ones. */
  readonly phase: 'collect' | 'precommit';
  readonly reports: Readonly<Record<NodeId, ParticipantStatus>>;
}

/** Where a participant stands on a transaction, as the termination protocol asks it. */
export type ParticipantStatus = 'unknown' | 'working' | 'uncertain' | 'precommitted' | 'committed' | 'aborted';

/**
 * One node of two-phase (or three-phase) commit. S1 is the coordinator; the others are
 * participants. Only `log` survives a crash: it is the node's durable transaction log.
 */
export interface AtomicState {
  // Durable
  readonly log: TxLog;
  // Coordinator (volatile)
  readonly round: Round | null;
  /** Transactions asked for while another was running, in order. */
  readonly queue: readonly Tx[];
  readonly outgoing: readonly Outgoing[];
  // Participant (volatile)
  /** The transaction whose writes it holds (locks taken), not yet voted on; a crash rolls them back. */
  readonly working: Tx | null;
  /**
   * A transaction whose writes wait for a lock that an in-doubt transaction holds (two-phase
   * locking: a conflicting writer waits). Volatile; it takes its locks when they are released.
   */
  readonly lockWait: { readonly tx: Tx; readonly key: string; readonly behind: string } | null;
  /** 3PC: the backup coordinator's run of the termination protocol, if this node leads one. */
  readonly termination: Termination | null;
  /**
   * 3PC: the transaction it last decided as backup coordinator, and how. The termination run
   * ends with the decision; this keeps the lecture's role on the node after it (volatile).
   */
  readonly backupDecided: { readonly tx: string; readonly decision: Decision } | null;
  /**
   * The transactions it was in doubt about when it last recovered. 3PC: it asks about these
   * instead of leading the termination protocol (its view of them is stale).
   */
  readonly recoveredInDoubt: readonly string[];
}

export type AtomicMessage =
  | { type: 'Begin'; tx: Tx }
  | { type: 'Prepare'; tx: string }
  | { type: 'Vote'; tx: string; vote: Vote }
  | { type: 'Decision'; tx: string; decision: Decision }
  | { type: 'Ack'; tx: string }
  | { type: 'AskDecision'; tx: string }
  | { type: 'PreCommit'; tx: string }
  | { type: 'PreAck'; tx: string }
  | { type: 'StateReq'; tx: string }
  | { type: 'StateReport'; tx: string; status: ParticipantStatus };
