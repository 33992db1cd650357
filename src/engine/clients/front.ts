import type { MultiPaxosMessage, MultiPaxosState } from '../multipaxos/types';
import { ballotText } from '../paxos/ballot';
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
  /** The leader's term or ballot as the lectures write it: "term 3", "ballot (3, S4)". */
  epoch(state: unknown): string;
  /**
   * The commit point a read must wait for, or null while the leader has not yet committed
   * an entry of its own term (before that, its commit point may lag the true one).
   */
  readIndex(state: unknown): number | null;
  /** The follower whose reply confirms this leader in `term`, if `msg` is one. */
  confirms(msg: unknown, term: number): NodeId | null;
  /**
   * The protocol's pseudocode lines for a read that confirms leadership, if its pseudocode
   * shows them: answered at once on a lease, held with its read index noted, answered after
   * the heartbeat round, turned away because the leader lost its term or ballot meanwhile.
   */
  readonly readLines?: { readonly lease: string; readonly note: string; readonly answer: string; readonly lost: string };
}

const raftFront: Front = {
  reads: ['local', 'leader', 'log', 'readIndex', 'lease'],
  leads: (s) => (s as RaftState).currentRole === 'leader',
  leaderHint: (s, self) => {
    const leader = (s as RaftState).currentLeader;
    return leader !== null && leader !== self ? leader : null;
  },
  term: (s) => (s as RaftState).currentTerm,
  epoch: (s) => `term ${(s as RaftState).currentTerm}`,
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
  reads: ['local', 'leader', 'log', 'readIndex', 'lease'],
  leads: (s) => (s as MultiPaxosState).role === 'leader',
  leaderHint: (s, self) => {
    const leader = (s as MultiPaxosState).leader;
    return leader !== null && leader !== self ? leader : null;
  },
  // A ballot's round names it on its own leader (the other half is that leader's id).
  term: (s) => (s as MultiPaxosState).ballot?.[0] ?? 0,
  epoch: (s) => `ballot ${ballotText((s as MultiPaxosState).ballot)}`,
  // Slots 1..applied are chosen and applied in order; they include every value chosen before
  // this leader once it has applied the slots its phase 1 settled (Raft's "an entry of its own term").
  readIndex: (state) => {
    const s = state as MultiPaxosState;
    return s.applied >= s.recovered ? s.applied : null;
  },
  confirms: (msg, term) => {
    const m = msg as MultiPaxosMessage;
    return m.type === 'HeartbeatAck' && m.ballot[0] === term ? m.follower : null;
  },
  readLines: { lease: 'read.lease', note: 'read.note', answer: 'read.answer', lost: 'read.lost' },
};

/** The protocols clients can use: those that replicate the key-value store. */
export const FRONTS: Readonly<Record<string, Front>> = { raft: raftFront, multipaxos: multipaxosFront };
