import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { above, ballotText, compareBallots } from './ballot';
import { changed, startRetry } from './state';
import type { PaxosMessage, PaxosState } from './types';

type Prepare = Extract<PaxosMessage, { type: 'Prepare' }>;
type Accept = Extract<PaxosMessage, { type: 'Accept' }>;

/** Phase 1b: promise a ballot above every one promised so far, reporting what was accepted; else refuse. */
export function onPrepare(s: PaxosState, from: NodeId, m: Prepare, ctx: Context): Step<PaxosState, PaxosMessage> {
  const out = Outbox.for<PaxosMessage>(ctx);
  const maxRound = Math.max(s.maxRound, m.ballot[0]);
  const higher = above(m.ballot, s.promised);
  out.mark('onPrepare.above', () => `${higher ? '' : 'no: '}${ballotText(m.ballot)} ${higher ? '>' : '≤'} promised ${ballotText(s.promised)}`);
  if (higher) {
    out.mark('onPrepare.promise', () => `reporting ${s.accepted === null ? 'nothing accepted' : `"${s.accepted.value}" at ${ballotText(s.accepted.ballot)}`}`);
    out.send(from, { type: 'Promise', ballot: m.ballot, accepted: s.accepted });
    const reported = s.accepted === null ? 'nothing accepted yet' : `its accepted "${s.accepted.value}" at ${ballotText(s.accepted.ballot)}`;
    // This node's own proposer sees a higher ballot: its round is lost, so it gives up at once and
    // tries again later (at once without backoff: that is how dueling proposers can livelock).
    const preempted = from !== ctx.self && (s.phase === 'prepare' || s.phase === 'accept') && s.ballot !== null && above(m.ballot, s.ballot);
    if (preempted) {
      out.mark('onPrepare.preempted', () => `own round ${ballotText(s.ballot)} is lost`);
      startRetry(out, ctx, true, s.backoffs + 1);
    }
    return out.done(changed(s, preempted ? { promised: m.ballot, maxRound, phase: 'backoff', backoffs: s.backoffs + 1 } : { promised: m.ballot, maxRound }), 'paxos.promise',
      () => `S${ctx.self} promises ballot ${ballotText(m.ballot)} to S${from}, reporting ${reported}${preempted ? `; its own round ${ballotText(s.ballot)} is lost` : ''}`);
  }
  out.mark('onPrepare.else');
  out.mark('onPrepare.nack', () => `Nack(${ballotText(m.ballot)}, ${ballotText(s.promised)})`);
  out.send(from, { type: 'Nack', ballot: m.ballot, promised: s.promised! });
  return out.done(changed(s, { maxRound }), 'paxos.nack', () => `S${ctx.self} refuses ballot ${ballotText(m.ballot)} from S${from}: it promised ${ballotText(s.promised)}`);
}

/** Phase 2b: accept unless a higher ballot was promised; tell every learner. */
export function onAccept(s: PaxosState, from: NodeId, m: Accept, ctx: Context): Step<PaxosState, PaxosMessage> {
  const out = Outbox.for<PaxosMessage>(ctx);
  const ok = s.promised === null || compareBallots(m.ballot, s.promised) >= 0 || ctx.bugs.has('acceptBelowPromise');
  out.mark('onAccept.ok', () => `${ok ? '' : 'no: '}${ballotText(m.ballot)} ${s.promised === null || compareBallots(m.ballot, s.promised) >= 0 ? '≥' : '<'} promised ${ballotText(s.promised)}`);
  if (!ok) {
    out.mark('onAccept.else');
    out.mark('onAccept.nack', () => `Nack(${ballotText(m.ballot)}, ${ballotText(s.promised)})`);
    out.send(from, { type: 'Nack', ballot: m.ballot, promised: s.promised! });
    return out.done(s, 'paxos.nack', () => `S${ctx.self} refuses to accept ballot ${ballotText(m.ballot)}: it promised ${ballotText(s.promised)}`);
  }
  const promised = above(m.ballot, s.promised) ? m.ballot : s.promised;
  out.mark('onAccept.accept', () => `accepted "${m.value}" at ${ballotText(m.ballot)}`);
  out.mark('onAccept.send');
  for (const id of ctx.nodes) out.send(id, { type: 'Accepted', ballot: m.ballot, value: m.value });
  return out.done(changed(s, { promised, accepted: { ballot: m.ballot, value: m.value }, maxRound: Math.max(s.maxRound, m.ballot[0]) }), 'paxos.accept',
    () => `S${ctx.self} accepts "${m.value}" at ballot ${ballotText(m.ballot)} and tells every learner`);
}
