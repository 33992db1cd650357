import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { begin } from './decide';
import { type CommitRules, rule } from './rules';
import { changed } from './state';
import { COORDINATOR, parseTx, txText } from './transaction';
import type { AtomicMessage, AtomicState } from './types';

/** A client asks the coordinator for a transaction: it begins at once, or after the one running is decided. */
export function onTransaction(s: AtomicState, command: string, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const refuse = (why: string) => ({ ...out.done(s, rule(rules, 'transaction'), () => `S${ctx.self} refuses "${command}": ${why}`), refused: true });
  if (ctx.self !== COORDINATOR) return refuse(`transactions go to the coordinator, S${COORDINATOR}`);
  const tx = parseTx(command);
  if (tx === null) return refuse('a transaction is "tx <id>", optionally followed by "no" and the participants that vote no');
  const used = s.round?.tx.id === tx.id || s.queue.some((q) => q.id === tx.id) || s.log.has(tx.id);
  if (used) return refuse(`the id ${tx.id} is taken: each transaction has its own`);
  const busy = s.round !== null;
  out.mark('begin.busyIf', () => (busy ? `yes: ${txText(s.round!.tx)} is running` : 'no'));
  if (busy) {
    out.mark('begin.queue', () => `queue [${[...s.queue, tx].map((q) => q.id).join(', ')}]`);
    return out.done(changed(s, { queue: [...s.queue, tx] }), rule(rules, 'transaction'), () => `S${ctx.self} queues ${txText(tx)}: ${s.round!.tx.id} is still running`);
  }
  const state = begin(s, tx, out, ctx);
  return out.done(state, rule(rules, 'begin'), () => `S${ctx.self} begins ${txText(tx)}: every participant takes its locks and does its writes`);
}
