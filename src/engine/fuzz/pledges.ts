import type { MultiPaxosState } from '../multipaxos/types';
import type { PaxosState } from '../paxos/types';
import type { RaftState } from '../raft/types';

/**
 * Did this event make the node pledge something it must remember across a crash: a Raft vote
 * (votedFor set in a term), or a Paxos or Multi-Paxos promise (a higher promised ballot)?
 * Restarting a node right after a pledge is what tells a node that remembers it from one that
 * forgets it (the mutants forgetVoteOnRestart and forgetPromiseOnRestart).
 */
export function pledged(protocol: string, before: unknown, after: unknown): boolean {
  if (before === after) return false;
  if (protocol === 'raft') {
    const b = before as RaftState;
    const a = after as RaftState;
    return a.votedFor !== null && (a.votedFor !== b.votedFor || a.currentTerm !== b.currentTerm);
  }
  const b = (before as PaxosState | MultiPaxosState).promised;
  const a = (after as PaxosState | MultiPaxosState).promised;
  return a !== null && (b === null || a[0] !== b[0] || a[1] !== b[1]);
}
