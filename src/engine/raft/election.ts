import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { copyState, type Draft, node, others, startElectionTimer } from './state';
import type { RaftMessage, RaftState } from './types';

type RaftStep = Step<RaftState, RaftMessage>;

/** Slide 1: a node starts as a follower with its election timer running. */
export function onStart(s: RaftState, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  out.mark('init.persistent');
  out.mark('init.volatile');
  out.mark('init.timer');
  startElectionTimer(out, ctx);
  return out.done(s, 'raft.init', () => `S${ctx.self} starts as a follower in term ${s.currentTerm}`);
}

/** Slide 1, recovery: persistent state is all that is left; volatile state starts afresh. */
export function onRecover(s: RaftState, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  const forgets = ctx.bugs.has('forgetVoteOnRestart') || ctx.bugs.has('forgetTermOnRestart');
  const state = forgets ? copyState(s) : s;
  if (ctx.bugs.has('forgetVoteOnRestart')) (state as Draft).votedFor = null;
  if (ctx.bugs.has('forgetTermOnRestart')) (state as Draft).currentTerm = 0;
  out.mark('recover.keep', () => `currentTerm ${state.currentTerm}, votedFor ${state.votedFor === null ? 'null' : node(state.votedFor)}, log.length ${state.log.length}, commitLength ${state.commitLength}`);
  out.mark('recover.volatile');
  out.mark('recover.timer');
  startElectionTimer(out, ctx);
  const vote = state.votedFor === null ? 'no vote' : `its vote for S${state.votedFor}`;
  return out.done(state, 'raft.recover',
    () => `S${ctx.self} recovers as a follower in term ${state.currentTerm}, keeping ${vote}, a log of ${state.log.length} and ${state.commitLength} committed`);
}

/**
 * Slide 1, election timeout (or a forced one): a new term, vote for oneself, ask everyone.
 * A leader has no election timer, so a forced timeout on a leader is refused.
 */
export function onElectionTimeout(s: RaftState, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  out.mark('electionTimeout.isLeader', () => (s.currentRole === 'leader' ? `yes, leader of term ${s.currentTerm}` : `no: ${s.currentRole}`));
  if (s.currentRole === 'leader') {
    out.mark('electionTimeout.refuse');
    return { ...out.done(s, 'raft.electionTimeout', () => `S${ctx.self} is the leader of term ${s.currentTerm} and has no election timer`), refused: true };
  }
  const currentTerm = s.currentTerm + 1;
  const state = copyState(s);
  state.currentTerm = currentTerm;
  state.currentRole = 'candidate';
  state.votedFor = ctx.self;
  state.votesReceived = [ctx.self];
  state.currentLeader = null;
  const msg: RaftMessage = { type: 'VoteRequest', candidateId: ctx.self, term: currentTerm, logLength: s.log.length, logTerm: s.log.lastTerm };
  out.mark('electionTimeout.term', () => `currentTerm ${s.currentTerm} → ${currentTerm}, ${s.currentRole} → candidate`);
  out.mark('electionTimeout.vote', () => `votedFor ${node(ctx.self)}`);
  out.mark('electionTimeout.lastTerm', () => `lastTerm ${msg.logTerm}`);
  out.mark('electionTimeout.send', () => `VoteRequest(${node(ctx.self)}, ${currentTerm}, ${msg.logLength}, ${msg.logTerm})`);
  out.mark('electionTimeout.timer');
  for (const id of others(ctx)) out.send(id, msg);
  startElectionTimer(out, ctx);
  return out.done(state, 'raft.electionTimeout', () => `S${ctx.self} times out and starts an election for term ${currentTerm}`);
}
