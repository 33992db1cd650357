import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { commitLogEntries } from './commit';
import { replicateLog } from './replicate';
import { sendTimeoutNowIfCaughtUp } from './transfer';
import { adoptHigherTerm, change, copyState, entriesText, node, rangeText, setAt } from './state';
import type { RaftMessage, RaftState } from './types';

type LogResponse = Extract<RaftMessage, { type: 'LogResponse' }>;

/**
 * Slide 8, the leader receiving log acknowledgements. A success moves sentLength and
 * ackedLength forward (never back: replies can arrive out of order or twice); a failure
 * steps sentLength back by one and tries again.
 */
export function onLogResponse(s: RaftState, m: LogResponse, ctx: Context): Step<RaftState, RaftMessage> {
  const out = Outbox.for<RaftMessage>(ctx);
  const f = m.follower;
  const current = s.currentRole === 'leader' && m.term === s.currentTerm;
  out.mark('logResponse.current', () => (current ? `term ${m.term} = currentTerm, leader`
    : m.term !== s.currentTerm ? `no: term ${m.term} ${m.term > s.currentTerm ? '>' : '<'} currentTerm ${s.currentTerm}` : `no: currentRole ${s.currentRole}`));
  if (!current) {
    const newer = m.term > s.currentTerm;
    out.mark('logResponse.newer', () => (newer ? `term ${m.term} > currentTerm ${s.currentTerm}` : 'no'));
    if (newer) {
      out.mark('logResponse.stepDown', () => `currentTerm ${s.currentTerm} → ${m.term}`);
      return out.done(adoptHigherTerm(s, m.term, out, ctx), 'raft.logResponse', () => `S${ctx.self} learns of term ${m.term} from S${f} and steps down`);
    }
    return out.done(s, 'raft.logResponse', () => `S${ctx.self} ignores a term ${m.term} log acknowledgement from S${f}`);
  }
  const acked = s.ackedLength[f];
  const advances = m.success && m.ack >= acked;
  out.mark('logResponse.successIf', () => (advances ? `ack ${m.ack} ≥ ackedLength[${node(f)}] ${acked}`
    : m.success ? `no: ack ${m.ack} < ackedLength[${node(f)}] ${acked}` : 'no: success is false'));
  if (advances) out.mark('logResponse.advance', () => change(`ackedLength[${node(f)}]`, acked, m.ack));
  if (m.success && m.ack === acked && m.ack === s.sentLength[f]) {
    // Nothing new (a heartbeat's reply, or a duplicate): no state to change, nothing new to commit.
    out.mark('logResponse.commit', () => 'nothing new to count');
    return out.done(s, 'raft.logResponse', () => `S${ctx.self} learns S${f} still holds ${entriesText(m.ack)} of its log`);
  }
  if (advances) {
    out.mark('logResponse.commit');
    const acked = copyState(s);
    acked.sentLength = setAt(s.sentLength, f, m.ack);
    acked.ackedLength = setAt(s.ackedLength, f, m.ack);
    const state = commitLogEntries(acked, out, ctx);
    // Handing leadership to this follower: now that it has caught up, tell it to time out.
    if (state.transferTo === f) sendTimeoutNowIfCaughtUp(state, out, ctx);
    const committed = () => (state.commitLength > s.commitLength
      ? `; ${rangeText(s.commitLength, state.commitLength)} ${state.commitLength - s.commitLength === 1 ? 'is' : 'are'} now committed` : '');
    return out.done(state, 'raft.logResponse', () => `S${ctx.self} learns S${f} holds ${entriesText(m.ack)} of its log${committed()}`);
  }
  if (m.success) {
    out.mark('logResponse.stale', () => `ack ${m.ack} < ackedLength[${node(f)}] ${acked}`);
    return out.done(s, 'raft.logResponse', () => `S${ctx.self} ignores a stale acknowledgement of ${m.ack} from S${f} (already ${s.ackedLength[f]})`);
  }
  const sent = s.sentLength[f];
  out.mark('logResponse.retryIf', () => `${sent > 0 ? '' : 'no: '}sentLength[${node(f)}] ${sent} ${sent > 0 ? '>' : '='} 0`);
  if (sent > 0) {
    const state = copyState(s);
    state.sentLength = setAt(s.sentLength, f, sent - 1);
    out.mark('logResponse.back', () => change(`sentLength[${node(f)}]`, sent, sent - 1));
    out.mark('logResponse.retry');
    replicateLog(state, f, out, ctx);
    return out.done(state, 'raft.logResponse', () => `S${ctx.self} backs up to sentLength ${state.sentLength[f]} for S${f} and retries`);
  }
  return out.done(s, 'raft.logResponse', () => `S${ctx.self} got a failed acknowledgement from S${f} with nothing left to back up`);
}
