import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append, decisionOf, inDoubt, statusOf } from '../twopc/log';
import { type AtomicOut, changed } from '../twopc/state';
import { participants } from '../twopc/transaction';
import type { AtomicMessage, AtomicState, Decision, ParticipantStatus } from '../twopc/types';
import { roundTrip, takeOverAfter } from './timing';

type AtomicStep = Step<AtomicState, AtomicMessage>;

/**
 * The coordinator is silent past every bound: with bounded delays it has crashed. The
 * participant whose turn it is (the lowest live one) becomes backup coordinator and asks
 * every participant where it stands. A participant that recovered in doubt only asks:
 * what it knows is stale.
 */
export function terminate(s: AtomicState, doubt: readonly string[], out: AtomicOut, ctx: Context): AtomicState {
  const ask = doubt.filter((tx) => s.recoveredInDoubt.includes(tx));
  for (const tx of ask) {
    out.mark('timeout.ask', () => `AskDecision(${tx}) to every node`);
    for (const id of ctx.nodes) if (id !== ctx.self) out.send(id, { type: 'AskDecision', tx });
  }
  const tx = doubt.find((t) => !s.recoveredInDoubt.includes(t));
  if (tx === undefined || s.termination !== null) {
    out.startTimer('wait', takeOverAfter(ctx), takeOverAfter(ctx));
    return s;
  }
  out.mark('timeout.terminate', () => `backup coordinator for ${tx}: StateReq to every participant`);
  for (const id of participants(ctx.nodes)) if (id !== ctx.self) out.send(id, { type: 'StateReq', tx });
  out.startTimer('collect', roundTrip(ctx), roundTrip(ctx));
  return changed(s, { termination: { tx, phase: 'collect', reports: {} } });
}

/** A participant reports where it stands to the backup, and gives it time to finish. */
export function onStateReq(s: AtomicState, from: NodeId, tx: string, ctx: Context): AtomicStep {
  const out = Outbox.for<AtomicMessage>(ctx);
  const status = statusOf(s, tx);
  out.mark('onStateReq.report', () => `StateReport(${tx}, ${status})`);
  out.send(from, { type: 'StateReport', tx, status });
  let state = s;
  if (decisionOf(s, tx) === null) {
    out.mark('onStateReq.wait');
    out.startTimer('wait', takeOverAfter(ctx), takeOverAfter(ctx));
    // A lower-ranked backup is at work on the same transaction: leave it to that one.
    if (s.termination?.tx === tx && from < ctx.self) {
      state = changed(s, { termination: null });
      out.cancelTimer('collect');
    }
  }
  return out.done(state, '3pc.report', () => `S${ctx.self} tells backup S${from} that it is ${status} on ${tx}`);
}

export function onStateReport(s: AtomicState, from: NodeId, tx: string, status: ParticipantStatus, ctx: Context): AtomicStep {
  const out = Outbox.for<AtomicMessage>(ctx);
  const t = s.termination;
  const counts = t !== null && t.tx === tx && t.phase === 'collect';
  out.mark('onStateReport.record', () => (counts ? `reports[S${from}] := ${status}` : 'no: not collecting'));
  if (!counts) return out.done(s, '3pc.report', () => `S${ctx.self} notes S${from}'s late report on ${tx}`);
  return out.done(changed(s, { termination: { ...t, reports: { ...t.reports, [from]: status } } }), '3pc.report',
    () => `Backup S${ctx.self} hears that S${from} is ${status} on ${tx}`);
}

/**
 * The backup has every answer it will get (one round trip). The textbook rule: anyone
 * committed, commit; anyone aborted, abort; anyone pre-committed, pre-commit the rest and
 * then commit; all uncertain, abort (the coordinator cannot have committed).
 */
export function onCollected(s: AtomicState, ctx: Context): AtomicStep {
  const out = Outbox.for<AtomicMessage>(ctx);
  const t = s.termination;
  if (t === null) return out.done(s, '3pc.idle', () => `S${ctx.self} leads no termination`);
  if (t.phase === 'precommit') {
    out.mark('termDecide.final');
    return backupDecides(s, t.tx, 'commit', out, ctx, 'the others are pre-committed now');
  }
  const own = statusOf(s, t.tx);
  const all: ParticipantStatus[] = [own, ...Object.values(t.reports)];
  const shown = () => [`S${ctx.self} ${own}`, ...Object.entries(t.reports).map(([id, st]) => `S${id} ${st}`)].join(', ');
  const committed = all.includes('committed');
  out.mark('termDecide.commitIf', () => `${committed ? 'yes' : 'no'}: ${shown()}`);
  if (committed) {
    out.mark('termDecide.commit');
    return backupDecides(s, t.tx, 'commit', out, ctx, 'someone has committed');
  }
  const aborted = all.includes('aborted') || all.includes('working') || all.includes('unknown');
  out.mark('termDecide.abortIf', () => (aborted ? 'yes' : 'no'));
  if (aborted) {
    out.mark('termDecide.abort');
    return backupDecides(s, t.tx, 'abort', out, ctx, 'someone has aborted or never voted yes');
  }
  const pre = all.includes('precommitted');
  out.mark('termDecide.precommitIf', () => (pre ? 'yes' : 'no: every participant it hears is uncertain'));
  if (!pre) {
    out.mark('termDecide.uncertain');
    return backupDecides(s, t.tx, 'abort', out, ctx, 'everyone it hears is uncertain, so nobody can have committed');
  }
  const uncertain = Object.entries(t.reports).filter(([, st]) => st === 'uncertain').map(([id]) => Number(id));
  out.mark('termDecide.precommit', () => `PreCommit(${t.tx}) to ${uncertain.map((id) => `S${id}`).join(', ') || 'nobody'}`);
  for (const id of uncertain) out.send(id, { type: 'PreCommit', tx: t.tx });
  out.startTimer('collect', roundTrip(ctx), roundTrip(ctx));
  const state = own === 'uncertain' ? append(s, t.tx, 'precommit') : s;
  return out.done(changed(state, { termination: { ...t, phase: 'precommit' } }), '3pc.terminate',
    () => `Backup S${ctx.self} finds ${t.tx} pre-committed somewhere (${shown()}): it pre-commits the uncertain ones, then commits`);
}

function backupDecides(s: AtomicState, tx: string, d: Decision, out: AtomicOut, ctx: Context, why: string): AtomicStep {
  const to = participants(ctx.nodes).filter((id) => id !== ctx.self);
  for (const id of to) out.send(id, { type: 'Decision', tx, decision: d });
  let state: AtomicState = changed(append(s, tx, d), { termination: null, backupDecided: { tx, decision: d } });
  if (state.working?.id === tx) state = changed(state, { working: null });
  if (inDoubt(state).length > 0) out.startTimer('wait', takeOverAfter(ctx), takeOverAfter(ctx));
  else out.cancelTimer('wait');
  return out.done(state, '3pc.decide', () => `Backup S${ctx.self} decides ${d} on ${tx}: ${why}`);
}
