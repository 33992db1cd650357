import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append, lockHolder, statusOf } from './log';
import { type CommitRules, rule } from './rules';
import { changed, startParticipantTimer } from './state';
import type { AtomicMessage, AtomicState, Tx } from './types';

/**
 * A participant does its part of T: it takes T's locks and makes its writes, not yet
 * committed. Until it votes it may still abort alone, so it starts a timer for Prepare.
 */
export function onBegin(s: AtomicState, tx: Tx, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const fresh = statusOf(s, tx.id) === 'unknown';
  out.mark('onBegin.newIf', () => (fresh ? 'yes' : `no: it is ${statusOf(s, tx.id)} on ${tx.id}`));
  if (!fresh) return out.done(s, rule(rules, 'work'), () => `S${ctx.self} has already seen ${tx.id}`);
  let state = s;
  const old = s.working;
  if (old !== null) {
    // Writes of an earlier transaction never voted on: the coordinator has moved on without them.
    out.mark('onBegin.abortOld', () => `abort ${old.id}`);
    state = append(state, old.id, 'abort');
  }
  const waited = s.lockWait;
  if (waited !== null) {
    // Writes that never got their lock: the coordinator has moved on without them too.
    state = changed(append(state, waited.tx.id, 'abort'), { lockWait: null });
  }
  // Two-phase locking: a key locked by a transaction in doubt stays locked until its decision; a later writer waits.
  const conflict = (tx.keys ?? []).map((key) => ({ key, behind: lockHolder(state, key) })).find((c) => c.behind !== null);
  out.mark('onBegin.lock', () => (conflict === undefined ? `locks on ${tx.id}` : `waits: ${conflict.key} is locked by ${conflict.behind}, in doubt`));
  out.mark('onBegin.timer');
  startParticipantTimer(out, ctx);
  if (conflict !== undefined) {
    const behind = conflict.behind!;
    return out.done(changed(state, { working: null, lockWait: { tx, key: conflict.key, behind } }), rule(rules, 'work'),
      () => `S${ctx.self} cannot lock ${conflict.key} for ${tx.id}: ${behind} holds it, in doubt. ${tx.id}'s writes wait`);
  }
  return out.done(changed(state, { working: tx }), rule(rules, 'work'),
    () => `S${ctx.self} takes ${tx.id}'s locks and does its writes${old !== null ? `, aborting ${old.id}, never prepared` : ''}`);
}
