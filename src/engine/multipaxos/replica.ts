import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { above, ballotText, sameBallot } from '../paxos/ballot';
import { applyInOrder, changed, quorum, startLeaderTimer } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

type MultiStep = Step<MultiPaxosState, MultiPaxosMessage>;
type AcceptedMsg = Extract<MultiPaxosMessage, { type: 'Accepted' }>;

/** A learner hears an acceptance: a slot is decided once a majority accepted it at one ballot; then apply in order. */
export function onAccepted(s: MultiPaxosState, from: NodeId, m: AcceptedMsg, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  if (s.decided.get(m.slot) !== undefined) {
    out.mark('onAccepted.known', () => `yes: slot ${m.slot} is "${s.decided.get(m.slot)}"`);
    return out.done(s, 'multipaxos.accepted', () => `S${ctx.self} already knows slot ${m.slot} is decided`);
  }
  const i = s.tallies.findIndex((t) => t.slot === m.slot && sameBallot(t.ballot, m.ballot));
  const old = i < 0 ? { slot: m.slot, ballot: m.ballot, value: m.value, from: [] as NodeId[] } : s.tallies[i];
  const tally = { ...old, from: old.from.includes(from) ? old.from : [...old.from, from] };
  out.mark('onAccepted.known', () => `no: slot ${m.slot} is open`);
  out.mark('onAccepted.tally', () => `acceptors[${m.slot}, ${ballotText(m.ballot)}] {${[...tally.from].sort((a, b) => a - b).map((id) => `S${id}`).join(', ')}}`);
  const enough = tally.from.length >= quorum(ctx);
  out.mark('onAccepted.quorum', () => `${enough ? '' : 'no: '}${tally.from.length} ${enough ? '≥' : '<'} ${quorum(ctx)}`);
  if (!enough) {
    const tallies = i < 0 ? [...s.tallies, tally] : s.tallies.map((t, k) => (k === i ? tally : t));
    return out.done(changed(s, { tallies }), 'multipaxos.accepted',
      () => `S${ctx.self} hears S${from} accepted "${m.value}" for slot ${m.slot} (${tally.from.length} of ${quorum(ctx)})`);
  }
  out.mark('onAccepted.decide', () => `decided[${m.slot}] "${m.value}"`);
  const decided = applyInOrder(changed(s, { tallies: s.tallies.filter((t) => t.slot !== m.slot), decided: s.decided.set(m.slot, m.value) }), out);
  return out.done(decided, 'multipaxos.decide',
    () => `S${ctx.self} learns slot ${m.slot} is decided: "${m.value}"${decided.applied > s.applied ? `; it has applied slots up to ${decided.applied}` : `; it waits for slot ${decided.applied + 1} before applying`}`);
}

/**
 * The leader's heartbeat: follow it, restart the suspicion timer, and catch up in whichever
 * direction is behind: ask for decisions this node missed, or send the leader those it missed.
 * Only slots this node already knew at the previous heartbeat go to the leader: a fresher one
 * is most likely crossing the heartbeat on the wire, not missed.
 */
export function onHeartbeat(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'Heartbeat' }>, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const below = s.promised !== null && above(s.promised, m.ballot);
  out.mark('onHeartbeat.belowIf', () => `${below ? '' : 'no: '}${ballotText(m.ballot)} ${below ? '<' : '≥'} promised ${ballotText(s.promised)}`);
  if (below) {
    out.mark('onHeartbeat.ignore');
    return out.done(s, 'multipaxos.heartbeat', () => `S${ctx.self} ignores a heartbeat from S${from}: ballot ${ballotText(m.ballot)} is below its promise`);
  }
  out.mark('onHeartbeat.follow', () => `leader S${from}${s.pending.length > 0 ? `; ${s.pending.length} held forwarded` : ''}`);
  if (s.role === 'leader') out.cancelTimer('heartbeat');
  startLeaderTimer(out, ctx);
  for (const command of s.pending) out.send(from, { type: 'ClientRequest', command });
  if (ctx.options.confirmLeader) {
    // b ≥ promised: no higher ballot has this node's promise, so the sender may still lead.
    out.mark('onHeartbeat.ack', () => `HeartbeatAck(${ballotText(m.ballot)})`);
    out.send(from, { type: 'HeartbeatAck', ballot: m.ballot, follower: ctx.self });
  }
  const behind = m.applied > s.applied;
  out.mark('onHeartbeat.behindIf', () => `${behind ? '' : 'no: '}leaderApplied ${m.applied} ${behind ? '>' : '≤'} applied ${s.applied}`);
  if (behind) {
    out.mark('onHeartbeat.catchUp', () => `CatchUp(${s.applied + 1})`);
    out.send(from, { type: 'CatchUp', from: s.applied + 1 });
  }
  const ahead: [number, string][] = [];
  for (let slot = m.applied + 1; slot <= s.appliedAtBeat; slot++) ahead.push([slot, s.decided.get(slot)!]);
  if (ahead.length > 0) {
    out.mark('onHeartbeat.ahead', () => `Decide(slots ${m.applied + 1}–${s.appliedAtBeat})`);
    out.send(from, { type: 'Decide', entries: ahead });
  }
  return out.done(changed(s, { role: 'follower', leader: from, pending: [], appliedAtBeat: s.applied }), 'multipaxos.heartbeat',
    () => `S${ctx.self} follows leader S${from}${m.applied > s.applied ? ` and asks for slots ${s.applied + 1}–${m.applied}, which it missed`
      : ahead.length > 0 ? ` and sends it slots ${m.applied + 1}–${s.appliedAtBeat}, which the leader missed` : ''}`);
}

/** Decisions a follower missed, sent by the leader: record them and apply in order. */
export function onDecide(s: MultiPaxosState, entries: readonly (readonly [number, string])[], ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  let decided = s.decided;
  for (const [slot, value] of entries) decided = decided.set(slot, value);
  out.mark('onDecide.record', () => `${entries.length} slot${entries.length === 1 ? '' : 's'}`);
  // A slot learned here needs its acceptances counted no more (onAccepted stops at a decided
  // slot): drop its tallies, or a replica that often catches up keeps them for the whole run.
  const open = s.tallies.filter((t) => decided.get(t.slot) === undefined);
  const state = applyInOrder(changed(s, { decided, tallies: open.length === s.tallies.length ? s.tallies : open }), out);
  return out.done(state, 'multipaxos.decide', () => `S${ctx.self} catches up: applied up to slot ${state.applied}`);
}

/** Refused by an acceptor with a higher promise: a candidate or leader steps down and waits for the leader timer. */
export function onNack(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'Nack' }>, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const maxRound = Math.max(s.maxRound, m.promised[0]);
  const mine = s.role !== 'follower' && sameBallot(s.ballot, m.ballot);
  out.mark('onNack.mine', () => (mine ? `yes: promised ${ballotText(m.promised)}` : `no: ${s.role}, ballot ${ballotText(s.ballot)}`));
  if (!mine) {
    return out.done(changed(s, { maxRound }), 'multipaxos.nack', () => `S${ctx.self} notes S${from} promised ${ballotText(m.promised)}`);
  }
  out.mark('onNack.stepDown', () => `${s.role} → follower`);
  if (s.role === 'leader') out.cancelTimer('heartbeat');
  startLeaderTimer(out, ctx);
  return out.done(changed(s, { role: 'follower', leader: null, maxRound }), 'multipaxos.nack',
    () => `S${ctx.self} is preempted by ballot ${ballotText(m.promised)} and steps down; it waits a random time before standing again`);
}
