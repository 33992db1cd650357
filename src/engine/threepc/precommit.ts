import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { decide } from '../twopc/decide';
import { append, statusOf } from '../twopc/log';
import { type AtomicOut, changed } from '../twopc/state';
import { participants } from '../twopc/transaction';
import type { AtomicMessage, AtomicState } from '../twopc/types';
import { roundTrip, takeOverAfter } from './timing';

type AtomicStep = Step<AtomicState, AtomicMessage>;

/** Every participant voted yes: phase 2, pre-commit. Nobody commits until everyone alive knows the vote was yes. */
export function preCommit(s: AtomicState, out: AtomicOut, ctx: Context): AtomicState {
  const tx = s.round!.tx.id;
  out.mark('onVote.precommit');
  out.mark('precommit.send', () => `PreCommit(${tx})`);
  for (const id of participants(ctx.nodes)) out.send(id, { type: 'PreCommit', tx });
  out.cancelTimer('votes');
  out.startTimer('preacks', roundTrip(ctx), roundTrip(ctx));
  return changed(s, { round: { ...s.round!, phase: 'precommit' } });
}

/** A participant hears PreCommit (from the coordinator or a backup): it writes it, acknowledges, and waits for the commit. */
export function onPreCommit(s: AtomicState, from: NodeId, tx: string, ctx: Context): AtomicStep {
  const out = Outbox.for<AtomicMessage>(ctx);
  const status = statusOf(s, tx);
  const open = status === 'uncertain' || status === 'precommitted';
  out.mark('onPreCommit.openIf', () => (open ? `yes: ${status}` : `no: it is ${status} on ${tx}`));
  if (!open) return out.done(s, '3pc.precommit', () => `S${ctx.self} ignores PreCommit(${tx}): it is ${status} on it`);
  out.mark('onPreCommit.log', () => (status === 'uncertain' ? `log += "precommit ${tx}"` : 'already written'));
  out.mark('onPreCommit.ack');
  out.send(from, { type: 'PreAck', tx });
  out.startTimer('wait', takeOverAfter(ctx), takeOverAfter(ctx));
  const state = status === 'uncertain' ? append(s, tx, 'precommit') : s;
  return out.done(state, '3pc.precommit', () => `S${ctx.self} writes "precommit ${tx}" and acknowledges: the vote was yes everywhere, the commit will follow`);
}

/** The coordinator collects pre-commit acknowledgements; with all of them it commits. */
export function onPreAck(s: AtomicState, from: NodeId, tx: string, ctx: Context): AtomicStep {
  const out = Outbox.for<AtomicMessage>(ctx);
  const round = s.round;
  const counts = round !== null && round.phase === 'precommit' && round.tx.id === tx;
  out.mark('onPreAck.record', () => (counts ? `preAcked ∪= {S${from}}` : `no: not pre-committing ${tx}`));
  if (!counts) return out.done(s, '3pc.preack', () => `S${ctx.self} notes S${from}'s PreAck(${tx})`);
  const preAcked = round.preAcked.includes(from) ? round.preAcked : [...round.preAcked, from];
  const state = changed(s, { round: { ...round, preAcked } });
  const all = participants(ctx.nodes);
  const done = all.every((id) => preAcked.includes(id));
  out.mark('onPreAck.allIf', () => `${done ? 'yes' : 'no'}: ${preAcked.length} of ${all.length}`);
  if (!done) return out.done(state, '3pc.preack', () => `S${ctx.self} has ${preAcked.length} of ${all.length} pre-commit acknowledgements for ${tx}`);
  out.mark('onPreAck.commit');
  return out.done(decide(state, 'commit', out, ctx), '3pc.decide', () => `Every participant pre-committed ${tx}: S${ctx.self} decides commit`);
}

/** An acknowledgement did not come within a round trip: with bounded delays its sender has crashed, so commit. */
export function onPreAckTimeout(s: AtomicState, ctx: Context): AtomicStep {
  const out = Outbox.for<AtomicMessage>(ctx);
  const round = s.round;
  if (round === null || round.phase !== 'precommit') return out.done(s, '3pc.idle', () => `S${ctx.self} is not pre-committing`);
  const silent = participants(ctx.nodes).filter((id) => !round.preAcked.includes(id));
  out.mark('preAckTimeout.commit', () => `silent: ${silent.map((id) => `S${id}`).join(', ')}`);
  return out.done(decide(s, 'commit', out, ctx), '3pc.decide',
    () => `${silent.map((id) => `S${id}`).join(', ')} did not acknowledge PreCommit(${round.tx.id}) within a round trip: taken for crashed, S${ctx.self} decides commit`);
}
