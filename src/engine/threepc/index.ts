import type { Protocol } from '../sim/protocol';
import { describeMessage, summarize } from '../twopc/describe';
import { handleAtomic } from '../twopc/handle';
import type { CommitRules } from '../twopc/rules';
import { crashed, initialState } from '../twopc/state';
import { COORDINATOR } from '../twopc/transaction';
import type { AtomicMessage, AtomicState } from '../twopc/types';
import { THREEPC_BUGS } from './bugs';
import { onPreAck, onPreAckTimeout, onPreCommit, preCommit } from './precommit';
import { onCollected, onStateReport, onStateReq, terminate } from './termination';
import { takeOverAfter } from './timing';

/**
 * Three-phase commit: 2PC's vote, then a pre-commit round before the commit, and a
 * termination protocol that lets the participants finish without their coordinator.
 */
export const THREEPC_RULES: CommitRules = {
  name: '3pc',
  allYesRule: 'precommit',
  allYes: preCommit,
  startDoubtTimer: (out, ctx) => out.startTimer('wait', takeOverAfter(ctx), takeOverAfter(ctx)),
  onDoubt: terminate,
  doubtWord: 'uncertain',
  doubtText: (self, doubt) => `S${self} hears nothing from the coordinator about ${doubt.join(', ')} for longer than any delay can last: it takes it for crashed and runs the termination protocol`,
  askWhom: (ctx) => ctx.nodes.filter((id) => id !== ctx.self),
  presumeAbort: false,
};

export const threepc: Protocol<AtomicState, AtomicMessage> = {
  name: '3pc',
  bugs: THREEPC_BUGS,
  init: initialState,
  crash: crashed,
  handle: (s, input, ctx) => handleAtomic(s, input, ctx, THREEPC_RULES, (st, inp) => {
    if (inp.kind === 'timer' && inp.name === 'preacks') return onPreAckTimeout(st, ctx);
    if (inp.kind === 'timer' && inp.name === 'collect') return onCollected(st, ctx);
    if (inp.kind !== 'message') return null;
    const m = inp.msg;
    switch (m.type) {
      case 'PreCommit': return onPreCommit(st, inp.from, m.tx, ctx);
      case 'PreAck': return ctx.self === COORDINATOR ? onPreAck(st, inp.from, m.tx, ctx) : null;
      case 'StateReq': return onStateReq(st, inp.from, m.tx, ctx);
      case 'StateReport': return onStateReport(st, inp.from, m.tx, m.status, ctx);
      default: return null;
    }
  }),
  describe: describeMessage,
  summarize,
};
