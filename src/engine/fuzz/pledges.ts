import type { MultiPaxosState } from '../multipaxos/types';
import type { PaxosState } from '../paxos/types';
import type { RaftState } from '../raft/types';
import type { AtomicState } from '../twopc/types';

/**
 * Did this event make the node pledge something it must remember across a crash: a Raft vote
 * (votedFor set in a term), a Paxos or Multi-Paxos promise (a higher promised ballot), or in
 * atomic commit a yes vote or a decision on its way?
 * Restarting a node right after a pledge is what tells a node that remembers it from one that
 * forgets it (the mutants forgetVoteOnRestart and forgetPromiseOnRestart).
 */
export function pledged(protocol: string, before: unknown, after: unknown): boolean {
  if (before === after) return false;
  if (protocol === '2pc' || protocol === '3pc') {
    // A participant's yes vote, or a decision the coordinator is sending: what a crash must not lose.
    const b = before as AtomicState;
    const a = after as AtomicState;
    return (a.log.length > b.log.length && a.log.at(-1)?.rec === 'yes') || a.outgoing.length > b.outgoing.length;
  }
  if (protocol === 'raft') {
    const b = before as RaftState;
    const a = after as RaftState;
    return a.votedFor !== null && (a.votedFor !== b.votedFor || a.currentTerm !== b.currentTerm);
  }
  const b = (before as PaxosState | MultiPaxosState).promised;
  const a = (after as PaxosState | MultiPaxosState).promised;
  return a !== null && (b === null || a[0] !== b[0] || a[1] !== b[1]);
}
