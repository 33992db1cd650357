import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append, decisionOf } from './log';
import { type CommitRules, rule } from './rules';
import type { AtomicMessage, AtomicState } from './types';

/**
 * A participant in doubt asks for the decision. Whoever has it in its log answers. The 2PC
 * coordinator with no record of T and not deciding it now presumes abort: it never committed
 * T, and never will. (A 3PC coordinator cannot: the participants may have committed without it.)
 */
export function onAskDecision(s: AtomicState, from: NodeId, tx: string, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const d = decisionOf(s, tx);
  out.mark('onAsk.knownIf', () => (d === null ? 'no' : `yes: ${d}`));
  if (d !== null) {
    out.mark('onAsk.reply', () => `Decision(${tx}, ${d})`);
    out.send(from, { type: 'Decision', tx, decision: d });
    return out.done(s, rule(rules, 'answer'), () => `S${ctx.self} tells S${from} that ${tx} ${d === 'commit' ? 'committed' : 'aborted'}`);
  }
  const running = s.round?.tx.id === tx;
  if (running || !rules.presumeAbort) {
    out.mark('onAsk.runningIf', () => (running ? `yes: ${tx} is still being decided` : 'no decision known here'));
    return out.done(s, rule(rules, 'answer'), () => `S${ctx.self} cannot tell S${from} about ${tx} yet`);
  }
  out.mark('onAsk.presume', () => `no record of ${tx}: abort`);
  out.send(from, { type: 'Decision', tx, decision: 'abort' });
  return out.done(append(s, tx, 'abort'), rule(rules, 'answer'),
    () => `S${ctx.self} has no record of ${tx} (it crashed before deciding): presumed abort, and it tells S${from}`);
}
