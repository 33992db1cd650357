import type { Context, Input, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { onAck, onResend } from './acks';
import { onAskDecision } from './answerAsk';
import { onTransaction } from './begin';
import { onVote, onVoteTimeout } from './collectVotes';
import { inDoubt } from './log';
import { onDecision } from './learnDecision';
import { onParticipantTimeout } from './participantTimeout';
import { onWorkDone } from './prepare';
import { onRecover } from './recover';
import { type CommitRules, rule } from './rules';
import { COORDINATOR } from './transaction';
import type { AtomicMessage, AtomicState } from './types';
import { onPrepare } from './vote';
import { onBegin } from './work';

type AtomicStep = Step<AtomicState, AtomicMessage>;

/**
 * The dispatch both atomic commit protocols share; `extra` handles what only 3PC has
 * (pre-commit and the termination protocol) and returns null for everything else.
 */
export function handleAtomic(s: AtomicState, input: Input<AtomicMessage>, ctx: Context, rules: CommitRules,
  extra: (s: AtomicState, input: Input<AtomicMessage>, ctx: Context) => AtomicStep | null = () => null): AtomicStep {
  const own = extra(s, input, ctx);
  if (own !== null) return own;
  switch (input.kind) {
    case 'start': {
      const out = Outbox.for<AtomicMessage>(ctx);
      out.mark('init.state');
      return out.done(s, rule(rules, 'init'), () => `S${ctx.self} starts as ${ctx.self === COORDINATOR ? 'the coordinator' : 'a participant'}`);
    }
    case 'recover': return onRecover(s, ctx, rules);
    case 'request': return onTransaction(s, input.command, ctx, rules);
    case 'timeout': return forcedTimeout(s, ctx, rules);
    case 'timer':
      switch (input.name) {
        case 'work': return onWorkDone(s, ctx, rules);
        case 'votes': return onVoteTimeout(s, ctx, rules);
        case 'resend': return onResend(s, ctx, rules);
        default: return onParticipantTimeout(s, ctx, rules);
      }
    case 'message': {
      const m = input.msg;
      switch (m.type) {
        case 'Begin': return onBegin(s, m.tx, ctx, rules);
        case 'Prepare': return onPrepare(s, input.from, m.tx, ctx, rules);
        case 'Vote': return onVote(s, input.from, m, ctx, rules);
        case 'Decision': return onDecision(s, input.from, m.tx, m.decision, ctx, rules);
        case 'Ack': return onAck(s, input.from, m.tx, ctx, rules);
        case 'AskDecision': return onAskDecision(s, input.from, m.tx, ctx, rules);
        default: {
          const out = Outbox.for<AtomicMessage>(ctx);
          return out.done(s, rule(rules, 'ignore'), () => `S${ctx.self} ignores ${m.type}`);
        }
      }
    }
  }
}

/** The user forces a timeout: the coordinator's vote timeout, or a participant's own timer. */
function forcedTimeout(s: AtomicState, ctx: Context, rules: CommitRules): AtomicStep {
  if (ctx.self === COORDINATOR && s.round?.phase === 'votes') return onVoteTimeout(s, ctx, rules);
  if (ctx.self !== COORDINATOR && (s.working !== null || s.lockWait !== null || inDoubt(s).length > 0)) return onParticipantTimeout(s, ctx, rules);
  const out = Outbox.for<AtomicMessage>(ctx);
  return { ...out.done(s, rule(rules, 'timeout'), () => `S${ctx.self} has no timer to cut short: it waits for nothing`), refused: true };
}
