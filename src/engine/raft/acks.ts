import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { commitLogEntries } from './commit';
import { replicateLog } from './replicate';
import { adoptHigherTerm, entriesText, rangeText, setAt } from './state';
import type { RaftMessage, RaftState } from './types';

type LogResponse = Extract<RaftMessage, { type: 'LogResponse' }>;

/**
 * Slide 8, the leader receiving log acknowledgements. A success moves sentLength and
 * ackedLength forward (never back: replies can arrive out of order or twice); a failure
 * steps sentLength back by one and tries again.
 */
export function onLogResponse(s: RaftState, m: LogResponse, ctx: Context): Step<RaftState, RaftMessage> {
  const out = new Outbox<RaftMessage>();
  const who = `S${ctx.self}`;
  const f = m.follower;
  if (m.term > s.currentTerm) {
    return out.done(adoptHigherTerm(s, m.term, out, ctx), 'raft.logResponse', () => `${who} learns of term ${m.term} from S${f} and steps down`);
  }
  if (s.currentRole !== 'leader' || m.term !== s.currentTerm) {
    return out.done(s, 'raft.logResponse', () => `${who} ignores a term ${m.term} log acknowledgement from S${f}`);
  }
  if (m.success && m.ack === s.ackedLength[f] && m.ack === s.sentLength[f]) {
    // Nothing new (a heartbeat's reply, or a duplicate): no state to change, nothing new to commit.
    return out.done(s, 'raft.logResponse', () => `${who} learns S${f} still holds ${entriesText(m.ack)} of its log`);
  }
  if (m.success && m.ack >= s.ackedLength[f]) {
    const acked = { ...s, sentLength: setAt(s.sentLength, f, m.ack), ackedLength: setAt(s.ackedLength, f, m.ack) };
    const state = commitLogEntries(acked, out, ctx);
    const committed = state.commitLength > s.commitLength
      ? `; ${rangeText(s.commitLength, state.commitLength)} ${state.commitLength - s.commitLength === 1 ? 'is' : 'are'} now committed` : '';
    return out.done(state, 'raft.logResponse', () => `${who} learns S${f} holds ${entriesText(m.ack)} of its log${committed}`);
  }
  if (m.success) {
    return out.done(s, 'raft.logResponse', () => `${who} ignores a stale acknowledgement of ${m.ack} from S${f} (already ${s.ackedLength[f]})`);
  }
  if (s.sentLength[f] > 0) {
    const state = { ...s, sentLength: setAt(s.sentLength, f, s.sentLength[f] - 1) };
    replicateLog(state, f, out, ctx);
    return out.done(state, 'raft.logResponse', () => `${who} backs up to sentLength ${state.sentLength[f]} for S${f} and retries`);
  }
  return out.done(s, 'raft.logResponse', () => `${who} got a failed acknowledgement from S${f} with nothing left to back up`);
}
