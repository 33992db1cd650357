import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append, decisionOf, lockHolder, locks } from './log';
import { type CommitRules, rule } from './rules';
import { changed } from './state';
import type { AtomicMessage, AtomicState, Decision } from './types';

/** Phase 2 at a participant: it writes the decision, commits or rolls back, releases the locks and acknowledges. */
export function onDecision(s: AtomicState, from: NodeId, tx: string, decision: Decision, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const known = decisionOf(s, tx);
  out.mark('onDecision.log', () => (known === null ? `log += "${decision} ${tx}"; locks on ${tx} released` : `already ${known}`));
  let state = s;
  if (known === null) {
    state = append(s, tx, decision);
    if (state.working?.id === tx) state = changed(state, { working: null });
    if (state.termination?.tx === tx) state = changed(state, { termination: null });
    // The decision releases the locks: a writer waiting for one takes its locks and does its writes.
    const w = state.lockWait;
    if (w !== null && (w.tx.keys ?? []).every((k) => lockHolder(state, k) === null)) state = changed(state, { working: w.tx, lockWait: null });
    if (locks(state).length === 0) out.cancelTimer('wait');
  }
  out.mark('onDecision.ack');
  out.send(from, { type: 'Ack', tx });
  return out.done(state, rule(rules, 'learn'), () => (known === null
    ? `S${ctx.self} ${decision === 'commit' ? 'commits' : 'aborts'} ${tx}, releases its locks and acknowledges`
    : `S${ctx.self} already knows ${tx} ${known === 'commit' ? 'committed' : 'aborted'} and acknowledges again`));
}
