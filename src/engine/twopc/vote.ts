import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append, locks, statusOf } from './log';
import { settingText, settingVotesNo } from './ownVote';
import { type CommitRules, rule } from './rules';
import { changed } from './state';
import type { AtomicMessage, AtomicState } from './types';

/**
 * Phase 1 at a participant: it votes. A yes is a promise to commit whatever happens, so it
 * is written to the durable log before the reply leaves. A no aborts T here at once.
 */
export function onPrepare(s: AtomicState, from: NodeId, tx: string, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const status = statusOf(s, tx);
  const voted = status !== 'unknown' && status !== 'working';
  out.mark('onPrepare.againIf', () => (voted ? `yes: it is ${status}` : 'no'));
  if (voted) {
    const vote = status === 'aborted' ? 'no' : 'yes';
    out.send(from, { type: 'Vote', tx, vote });
    return out.done(s, rule(rules, 'vote'), () => `S${ctx.self} repeats its ${vote} vote on ${tx}`);
  }
  const work = s.working?.id === tx ? s.working : null;
  const waiting = s.lockWait?.tx.id === tx ? s.lockWait : null;
  const fails = work !== null && work.failing.includes(ctx.self);
  // Its own setting (the scenario's voteNo) may say no where the transaction did not.
  const refuses = work !== null && !fails && settingVotesNo(ctx, tx);
  const can = work !== null && !fails && !refuses;
  out.mark('onPrepare.canIf', () => (can ? 'yes: its writes are done and hold'
    : waiting !== null ? `no: its writes still wait for ${waiting.key}'s lock (${waiting.behind} in doubt)`
    : work === null ? 'no: it holds no writes of this transaction'
    : fails ? 'no: its part of the transaction fails' : `no: it ${settingText(ctx.voteNo!.chance)}`));
  if (can) {
    out.mark('onPrepare.log', () => `log += "yes ${tx}"`);
    out.mark('onPrepare.yes');
    out.send(from, { type: 'Vote', tx, vote: 'yes' });
    rules.startDoubtTimer(out, ctx);
    return out.done(changed(append(s, tx, 'yes', work.keys), { working: null }), rule(rules, 'vote'),
      () => `S${ctx.self} writes its yes vote on ${tx} to its log, then votes yes: from now on it may not decide alone`);
  }
  out.mark('onPrepare.else');
  out.mark('onPrepare.no', () => `log += "abort ${tx}"`);
  out.send(from, { type: 'Vote', tx, vote: 'no' });
  const state = changed(append(s, tx, 'abort'), { working: work === null ? s.working : null, lockWait: waiting === null ? s.lockWait : null });
  if (locks(state).length === 0) out.cancelTimer('wait');
  return out.done(state, rule(rules, 'vote'),
    () => `S${ctx.self} votes no on ${tx} and aborts it here${waiting !== null ? `: its writes still wait for ${waiting.key}, locked by ${waiting.behind} in doubt` : work === null ? ': it holds none of its writes' : refuses ? `: it ${settingText(ctx.voteNo!.chance)}` : ''}`);
}
