import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { TxLog } from './durableLog';
import { inDoubt } from './log';
import { type CommitRules, rule } from './rules';
import { changed, startResendTimer } from './state';
import { COORDINATOR, participants } from './transaction';
import type { AtomicMessage, AtomicState, Outgoing } from './types';

/**
 * Recovery reads the durable log. The coordinator resends every decision without an "end"
 * record. A participant with a yes vote and no decision is in doubt: it takes its locks
 * again and asks. Writes never voted on were rolled back by the crash.
 */
export function onRecover(s: AtomicState, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  // The mutant loses the yes votes it wrote, as if they had never been made durable, so the
  // recovery rolls those transactions back like any work never voted on.
  const forget = ctx.bugs.has('forgetVoteOnRestart') && ctx.self !== COORDINATOR;
  const log = forget ? forgetVotes(s.log) : s.log;
  let state: AtomicState = changed(s, { log });
  out.mark('recover.log', () => `${log.length} log records`);
  if (ctx.self === COORDINATOR) {
    // The log keeps the coordinator's decisions without "end": a recovery reads those, not the whole log.
    const outgoing: Outgoing[] = (log.unended ?? []).map((u) => ({ tx: u.tx, decision: u.decision, waiting: participants(ctx.nodes), logged: true }));
    if (outgoing.length > 0) {
      out.mark('recover.resend', () => outgoing.map((o) => `${o.decision} ${o.tx}`).join(', '));
      for (const o of outgoing) for (const id of o.waiting) out.send(id, { type: 'Decision', tx: o.tx, decision: o.decision });
      startResendTimer(out, ctx);
    }
    state = changed(state, { outgoing });
    return out.done(state, rule(rules, 'recover'), () => `S${ctx.self} recovers from its log${outgoing.length > 0 ? ` and resends ${outgoing.map((o) => `${o.decision} of ${o.tx}`).join(', ')}` : ''}; any transaction it had not decided is forgotten`);
  }
  const doubt = inDoubt(state);
  state = changed(state, { recoveredInDoubt: doubt });
  if (doubt.length > 0) {
    out.mark('recover.inDoubt', () => `${rules.doubtWord} on ${doubt.join(', ')}`);
    for (const tx of doubt) for (const id of rules.askWhom(ctx)) out.send(id, { type: 'AskDecision', tx });
    rules.startDoubtTimer(out, ctx);
  }
  return out.done(state, rule(rules, 'recover'), () => (doubt.length > 0
    ? `S${ctx.self} recovers ${rules.doubtWord} on ${doubt.join(', ')}: its log holds a yes vote and no decision, so it takes the locks again and asks`
    : `S${ctx.self} recovers from its log; writes it never voted on were rolled back`));
}

/** The mutant's log after a restart: every yes and precommit gone, and what was in doubt rolled back. */
function forgetVotes(log: TxLog): TxLog {
  const kept = log.slice().filter((r) => r.rec !== 'yes' && r.rec !== 'precommit');
  if (kept.length === log.length) return log;
  return TxLog.of([...kept, ...log.doubt.map((tx) => ({ tx, rec: 'abort' as const }))]);
}
