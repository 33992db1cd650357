import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';

/**
 * The followers' half of a leader lease (read path `lease`; Ongaro's thesis, 6.4.1 with
 * 4.2.3), the same for every protocol with a leader: a follower that follows a leader, whose
 * election (leader) timer that leader's heartbeat restarted has not run out, ignores another
 * node's bid to lead (Raft's VoteRequest, Multi-Paxos's Prepare) without adopting its term or
 * ballot. So no new leader can be chosen until the followers a lease counted on have gone at
 * least a minimum election timeout, on their own clocks, without hearing from their leader.
 *
 * Returns the leader whose lease the bid would break, or null if the bid may be heard: when
 * reads do not go by lease, when this node follows nobody (a candidate, a leader, or one that
 * has just recovered), or when the bid comes from the leader it follows.
 */
export function leaseOwed(ctx: Context, following: NodeId | null, bidder: NodeId): NodeId | null {
  return ctx.options.leaderLease && following !== null && following !== bidder ? following : null;
}

/** The step that keeps the promise: nothing changes, nothing is sent; `mark` is the protocol's pseudocode line for it, if it has one. */
export function keepLeasePromise<S, M>(s: S, ctx: Context, rule: string, leader: NodeId, bid: string, mark?: string): Step<S, M> {
  const out = Outbox.for<M>(ctx);
  if (mark !== undefined) out.mark(mark, () => `following S${leader}`);
  return out.done(s, rule, () => `S${ctx.self} ignores ${bid}: it follows S${leader}, whose lease it promised not to break before its election timer runs out`);
}
