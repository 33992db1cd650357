import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { replicateLog } from './replicate';
import { adoptHigherTerm, copyState, node, others, quorum, type RaftOut, startHeartbeat } from './state';
import { NOOP, type RaftMessage, type RaftState } from './types';

type VoteResponse = Extract<RaftMessage, { type: 'VoteResponse' }>;

/** Slide 3, collecting votes: only votes for the current term count; a majority wins. */
export function onVoteResponse(s: RaftState, m: VoteResponse, ctx: Context): Step<RaftState, RaftMessage> {
  const out = Outbox.for<RaftMessage>(ctx);
  const who = `S${ctx.self}`;
  const counts = s.currentRole === 'candidate' && m.term === s.currentTerm && m.granted;
  out.mark('voteResponse.count', () => (counts ? `yes: ${node(m.voterId)} grants its vote in term ${m.term}`
    : s.currentRole !== 'candidate' ? `no: currentRole ${s.currentRole}`
    : m.term !== s.currentTerm ? `no: term ${m.term} ${m.term > s.currentTerm ? '>' : '<'} currentTerm ${s.currentTerm}`
    : `no: ${node(m.voterId)} denies its vote`));
  if (!counts) {
    const newer = m.term > s.currentTerm;
    out.mark('voteResponse.newer', () => (newer ? `term ${m.term} > currentTerm ${s.currentTerm}` : `no: term ${m.term} ≤ currentTerm ${s.currentTerm}`));
    if (newer) {
      out.mark('voteResponse.stepDown', () => `currentTerm ${s.currentTerm} → ${m.term}`);
      const state = adoptHigherTerm(s, m.term, out, ctx);
      return out.done(state, 'raft.voteResponse', () => `${who} learns of term ${m.term} from S${m.voterId} and steps down`);
    }
  }
  if (s.currentRole !== 'candidate' || m.term !== s.currentTerm) {
    return out.done(s, 'raft.voteResponse', () => `${who} ignores a term ${m.term} vote from S${m.voterId}: it is no longer campaigning in that term`);
  }
  if (!m.granted) return out.done(s, 'raft.voteResponse', () => `S${m.voterId} denies ${who} its vote in term ${m.term}`);
  const votesReceived = s.votesReceived.includes(m.voterId) ? s.votesReceived : [...s.votesReceived, m.voterId];
  const state = copyState(s);
  state.votesReceived = votesReceived;
  out.mark('voteResponse.add', () => `votesReceived {${[...votesReceived].sort((a, b) => a - b).map(node).join(', ')}}`);
  const won = votesReceived.length >= quorum(ctx);
  out.mark('voteResponse.majority', () => `${won ? 'yes' : 'no'}: ${votesReceived.length} ${won ? '≥' : '<'} ${quorum(ctx)}`);
  if (!won) {
    return out.done(state, 'raft.voteResponse', () => `${who} has ${votesReceived.length} of ${quorum(ctx)} votes needed in term ${s.currentTerm}`);
  }
  const leader = becomeLeader(state, out, ctx);
  const voters = [...votesReceived].sort((a, b) => a - b).map((id) => `S${id}`).join(', ');
  return out.done(leader, 'raft.becomeLeader', () => `${who} wins term ${s.currentTerm} with votes from ${voters} and becomes leader`);
}

/**
 * A new leader: stop the election timer, start the heartbeat, and replicate to every follower.
 * sentLength starts at the log's length before anything the new leader appends itself (the
 * optional no-op, commands held while leaderless), so the first LogRequest already carries them.
 * ackedLength[self] covers the leader's whole log: the leader counts towards every majority.
 */
function becomeLeader(s: RaftState, out: RaftOut, ctx: Context): RaftState {
  out.mark('voteResponse.lead', () => `currentRole leader of term ${s.currentTerm}`);
  const sentLength = new Array<number>(ctx.nodes.length + 1).fill(s.log.length);
  const appended = [
    ...(ctx.options.noopOnElection ? [{ term: s.currentTerm, command: NOOP }] : []),
    ...s.pending.map((command) => ({ term: s.currentTerm, command })),
  ];
  if (appended.length > 0) out.mark('voteResponse.append', () => `log.length ${s.log.length} → ${s.log.length + appended.length}`);
  const log = s.log.append(appended);
  const ackedLength = new Array<number>(ctx.nodes.length + 1).fill(0);
  ackedLength[ctx.self] = log.length;
  out.mark('voteResponse.selfAck', () => `ackedLength[${node(ctx.self)}] = ${log.length}`);
  out.mark('voteResponse.followers', () => `sentLength ${s.log.length}, ackedLength 0`);
  const state = copyState(s);
  state.log = log;
  state.currentRole = 'leader';
  state.currentLeader = ctx.self;
  state.sentLength = sentLength;
  state.ackedLength = ackedLength;
  state.pending = [];
  out.cancelTimer('election');
  startHeartbeat(out, ctx);
  for (const id of others(ctx)) replicateLog(state, id, out, ctx);
  return state;
}
