import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { type CommitRules, rule } from './rules';
import { changed, startVoteTimer } from './state';
import { participants } from './transaction';
import type { AtomicMessage, AtomicState } from './types';

/** Phase 1: the writes are done; the coordinator asks every participant whether it can commit. */
export function onWorkDone(s: AtomicState, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const round = s.round;
  if (round === null || round.phase !== 'work') return out.done(s, rule(rules, 'idle'), () => `S${ctx.self} has no transaction waiting to prepare`);
  const tx = round.tx.id;
  out.mark('prepare.send', () => `Prepare(${tx})`);
  for (const id of participants(ctx.nodes)) out.send(id, { type: 'Prepare', tx });
  startVoteTimer(out, ctx);
  return out.done(changed(s, { round: { ...round, phase: 'votes' } }), rule(rules, 'prepare'),
    () => `S${ctx.self} sends Prepare(${tx}) to every participant: phase 1, the vote`);
}
