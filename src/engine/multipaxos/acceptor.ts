import { keepLeasePromise, leaseOwed } from '../clients/leasePromise';
import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { above, ballotText, compareBallots } from '../paxos/ballot';
import { changed, startLeaderTimer } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

type MultiStep = Step<MultiPaxosState, MultiPaxosMessage>;

/** Phase 1b for all slots: promise a higher ballot and report every accepted slot; a leader or candidate with a lower ballot steps down. */
export function onPrepare(s: MultiPaxosState, from: NodeId, ballot: readonly [number, number], ctx: Context): MultiStep {
  const leader = leaseOwed(ctx, s.role === 'follower' ? s.leader : null, from);
  if (leader !== null) return keepLeasePromise(s, ctx, 'multipaxos.leasePromise', leader, `S${from}'s Prepare${ballotText(ballot)}`, 'onPrepare.lease');
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const maxRound = Math.max(s.maxRound, ballot[0]);
  const higher = above(ballot, s.promised);
  out.mark('onPrepare.above', () => `${higher ? '' : 'no: '}${ballotText(ballot)} ${higher ? '>' : '≤'} promised ${ballotText(s.promised)}`);
  if (!higher) {
    out.mark('onPrepare.else');
    out.mark('onPrepare.nack', () => `Nack(${ballotText(ballot)}, ${ballotText(s.promised)})`);
    out.send(from, { type: 'Nack', ballot, promised: s.promised! });
    return out.done(changed(s, { maxRound }), 'multipaxos.nack', () => `S${ctx.self} refuses ballot ${ballotText(ballot)}: it promised ${ballotText(s.promised)}`);
  }
  const n = s.accepted.size;
  out.mark('onPrepare.promise', () => `reporting ${n} accepted slot${n === 1 ? '' : 's'}`);
  out.send(from, { type: 'Promise', ballot, accepted: s.accepted });
  let state: MultiPaxosState = changed(s, { promised: ballot, maxRound });
  if (from !== ctx.self && s.role !== 'follower') {
    out.mark('onPrepare.stepDown', () => `${s.role} → follower`);
    if (s.role === 'leader') out.cancelTimer('heartbeat');
    startLeaderTimer(out, ctx);
    state = changed(state, { role: 'follower', leader: null });
  }
  return out.done(state, 'multipaxos.promise', () => `S${ctx.self} promises ballot ${ballotText(ballot)} to S${from}, reporting ${n} accepted slot${n === 1 ? '' : 's'}`);
}

/** Phase 2b for one slot: accept at or above the promise, and tell every learner. */
export function onAccept(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'Accept' }>, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const ok = s.promised === null || compareBallots(m.ballot, s.promised) >= 0 || ctx.bugs.has('acceptBelowPromise');
  out.mark('onAccept.ok', () => `${ok ? '' : 'no: '}${ballotText(m.ballot)} ${s.promised === null || compareBallots(m.ballot, s.promised) >= 0 ? '≥' : '<'} promised ${ballotText(s.promised)}`);
  if (!ok) {
    out.mark('onAccept.else');
    out.mark('onAccept.nack', () => `Nack(${ballotText(m.ballot)}, ${ballotText(s.promised)})`);
    out.send(from, { type: 'Nack', ballot: m.ballot, promised: s.promised! });
    return out.done(s, 'multipaxos.nack', () => `S${ctx.self} refuses slot ${m.slot} at ${ballotText(m.ballot)}: it promised ${ballotText(s.promised)}`);
  }
  out.mark('onAccept.accept', () => `accepted[${m.slot}] "${m.value}" at ${ballotText(m.ballot)}`);
  for (const id of ctx.nodes) out.send(id, { type: 'Accepted', ballot: m.ballot, slot: m.slot, value: m.value });
  const promised = above(m.ballot, s.promised) ? m.ballot : s.promised;
  let state: MultiPaxosState = changed(s, { promised, accepted: s.accepted.set(m.slot, { ballot: m.ballot, value: m.value }) });
  if (from !== ctx.self) {
    // An Accept comes from the leader: follow it, and keep suspecting it only if it falls silent.
    out.mark('onAccept.follow', () => `leader S${from}`);
    if (s.role === 'leader') out.cancelTimer('heartbeat');
    startLeaderTimer(out, ctx);
    state = changed(state, { role: 'follower', leader: from });
  }
  return out.done(state, 'multipaxos.accept', () => `S${ctx.self} accepts "${m.value}" for slot ${m.slot} at ${ballotText(m.ballot)}`);
}
