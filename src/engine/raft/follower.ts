import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { appendEntries } from './appendEntries';
import { adoptHigherTerm, copyState, entriesText, node, startElectionTimer } from './state';
import type { RaftMessage, RaftState } from './types';

type LogRequest = Extract<RaftMessage, { type: 'LogRequest' }>;

/** Slide 6, followers receiving messages: accept the leader of the current term, check the prefix. */
export function onLogRequest(s: RaftState, m: LogRequest, ctx: Context): Step<RaftState, RaftMessage> {
  const out = Outbox.for<RaftMessage>(ctx);
  const newer = m.term > s.currentTerm;
  out.mark('logRequest.newer', () => (newer ? `term ${m.term} > currentTerm ${s.currentTerm}` : `no: term ${m.term} ${m.term === s.currentTerm ? '=' : '<'} currentTerm ${s.currentTerm}`));
  if (newer) out.mark('logRequest.adopt', () => `currentTerm ${s.currentTerm} → ${m.term}`);
  let state = newer ? adoptHigherTerm(s, m.term, out, ctx) : s;
  const current = m.term === state.currentTerm;
  out.mark('logRequest.same', () => (current ? `term ${m.term} = currentTerm` : `no: term ${m.term} < currentTerm ${state.currentTerm}`));
  if (current) {
    // A valid LogRequest: this is the leader of our term. Candidates step down; the timer restarts.
    const before = state;
    out.mark('logRequest.follow', () => `currentLeader ${node(m.leaderId)}${before.currentRole !== 'follower' ? `, ${before.currentRole} → follower` : ''}`);
    if (state.currentRole === 'leader') out.cancelTimer('heartbeat');
    if (state.pending.length > 0) out.mark('logRequest.forwardHeld', () => `${before.pending.length} held`);
    for (const command of state.pending) out.send(m.leaderId, { type: 'ClientRequest', command });
    if (state.currentRole !== 'follower' || state.currentLeader !== m.leaderId || state.pending.length > 0) {
      const next = copyState(state);
      next.currentRole = 'follower';
      next.currentLeader = m.leaderId;
      next.votesReceived = [];
      next.pending = [];
      state = next;
    }
    if (!ctx.bugs.has('noElectionTimerReset')) startElectionTimer(out, ctx);
  }
  const log = state.log;
  const logOk = log.length >= m.prefixLen
    && (m.prefixLen === 0 || log.get(m.prefixLen - 1).term === m.prefixTerm);
  out.mark('logRequest.logOk', () => `logOk: ${logOk ? 'yes' : 'no'}, ${log.length < m.prefixLen ? `log.length ${log.length} < prefixLen ${m.prefixLen}`
    : m.prefixLen === 0 ? 'prefixLen 0'
    : `log[${m.prefixLen - 1}].term ${log.get(m.prefixLen - 1).term} ${logOk ? '=' : '≠'} prefixTerm ${m.prefixTerm}`}`);
  const accepted = current && logOk;
  out.mark('logRequest.acceptIf', () => (accepted ? 'yes' : !current ? 'no: an older term' : 'no: logOk is false'));
  if (accepted) {
    out.mark('logRequest.append');
    state = appendEntries(state, m.prefixLen, m.leaderCommit, m.suffix, out, ctx);
    const ack = m.prefixLen + m.suffix.length;
    out.mark('logRequest.ack', () => `ack ${ack}`);
    out.mark('logRequest.yes', () => `LogResponse(${node(ctx.self)}, ${m.term}, ${ack}, true)`);
    out.send(m.leaderId, { type: 'LogResponse', follower: ctx.self, term: state.currentTerm, ack, success: true });
    return out.done(state, 'raft.logRequest',
      () => `S${ctx.self} accepts ${m.suffix.length === 0 ? 'a heartbeat' : entriesText(m.suffix.length)} from leader S${m.leaderId} (term ${m.term}); its log has ${state.log.length}, ${state.commitLength} committed`);
  }
  const term = state.currentTerm;
  out.mark('logRequest.else');
  out.mark('logRequest.no', () => `LogResponse(${node(ctx.self)}, ${term}, 0, false)`);
  out.send(m.leaderId, { type: 'LogResponse', follower: ctx.self, term: state.currentTerm, ack: 0, success: false });
  const why = m.term < state.currentTerm
    ? `term ${m.term} is older than its term ${state.currentTerm}`
    : `its log does not hold an entry of term ${m.prefixTerm} at position ${m.prefixLen}`;
  return out.done(state, 'raft.logRequest', () => `S${ctx.self} rejects a LogRequest from S${m.leaderId}: ${why}`);
}
