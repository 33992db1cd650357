import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append, inDoubt, statusOf } from './log';
import { type CommitRules, rule } from './rules';
import { changed } from './state';
import type { AtomicMessage, AtomicState } from './types';

/**
 * A participant's timer: before it votes it may abort alone (the coordinator cannot commit
 * without its yes). After a yes it may not: it is in doubt, keeps its locks and asks.
 */
export function onParticipantTimeout(s: AtomicState, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  let state = s;
  const work = s.working;
  out.mark('timeout.votedIf', () => (work !== null ? `not voted on ${work.id}` : 'it has voted on everything it holds'));
  if (work !== null) {
    out.mark('timeout.abort', () => `log += "abort ${work.id}"`);
    state = changed(append(state, work.id, 'abort'), { working: null });
  }
  const waited = s.lockWait;
  if (waited !== null) {
    // A lock wait that outlasts the timer ends as in a database: the waiting transaction aborts here.
    out.mark('timeout.abort', () => `log += "abort ${waited.tx.id}"`);
    state = changed(append(state, waited.tx.id, 'abort'), { lockWait: null });
  }
  const doubt = inDoubt(state);
  if (doubt.length === 0) {
    return out.done(state, rule(rules, 'abortAlone'), () => (work !== null
      ? `No Prepare came for ${work.id}: S${ctx.self} has not voted, so it aborts it alone and releases its locks`
      : `S${ctx.self} has nothing to wait for`));
  }
  out.mark('timeout.else', () => `${rules.doubtWord} on ${doubt.join(', ')}`);
  if (ctx.bugs.has('inDoubtDecidesAlone')) {
    // The mutant decides from its own state alone: commit what it pre-committed (3PC), abort the rest.
    for (const tx of doubt) state = append(state, tx, statusOf(state, tx) === 'precommitted' ? 'commit' : 'abort');
    return out.done(changed(state, { recoveredInDoubt: [] }), rule(rules, 'abortAlone'), () => `S${ctx.self} gives up waiting and decides ${doubt.join(', ')} alone`);
  }
  state = rules.onDoubt(state, doubt, out, ctx);
  return out.done(state, rule(rules, 'inDoubt'), () => `${rules.doubtText(ctx.self, doubt)}${work !== null ? `; ${work.id}, never voted on, it aborts alone` : ''}`);
}
