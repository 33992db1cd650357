import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { type Ballot, ballotText, compareBallots, sameBallot } from '../paxos/ballot';
import { Slots } from './slots';
import { changed, NOOP, quorum, startLeaderTimer } from './state';
import type { MultiPaxosMessage, MultiPaxosState, SlotValue } from './types';

type MultiStep = Step<MultiPaxosState, MultiPaxosMessage>;
type Promise_ = Extract<MultiPaxosMessage, { type: 'Promise' }>;

/** The leader seems gone (or the user forces it): run phase 1 for every slot at once, with a higher ballot. */
export function onLeaderTimeout(s: MultiPaxosState, ctx: Context, forced: boolean): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  out.mark('leaderTimeout.isLeader', () => (s.role === 'leader' ? 'yes' : `no: ${s.role}`));
  if (s.role === 'leader') {
    out.mark('leaderTimeout.ignore');
    const step = out.done(s, 'multipaxos.timeout', () => `S${ctx.self} is the leader; it suspects nobody`);
    return forced ? { ...step, refused: true } : step;
  }
  const round = Math.max(s.maxRound, s.promised?.[0] ?? 0) + 1;
  const ballot: Ballot = [round, ctx.self];
  out.mark('leaderTimeout.ballot', () => `ballot ${ballotText(ballot)}`);
  out.mark('leaderTimeout.send');
  for (const id of ctx.nodes) out.send(id, { type: 'Prepare', ballot });
  startLeaderTimer(out, ctx);
  return out.done(changed(s, { role: 'candidate', ballot, maxRound: round, promises: [], leader: null }), 'multipaxos.prepare',
    () => `S${ctx.self} ${forced ? 'is told to stand' : 'hears no leader'} and runs phase 1 for all slots with ballot ${ballotText(ballot)}`);
}

/**
 * Promises reach the candidate. With a majority it leads: for every slot it does not know
 * decided, it re-proposes the highest-ballot value reported, fills gaps with no-ops, and
 * then serves new commands from the next free slot.
 */
export function onPromise(s: MultiPaxosState, from: NodeId, m: Promise_, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const waiting = s.role === 'candidate' && sameBallot(s.ballot, m.ballot);
  out.mark('onPromise.waiting', () => (waiting ? `yes, ballot ${ballotText(s.ballot)}` : `no: ${s.role}, ballot ${ballotText(s.ballot)}`));
  if (!waiting) {
    return out.done(s, 'multipaxos.promise', () => `S${ctx.self} ignores a promise for ${ballotText(m.ballot)} from S${from}`);
  }
  const promises = s.promises.some((p) => p.from === from) ? s.promises : [...s.promises, { from, accepted: m.accepted }];
  out.mark('onPromise.add', () => `promises from {${promises.map((p) => `S${p.from}`).join(', ')}}`);
  const enough = promises.length >= quorum(ctx);
  out.mark('onPromise.quorum', () => `${enough ? '' : 'no: '}${promises.length} ${enough ? '≥' : '<'} ${quorum(ctx)}`);
  if (!enough) {
    return out.done(changed(s, { promises }), 'multipaxos.promise', () => `S${ctx.self} has ${promises.length} of ${quorum(ctx)} promises for ${ballotText(s.ballot)}`);
  }
  // Slots up to applied are decided here, so neither re-proposed nor above decided.top: only a
  // promise's newer slots are read (it reports every slot its acceptor ever accepted).
  const reported = new Map<number, SlotValue>();
  for (const p of promises) {
    for (const [slot, v] of p.accepted.entries(s.applied + 1)) {
      const best = reported.get(slot);
      if (best === undefined || compareBallots(v.ballot, best.ballot) > 0) reported.set(slot, v);
    }
  }
  let top = s.decided.top;
  for (const slot of reported.keys()) top = Math.max(top, slot);
  let adopted = 0;
  let gaps = 0;
  let proposals = Slots.empty<string>();
  for (let slot = s.applied + 1; slot <= top; slot++) {
    if (s.decided.get(slot) !== undefined) continue;
    const r = reported.get(slot);
    const value = r !== undefined && !ctx.bugs.has('noAdoptOnLeaderChange') ? r.value : NOOP;
    if (r !== undefined && value === r.value) adopted++;
    else gaps++;
    proposals = proposals.set(slot, value);
    for (const id of ctx.nodes) out.send(id, { type: 'Accept', ballot: s.ballot!, slot, value });
  }
  if (adopted > 0) out.mark('onPromise.adopt', () => `${adopted} slot${adopted === 1 ? '' : 's'} re-proposed`);
  if (gaps > 0) out.mark('onPromise.noop', () => `${gaps} gap${gaps === 1 ? '' : 's'} filled`);
  let nextSlot = top + 1;
  if (s.pending.length > 0) out.mark('onPromise.held', () => `${s.pending.length} held, from slot ${top + 1}`);
  for (const command of s.pending) {
    proposals = proposals.set(nextSlot, command);
    for (const id of ctx.nodes) out.send(id, { type: 'Accept', ballot: s.ballot!, slot: nextSlot, value: command });
    nextSlot++;
  }
  out.mark('onPromise.lead', () => `leader with ${ballotText(s.ballot)}; next free slot ${nextSlot}`);
  out.cancelTimer('leader');
  out.startTimer('heartbeat', ctx.timing.heartbeatInterval, ctx.timing.heartbeatInterval);
  for (const id of ctx.nodes) if (id !== ctx.self) out.send(id, { type: 'Heartbeat', ballot: s.ballot!, applied: s.applied });
  return out.done(changed(s, { promises, role: 'leader', leader: ctx.self, recovered: top, nextSlot, pending: [], proposals, resendBelow: nextSlot }), 'multipaxos.lead',
    () => `S${ctx.self} leads with ballot ${ballotText(s.ballot)}: it re-proposes ${adopted} reported value${adopted === 1 ? '' : 's'}, fills ${gaps} gap${gaps === 1 ? '' : 's'} with no-ops, and serves new commands from slot ${nextSlot}`);
}

/** A client command: the leader puts it in the next slot (one round trip); others forward or hold it. */
export function onRequest(s: MultiPaxosState, command: string, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  out.mark('request.isLeader', () => (s.role === 'leader' ? 'yes' : `no: ${s.role}`));
  if (s.role === 'leader') {
    out.mark('request.propose', () => `slot ${s.nextSlot}`);
    for (const id of ctx.nodes) out.send(id, { type: 'Accept', ballot: s.ballot!, slot: s.nextSlot, value: command });
    return out.done(changed(s, { nextSlot: s.nextSlot + 1, proposals: s.proposals.set(s.nextSlot, command) }), 'multipaxos.propose',
      () => `S${ctx.self}, the leader, proposes "${command}" for slot ${s.nextSlot}: one round trip, phase 1 is already done`);
  }
  const knows = s.leader !== null && s.leader !== ctx.self;
  out.mark('request.knowsLeader', () => (knows ? `leader S${s.leader}` : 'no: leader unknown'));
  if (knows) {
    out.mark('request.forward', () => `to S${s.leader}`);
    out.send(s.leader!, { type: 'ClientRequest', command });
    return out.done(s, 'multipaxos.forward', () => `S${ctx.self} forwards "${command}" to its leader S${s.leader}`);
  }
  out.mark('request.hold', () => `${s.pending.length + 1} held`);
  return out.done(changed(s, { pending: [...s.pending, command] }), 'multipaxos.hold', () => `S${ctx.self} knows no leader and holds "${command}"`);
}

/**
 * The leader's heartbeat, with how far it has applied, so laggards can catch up. Phase 2 is
 * retried here: Accept again for every slot it proposed before the previous heartbeat that it
 * still has not seen decided (a lost Accept or Accepted would otherwise block every later slot).
 */
export function onHeartbeatTimer(s: MultiPaxosState, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  out.mark('heartbeat.isLeader', () => (s.role === 'leader' ? 'yes' : `no: ${s.role}`));
  if (s.role !== 'leader') return out.done(s, 'multipaxos.heartbeat', () => `S${ctx.self} no longer leads; its heartbeat stops`);
  out.mark('heartbeat.send', () => `Heartbeat(${ballotText(s.ballot)}, ${s.applied})`);
  for (const id of ctx.nodes) if (id !== ctx.self) out.send(id, { type: 'Heartbeat', ballot: s.ballot!, applied: s.applied });
  const resent: number[] = [];
  for (let slot = s.applied + 1; slot < s.resendBelow; slot++) {
    const value = s.proposals.get(slot);
    if (value === undefined || s.decided.get(slot) !== undefined) continue;
    for (const id of ctx.nodes) out.send(id, { type: 'Accept', ballot: s.ballot!, slot, value });
    resent.push(slot);
  }
  if (resent.length > 0) out.mark('heartbeat.resend', () => `slot${resent.length === 1 ? '' : 's'} ${resent.join(', ')}`);
  out.startTimer('heartbeat', ctx.timing.heartbeatInterval, ctx.timing.heartbeatInterval);
  return out.done(changed(s, { resendBelow: s.nextSlot }), 'multipaxos.heartbeat',
    () => `S${ctx.self}, leader at ${ballotText(s.ballot)}, sends heartbeats (applied up to slot ${s.applied})`
      + (resent.length > 0 ? ` and proposes again the undecided ${resent.length === 1 ? 'slot' : 'slots'} ${resent.join(', ')}` : ''));
}

/** A follower missed decisions: the leader sends what it has applied since. */
export function onCatchUp(s: MultiPaxosState, from: NodeId, fromSlot: number, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const entries: [number, string][] = [];
  for (let slot = fromSlot; slot <= s.applied; slot++) entries.push([slot, s.decided.get(slot)!]);
  out.mark('onCatchUp.send', () => (entries.length === 0 ? 'nothing to send' : `slots ${fromSlot}–${s.applied}`));
  if (entries.length > 0) out.send(from, { type: 'Decide', entries });
  return out.done(s, 'multipaxos.catchUp', () => `S${ctx.self} sends S${from} the ${entries.length} decided slot${entries.length === 1 ? '' : 's'} it missed`);
}

/**
 * A follower's HeartbeatAck: it had promised no higher ballot when it answered. The client
 * layer counts these for the reads (and the lease) waiting on a heartbeat round; the
 * protocol's own state does not change.
 */
export function onHeartbeatAck(s: MultiPaxosState, from: NodeId, m: Extract<MultiPaxosMessage, { type: 'HeartbeatAck' }>, ctx: Context): MultiStep {
  const out = Outbox.for<MultiPaxosMessage>(ctx);
  const current = s.role === 'leader' && sameBallot(s.ballot, m.ballot);
  out.mark('onHeartbeatAck.current', () => (current ? `yes: S${from} follows ${ballotText(m.ballot)}` : `no: ${s.role}, ballot ${ballotText(s.ballot)}`));
  return out.done(s, 'multipaxos.heartbeatAck', () => (current ? `S${ctx.self} hears S${from} still follows its ballot ${ballotText(m.ballot)}`
    : `S${ctx.self} ignores S${from}'s acknowledgement of ballot ${ballotText(m.ballot)}: it no longer leads with it`));
}
