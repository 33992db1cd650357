import type { NodeId } from '../sim/protocol';
import type { Log } from './log';

export interface LogEntry {
  readonly term: number;
  /** `set <key> <value>`, `del <key>`, or "noop" for a new leader's no-op entry. */
  readonly command: string;
}

export type Role = 'follower' | 'candidate' | 'leader';

/**
 * A Raft node's state, named as in the lectures.
 * Arrays indexed by node id (sentLength, ackedLength) leave slot 0 unused.
 */
export interface RaftState {
  // Persistent: survives a crash.
  /** Never decreases, across restarts too. */
  readonly currentTerm: number;
  /** The candidate this node voted for in currentTerm; at most one per term, across restarts. */
  readonly votedFor: NodeId | null;
  /** A value: appends share storage with earlier states instead of copying (see log.ts). */
  readonly log: Log;
  /** Entries log[0 .. commitLength) are committed; never decreases. */
  readonly commitLength: number;
  // Volatile: reset on recovery.
  readonly currentRole: Role;
  readonly currentLeader: NodeId | null;
  readonly votesReceived: readonly NodeId[];
  /** On a leader: how much of its log it has sent to each follower (paper: nextIndex). */
  readonly sentLength: readonly number[];
  /** On a leader: how much each follower has acknowledged (paper: matchIndex). */
  readonly ackedLength: readonly number[];
  /** Client commands held while no leader is known; lost in a crash, visibly. */
  readonly pending: readonly string[];
  /** On a leader handing over leadership: the follower it hands to (it accepts no commands meanwhile), else null. */
  readonly transferTo: NodeId | null;
}

export type RaftMessage =
  | { type: 'VoteRequest'; candidateId: NodeId; term: number; logLength: number; logTerm: number }
  | { type: 'VoteResponse'; voterId: NodeId; term: number; granted: boolean }
  | { type: 'LogRequest'; leaderId: NodeId; term: number; prefixLen: number; prefixTerm: number;
      leaderCommit: number; suffix: readonly LogEntry[] }
  | { type: 'LogResponse'; follower: NodeId; term: number; ack: number; success: boolean }
  /** A follower forwarding a client's command to the leader it knows. */
  | { type: 'ClientRequest'; command: string }
  /** Leadership transfer: the leader tells an up-to-date follower to start an election now. */
  | { type: 'TimeoutNow'; leaderId: NodeId; term: number };

export const NOOP = 'noop';
