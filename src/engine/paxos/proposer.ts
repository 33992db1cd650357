import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { type Ballot, ballotText, compareBallots, sameBallot } from './ballot';
import { backoffMax, canPropose, changed, quorum, startRetry } from './state';
import type { Accepted, PaxosMessage, PaxosState } from './types';

type PaxosStep = Step<PaxosState, PaxosMessage>;
type Promise_ = Extract<PaxosMessage, { type: 'Promise' }>;
type Nack = Extract<PaxosMessage, { type: 'Nack' }>;

/** Phase 1a, prepare: a ballot above every round seen, sent to every acceptor. */
function prepare(s: PaxosState, ctx: Context, out: Outbox<PaxosMessage>): PaxosState {
  // A restarted proposer has forgotten its rounds, but its own acceptor remembers what it promised.
  const seen = Math.max(s.maxRound, s.promised?.[0] ?? 0, s.accepted?.ballot[0] ?? 0);
  const ballot: Ballot = [seen + 1, ctx.self];
  out.mark('prepare.ballot', () => `ballot ${ballotText(ballot)}`);
  out.mark('prepare.send');
  for (const id of ctx.nodes) out.send(id, { type: 'Prepare', ballot });
  startRetry(out, ctx, false);
  return changed(s, { phase: 'prepare', ballot, maxRound: seen + 1, promises: [], acceptedBy: [], proposal: null });
}

/** A client asks this node to propose a value. */
export function onPropose(s: PaxosState, value: string, ctx: Context): PaxosStep {
  const out = Outbox.for<PaxosMessage>(ctx);
  const refuse = (why: string) => {
    out.mark('propose.refuseIf', () => `yes: ${why}`);
    out.mark('propose.refuse');
    return { ...out.done(s, 'paxos.propose', () => `S${ctx.self} cannot propose "${value}": ${why}`), refused: true };
  };
  if (!canPropose(ctx)) return refuse('it is not a proposer in this scenario');
  if (s.learned !== null) return refuse(`the value "${s.learned}" is already chosen`);
  if (s.phase !== 'idle' && s.phase !== 'done') return refuse(`it is still proposing "${s.value}"`);
  out.mark('propose.refuseIf', () => 'no');
  out.mark('propose.value', () => `myValue "${value}"`);
  const state = prepare(changed(s, { value, backoffs: 0 }), ctx, out);
  return out.done(state, 'paxos.prepare', () => `S${ctx.self} proposes "${value}" and sends Prepare with ballot ${ballotText(state.ballot)} to every acceptor`);
}

/** What a proposer that still has a value is waiting on, in the lecture's words: with backoff off, a preempted one does not back off. */
function pending(s: PaxosState, ctx: Context): string {
  if (s.phase !== 'backoff') return `phase ${s.phase}`;
  return ctx.options.backoff === false ? 'preempted, and retrying at once (no backoff)' : 'preempted, and its backoff ends now';
}

/** No answer in time, or the backoff is over (or the user forces it): try again with a higher ballot. */
export function onRetry(s: PaxosState, ctx: Context, forced: boolean): PaxosStep {
  const out = Outbox.for<PaxosMessage>(ctx);
  const nothing = s.value === null || s.phase === 'idle' || s.phase === 'done' || s.learned !== null;
  out.mark('retry.doneIf', () => (nothing ? `yes: ${s.learned !== null ? `"${s.learned}" is learned` : `phase ${s.phase}`}` : `no: ${pending(s, ctx)}`));
  if (nothing) {
    out.mark('retry.done');
    const step = out.done(s, 'paxos.retry', () => `S${ctx.self} has nothing left to propose`);
    return forced ? { ...step, refused: true } : step;
  }
  const why = forced ? 'now, as asked'
    : s.phase !== 'backoff' ? 'after hearing too little in time'
    : ctx.options.backoff === false ? 'at once, with no backoff' : 'after backing off';
  out.mark('retry.prepare');
  const state = prepare(s, ctx, out);
  return out.done(state, 'paxos.prepare', () => `S${ctx.self} tries again ${why}: Prepare with ballot ${ballotText(state.ballot)}`);
}

/** Phase 1b reaches the proposer: with a majority of promises, phase 2a, accept. */
export function onPromise(s: PaxosState, from: NodeId, m: Promise_, ctx: Context): PaxosStep {
  const out = Outbox.for<PaxosMessage>(ctx);
  const waiting = s.phase === 'prepare' && sameBallot(s.ballot, m.ballot);
  out.mark('onPromise.waiting', () => (waiting ? `yes, ballot ${ballotText(s.ballot)}` : `no: phase ${s.phase}, ballot ${ballotText(s.ballot)}`));
  if (!waiting) {
    return out.done(s, 'paxos.promise', () => `S${ctx.self} ignores a promise for ballot ${ballotText(m.ballot)} from S${from}: it is not waiting for one`);
  }
  const promises = s.promises.some((p) => p.from === from) ? s.promises : [...s.promises, { from, accepted: m.accepted }];
  out.mark('onPromise.add', () => `promises from {${promises.map((p) => `S${p.from}`).join(', ')}}`);
  const enough = promises.length >= quorum(ctx);
  out.mark('onPromise.quorum', () => `${enough ? '' : 'no: '}${promises.length} ${enough ? '≥' : '<'} ${quorum(ctx)}`);
  if (!enough) {
    return out.done(changed(s, { promises }), 'paxos.promise', () => `S${ctx.self} has ${promises.length} of ${quorum(ctx)} promises for ballot ${ballotText(s.ballot)}`);
  }
  // Adopt the value of the highest-ballot proposal any promise reports; only if none, our own.
  let highest: Accepted | null = null;
  for (const p of promises) if (p.accepted !== null && (highest === null || compareBallots(p.accepted.ballot, highest.ballot) > 0)) highest = p.accepted;
  const proposal = highest !== null && !ctx.bugs.has('ignoreReportedValue') ? highest.value : s.value!;
  const reported = highest;
  out.mark('onPromise.adopt', () => (reported === null ? `nothing reported: proposal "${proposal}", its own`
    : `"${reported.value}" reported at ${ballotText(reported.ballot)}: proposal "${proposal}"`));
  out.mark('onPromise.send', () => `Accept(${ballotText(s.ballot)}, "${proposal}")`);
  for (const id of ctx.nodes) out.send(id, { type: 'Accept', ballot: s.ballot!, value: proposal });
  startRetry(out, ctx, false);
  const state = changed(s, { promises, phase: 'accept', proposal });
  return out.done(state, 'paxos.promise', () => highest !== null && proposal === highest.value
    ? `S${ctx.self} has a majority of promises; one reports "${highest.value}" accepted at ${ballotText(highest.ballot)}, so S${ctx.self} must propose that value, not its own`
    : `S${ctx.self} has a majority of promises and sends Accept(${ballotText(s.ballot)}, "${proposal}") to every acceptor`);
}

/** An acceptor refused: someone has a higher ballot. Back off, then retry above it. */
export function onNack(s: PaxosState, from: NodeId, m: Nack, ctx: Context): PaxosStep {
  const out = Outbox.for<PaxosMessage>(ctx);
  const maxRound = Math.max(s.maxRound, m.promised[0]);
  // A duplicate of our own Prepare is refused against our own ballot: nothing to back off from.
  const mine = (s.phase === 'prepare' || s.phase === 'accept') && sameBallot(s.ballot, m.ballot) && !sameBallot(m.promised, s.ballot);
  out.mark('onNack.mine', () => (mine ? `yes: promised ${ballotText(m.promised)}` : `no: phase ${s.phase}, ballot ${ballotText(s.ballot)}`));
  if (!mine) {
    return out.done(changed(s, { maxRound }), 'paxos.nack', () => `S${ctx.self} notes S${from}'s refusal of ballot ${ballotText(m.ballot)}`);
  }
  const backoff = ctx.options.backoff !== false;
  const backoffs = s.backoffs + 1;
  out.mark('onNack.backoff', () => (backoff ? `backoff ${backoffs} in a row: a random wait of up to ${backoffMax(ctx, backoffs)} ms` : 'no backoff: at once'));
  startRetry(out, ctx, true, backoffs);
  return out.done(changed(s, { phase: 'backoff', maxRound, backoffs }), 'paxos.nack',
    () => `S${ctx.self} is preempted: S${from} promised ballot ${ballotText(m.promised)}. It ${backoff ? 'backs off for a random time' : 'retries at once (no backoff)'}, then tries again`);
}
