import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { adoptHigherTerm, copyState, node, startElectionTimer } from './state';
import type { RaftMessage, RaftState } from './types';

type VoteRequest = Extract<RaftMessage, { type: 'VoteRequest' }>;

/** Slide 2, voting on a new leader: at most one vote per term, only for an up-to-date log. */
export function onVoteRequest(s: RaftState, m: VoteRequest, ctx: Context): Step<RaftState, RaftMessage> {
  const out = Outbox.for<RaftMessage>(ctx);
  const newer = m.term > s.currentTerm;
  out.mark('voteRequest.newer', () => (newer ? `cTerm ${m.term} > currentTerm ${s.currentTerm}` : `no: cTerm ${m.term} ${m.term === s.currentTerm ? '=' : '<'} currentTerm ${s.currentTerm}`));
  if (newer) out.mark('voteRequest.stepDown', () => `currentTerm ${s.currentTerm} → ${m.term}${s.votedFor !== null ? `, votedFor ${node(s.votedFor)} → null` : ''}`);
  let state = newer ? adoptHigherTerm(s, m.term, out, ctx) : s;
  const myLastTerm = state.log.lastTerm;
  const logLength = state.log.length;
  out.mark('voteRequest.lastTerm', () => `lastTerm ${myLastTerm}`);
  const logOk = ctx.bugs.has('skipLogUpToDateCheck')
    || m.logTerm > myLastTerm
    || (m.logTerm === myLastTerm && m.logLength >= logLength);
  out.mark('voteRequest.logOk', () => `logOk: ${logOk ? 'yes' : 'no'}, ${m.logTerm !== myLastTerm
    ? `cLogTerm ${m.logTerm} ${m.logTerm > myLastTerm ? '>' : '<'} lastTerm ${myLastTerm}`
    : `cLogTerm ${m.logTerm} = lastTerm ${myLastTerm} and cLogLength ${m.logLength} ${m.logLength >= logLength ? '≥' : '<'} log.length ${logLength}`}`);
  const votedFor = state.votedFor;
  const free = votedFor === null || (votedFor === m.candidateId && !ctx.bugs.has('votedForNullOnly')) || ctx.bugs.has('doubleVote');
  const granted = m.term === state.currentTerm && logOk && free;
  const term = state.currentTerm;
  out.mark('voteRequest.grantIf', () => (granted ? `yes, votedFor ${votedFor === null ? 'null' : node(votedFor)}`
    : m.term < term ? `no: cTerm ${m.term} < currentTerm ${term}` : !logOk ? 'no: logOk is false' : `no: votedFor ${node(votedFor!)}`));
  if (granted) {
    const next = copyState(state);
    next.votedFor = m.candidateId;
    state = next;
    if (!ctx.bugs.has('noElectionTimerReset')) startElectionTimer(out, ctx);
    out.mark('voteRequest.grant', () => `votedFor ${votedFor === null ? 'null' : node(votedFor)} → ${node(m.candidateId)}`);
    out.mark('voteRequest.yes', () => `VoteResponse(${node(ctx.self)}, ${term}, true) to ${node(m.candidateId)}`);
  } else {
    out.mark('voteRequest.else');
    out.mark('voteRequest.no', () => `VoteResponse(${node(ctx.self)}, ${term}, false) to ${node(m.candidateId)}`);
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
