import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import type { RaftMessage, RaftState } from './types';
import { onVoteRequest } from './voting';

type VoteRequest = Extract<RaftMessage, { type: 'VoteRequest' }>;

/**
 * The followers' half of a leader lease (read path `lease`; Ongaro's thesis, 6.4.1 with
 * 4.2.3): a follower that follows a leader, whose election timer that leader's heartbeat
 * restarted has not run out, ignores another candidate's VoteRequest without adopting its
 * term. So no new leader can be elected until the followers a lease counted on have gone at
 * least a minimum election timeout, on their own clocks, without hearing from their leader.
 */
export function onVoteRequestUnderLease(s: RaftState, m: VoteRequest, ctx: Context): Step<RaftState, RaftMessage> {
  const leader = s.currentLeader;
  if (s.currentRole !== 'follower' || leader === null || leader === m.candidateId) return onVoteRequest(s, m, ctx);
  return Outbox.for<RaftMessage>(ctx).done(s, 'raft.leasePromise',
    () => `S${ctx.self} ignores S${m.candidateId}'s VoteRequest of term ${m.term}: it follows S${leader}, whose lease it promised not to break before its election timer runs out`);
}
