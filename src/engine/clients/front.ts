import type { MultiPaxosState } from '../multipaxos/types';
import type { RaftMessage, RaftState } from '../raft/types';
import type { NodeId } from '../sim/protocol';
import type { ReadPath } from './types';

/**
 * What the client side needs to know of a protocol's server, and nothing more: is it the
 * leader (as far as it knows), which leader to send a client to, and, for a read index,
 * its commit point and which messages confirm its leadership.
 */
export interface Front {
  readonly reads: readonly ReadPath[];
  leads(state: unknown): boolean;
  /** The leader this server would send a client to, if it knows one other than itself. */
  leaderHint(state: unknown, self: NodeId): NodeId | null;
  term(state: unknown): number;
  /**
   * The commit point a read must wait for, or null while the leader has not yet committed
   * an entry of its own term (before that, its commit point may lag the true one).
   */
  readIndex(state: unknown): number | null;
  /** The follower whose reply confirms this leader in `term`, if `msg` is one. */
  confirms(msg: unknown, term: number): NodeId | null;
}

const raftFront: Front = {
  reads: ['local', 'leader', 'log', 'readIndex', 'lease'],
  leads: (s) => (s as RaftState).currentRole === 'leader',
  leaderHint: (s, self) => {
    const leader = (s as RaftState).currentLeader;
    return leader !== null && leader !== self ? leader : null;
  },
  term: (s) => (s as RaftState).currentTerm,
  readIndex: (state) => {
    const s = state as RaftState;
    return s.commitLength > 0 && s.log.get(s.commitLength - 1).term === s.currentTerm ? s.commitLength : null;
  },
  confirms: (msg, term) => {
    const m = msg as RaftMessage;
    return m.type === 'LogResponse' && m.success && m.term === term ? m.follower : null;
  },
};

const multipaxosFront: Front = {
  reads: ['local', 'leader', 'log'],
  leads: (s) => (s as MultiPaxosState).role === 'leader',
  leaderHint: (s, self) => {
    const leader = (s as MultiPaxosState).leader;
    return leader !== null && leader !== self ? leader : null;
  },
  term: (s) => (s as MultiPaxosState).ballot?.[0] ?? 0,
  readIndex: () => null,
  confirms: () => null,
};

/** The protocols clients can use: those that replicate the key-value store. */
export const FRONTS: Readonly<Record<string, Front>> = { raft: raftFront, multipaxos: multipaxosFront };
