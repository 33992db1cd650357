import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { above, ballotText, compareBallots } from '../paxos/ballot';
import { startLeaderTimer } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

type MultiStep = Step<MultiPaxosState, MultiPaxosMessage>;

/** Phase 1b for all slots: promise a higher ballot and report every accepted slot; a leader or candidate with a lower ballot steps down. */
export function onPrepare(s: MultiPaxosState, from: NodeId, ballot: readonly [number, number], ctx: Context): MultiStep {
  const out = new Outbox<MultiPaxosMessage>();
  const who = `S${ctx.self}`;
  const maxRound = Math.max(s.maxRound, ballot[0]);
  if (!above(ballot, s.promised)) {
    out.send(from, { type: 'Nack', ballot, promised: s.promised! });
    return out.done({ ...s, maxRound }, 'multipaxos.nack', () => `${who} refuses ballot ${ballotText(ballot)}: it promised ${ballotText(s.promised)}`);
  }
  out.send(from, { type: 'Promise', ballot, accepted: s.accepted });
  let state: MultiPaxosState = { ...s, promised: ballot, maxRound };
  if (from !== ctx.self && s.role !== 'follower') {
    if (s.role === 'leader') out.cancelTimer('heartbeat');
    startLeaderTimer(out, ctx);
    state = { ...state, role: 'follower', leader: null };
  }
  const n = s.accepted.size;
  return out.done(state, 'multipaxos.promise', () => `${who} promises ballot ${ballotText(ballot)} to S${from}, reporting ${n} accepted slot${n === 1 ? '' : 's'}`);
}

/** Phase 2b for one slot: accept at or above the promise, and tell every learner. */
export function onAccept(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'Accept' }>, ctx: Context): MultiStep {
  const out = new Outbox<MultiPaxosMessage>();
  const who = `S${ctx.self}`;
  const ok = s.promised === null || compareBallots(m.ballot, s.promised) >= 0 || ctx.bugs.has('acceptBelowPromise');
  if (!ok) {
    out.send(from, { type: 'Nack', ballot: m.ballot, promised: s.promised! });
    return out.done(s, 'multipaxos.nack', () => `${who} refuses slot ${m.slot} at ${ballotText(m.ballot)}: it promised ${ballotText(s.promised)}`);
  }
  for (const id of ctx.nodes) out.send(id, { type: 'Accepted', ballot: m.ballot, slot: m.slot, value: m.value });
  const promised = above(m.ballot, s.promised) ? m.ballot : s.promised;
  let state: MultiPaxosState = { ...s, promised, accepted: s.accepted.set(m.slot, { ballot: m.ballot, value: m.value }) };
  if (from !== ctx.self) {
    // An Accept comes from the leader: follow it, and keep suspecting it only if it falls silent.
    if (s.role === 'leader') out.cancelTimer('heartbeat');
    startLeaderTimer(out, ctx);
    state = { ...state, role: 'follower', leader: from };
  }
  return out.done(state, 'multipaxos.accept', () => `${who} accepts "${m.value}" for slot ${m.slot} at ${ballotText(m.ballot)}`);
}
