import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { adoptHigherTerm, startElectionTimer } from './state';
import type { RaftMessage, RaftState } from './types';

type VoteRequest = Extract<RaftMessage, { type: 'VoteRequest' }>;

/** Slide 2, voting on a new leader: at most one vote per term, only for an up-to-date log. */
export function onVoteRequest(s: RaftState, m: VoteRequest, ctx: Context): Step<RaftState, RaftMessage> {
  const out = new Outbox<RaftMessage>();
  let state = m.term > s.currentTerm ? adoptHigherTerm(s, m.term, out, ctx) : s;
  const myLastTerm = state.log.lastTerm;
  const logOk = ctx.bugs.has('skipLogUpToDateCheck')
    || m.logTerm > myLastTerm
    || (m.logTerm === myLastTerm && m.logLength >= state.log.length);
  const free = state.votedFor === null || state.votedFor === m.candidateId || ctx.bugs.has('doubleVote');
  const granted = m.term === state.currentTerm && logOk && free;
  if (granted) {
    state = { ...state, votedFor: m.candidateId };
    startElectionTimer(out, ctx);
  }
  out.send(m.candidateId, { type: 'VoteResponse', voterId: ctx.self, term: state.currentTerm, granted });
  const who = `S${ctx.self}`;
  const text = () => granted
    ? `${who} votes for S${m.candidateId} in term ${m.term}`
    : m.term < state.currentTerm ? `${who} refuses S${m.candidateId} a vote: term ${m.term} is older than its term ${state.currentTerm}`
    : !logOk ? `${who} refuses S${m.candidateId} a vote in term ${m.term}: the candidate's log is less up to date`
    : `${who} refuses S${m.candidateId} a vote: it already voted for S${state.votedFor} in term ${m.term}`;
  return out.done(state, 'raft.voteRequest', text);
}
