import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { appendEntries } from './appendEntries';
import { adoptHigherTerm, entriesText, startElectionTimer } from './state';
import type { RaftMessage, RaftState } from './types';

type LogRequest = Extract<RaftMessage, { type: 'LogRequest' }>;

/** Slide 6, followers receiving messages: accept the leader of the current term, check the prefix. */
export function onLogRequest(s: RaftState, m: LogRequest, ctx: Context): Step<RaftState, RaftMessage> {
  const out = new Outbox<RaftMessage>();
  let state = m.term > s.currentTerm ? adoptHigherTerm(s, m.term, out, ctx) : s;
  if (m.term === state.currentTerm) {
    // A valid LogRequest: this is the leader of our term. Candidates step down; the timer restarts.
    if (state.currentRole === 'leader') out.cancelTimer('heartbeat');
    for (const command of state.pending) out.send(m.leaderId, { type: 'ClientRequest', command });
    if (state.currentRole !== 'follower' || state.currentLeader !== m.leaderId || state.pending.length > 0) {
      state = { ...state, currentRole: 'follower', currentLeader: m.leaderId, votesReceived: [], pending: [] };
    }
    startElectionTimer(out, ctx);
  }
  const logOk = state.log.length >= m.prefixLen
    && (m.prefixLen === 0 || state.log.get(m.prefixLen - 1).term === m.prefixTerm);
  const who = `S${ctx.self}`;
  if (m.term === state.currentTerm && logOk) {
    state = appendEntries(state, m.prefixLen, m.leaderCommit, m.suffix, out, ctx);
    const ack = m.prefixLen + m.suffix.length;
    out.send(m.leaderId, { type: 'LogResponse', follower: ctx.self, term: state.currentTerm, ack, success: true });
    const what = m.suffix.length === 0 ? 'a heartbeat' : entriesText(m.suffix.length);
    return out.done(state, 'raft.logRequest',
      () => `${who} accepts ${what} from leader S${m.leaderId} (term ${m.term}); its log has ${state.log.length}, ${state.commitLength} committed`);
  }
  out.send(m.leaderId, { type: 'LogResponse', follower: ctx.self, term: state.currentTerm, ack: 0, success: false });
  const why = m.term < state.currentTerm
    ? `term ${m.term} is older than its term ${state.currentTerm}`
    : `its log does not hold an entry of term ${m.prefixTerm} at position ${m.prefixLen}`;
  return out.done(state, 'raft.logRequest', () => `${who} rejects a LogRequest from S${m.leaderId}: ${why}`);
}
