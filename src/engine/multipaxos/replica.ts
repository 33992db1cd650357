import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { above, ballotText, sameBallot } from '../paxos/ballot';
import { applyInOrder, quorum, startLeaderTimer } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

type MultiStep = Step<MultiPaxosState, MultiPaxosMessage>;
type AcceptedMsg = Extract<MultiPaxosMessage, { type: 'Accepted' }>;

/** A learner hears an acceptance: a slot is decided once a majority accepted it at one ballot; then apply in order. */
export function onAccepted(s: MultiPaxosState, from: NodeId, m: AcceptedMsg, ctx: Context): MultiStep {
  const out = new Outbox<MultiPaxosMessage>();
  const who = `S${ctx.self}`;
  if (s.decided.get(m.slot) !== undefined) {
    return out.done(s, 'multipaxos.accepted', () => `${who} already knows slot ${m.slot} is decided`);
  }
  const i = s.tallies.findIndex((t) => t.slot === m.slot && sameBallot(t.ballot, m.ballot));
  const old = i < 0 ? { slot: m.slot, ballot: m.ballot, value: m.value, from: [] as NodeId[] } : s.tallies[i];
  const tally = { ...old, from: old.from.includes(from) ? old.from : [...old.from, from] };
  if (tally.from.length < quorum(ctx)) {
    const tallies = i < 0 ? [...s.tallies, tally] : s.tallies.map((t, k) => (k === i ? tally : t));
    return out.done({ ...s, tallies }, 'multipaxos.accepted',
      () => `${who} hears S${from} accepted "${m.value}" for slot ${m.slot} (${tally.from.length} of ${quorum(ctx)})`);
  }
  const decided = applyInOrder({ ...s, tallies: s.tallies.filter((t) => t.slot !== m.slot), decided: s.decided.set(m.slot, m.value) }, out);
  return out.done(decided, 'multipaxos.decide',
    () => `${who} learns slot ${m.slot} is decided: "${m.value}"${decided.applied > s.applied ? `; it has applied slots up to ${decided.applied}` : `; it waits for slot ${decided.applied + 1} before applying`}`);
}

/**
 * The leader's heartbeat: follow it, restart the suspicion timer, and catch up in whichever
 * direction is behind: ask for decisions this node missed, or send the leader those it missed.
 * Only slots this node already knew at the previous heartbeat go to the leader: a fresher one
 * is most likely crossing the heartbeat on the wire, not missed.
 */
export function onHeartbeat(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'Heartbeat' }>, ctx: Context): MultiStep {
  const out = new Outbox<MultiPaxosMessage>();
  const who = `S${ctx.self}`;
  if (s.promised !== null && above(s.promised, m.ballot)) {
    return out.done(s, 'multipaxos.heartbeat', () => `${who} ignores a heartbeat from S${from}: ballot ${ballotText(m.ballot)} is below its promise`);
  }
  if (s.role === 'leader') out.cancelTimer('heartbeat');
  startLeaderTimer(out, ctx);
  for (const command of s.pending) out.send(from, { type: 'ClientRequest', command });
  if (m.applied > s.applied) out.send(from, { type: 'CatchUp', from: s.applied + 1 });
  const ahead: [number, string][] = [];
  for (let slot = m.applied + 1; slot <= s.appliedAtBeat; slot++) ahead.push([slot, s.decided.get(slot)!]);
  if (ahead.length > 0) out.send(from, { type: 'Decide', entries: ahead });
  return out.done({ ...s, role: 'follower', leader: from, pending: [], appliedAtBeat: s.applied }, 'multipaxos.heartbeat',
    () => `${who} follows leader S${from}${m.applied > s.applied ? ` and asks for slots ${s.applied + 1}–${m.applied}, which it missed`
      : ahead.length > 0 ? ` and sends it slots ${m.applied + 1}–${s.appliedAtBeat}, which the leader missed` : ''}`);
}

/** Decisions a follower missed, sent by the leader: record them and apply in order. */
export function onDecide(s: MultiPaxosState, entries: readonly (readonly [number, string])[], ctx: Context): MultiStep {
  const out = new Outbox<MultiPaxosMessage>();
  let decided = s.decided;
  for (const [slot, value] of entries) decided = decided.set(slot, value);
  const state = applyInOrder({ ...s, decided }, out);
  return out.done(state, 'multipaxos.decide', () => `S${ctx.self} catches up: applied up to slot ${state.applied}`);
}

/** Refused by an acceptor with a higher promise: a candidate or leader steps down and waits for the leader timer. */
export function onNack(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'Nack' }>, ctx: Context): MultiStep {
  const out = new Outbox<MultiPaxosMessage>();
  const maxRound = Math.max(s.maxRound, m.promised[0]);
  if (s.role === 'follower' || !sameBallot(s.ballot, m.ballot)) {
    return out.done({ ...s, maxRound }, 'multipaxos.nack', () => `S${ctx.self} notes S${from} promised ${ballotText(m.promised)}`);
  }
  if (s.role === 'leader') out.cancelTimer('heartbeat');
  startLeaderTimer(out, ctx);
  return out.done({ ...s, role: 'follower', leader: null, maxRound }, 'multipaxos.nack',
    () => `S${ctx.self} is preempted by ballot ${ballotText(m.promised)} and steps down; it waits a random time before standing again`);
}
