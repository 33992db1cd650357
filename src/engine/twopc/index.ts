import type { Protocol } from '../sim/protocol';
import { TWOPC_BUGS } from './bugs';
import { decide } from './decide';
import { handleAtomic } from './handle';
import type { CommitRules } from './rules';
import { crashed, initialState, startParticipantTimer } from './state';
import { COORDINATOR } from './transaction';
import { describeMessage, summarize } from './describe';
import type { AtomicMessage, AtomicState } from './types';

export type { AtomicMessage, AtomicState } from './types';

/** Two-phase commit: the coordinator alone decides; a participant in doubt asks it, and waits. */
export const TWOPC_RULES: CommitRules = {
  name: '2pc',
  allYesRule: 'decide',
  allYes: (s, out, ctx) => {
    out.mark('onVote.commit');
    return decide(s, 'commit', out, ctx);
  },
  startDoubtTimer: startParticipantTimer,
  onDoubt: (s, doubt, out, ctx) => {
    out.mark('timeout.ask', () => `AskDecision(${doubt.join(', ')}) to S${COORDINATOR}`);
    for (const tx of doubt) out.send(COORDINATOR, { type: 'AskDecision', tx });
    startParticipantTimer(out, ctx);
    return s;
  },
  doubtWord: 'in doubt',
  doubtText: (self, doubt) => `S${self} is in doubt on ${doubt.join(', ')}: it voted yes, so it may not decide alone. It keeps its locks and asks S${COORDINATOR} again`,
  askWhom: () => [COORDINATOR],
  presumeAbort: true,
};

export const twopc: Protocol<AtomicState, AtomicMessage> = {
  name: '2pc',
  bugs: TWOPC_BUGS,
  init: initialState,
  crash: crashed,
  handle: (s, input, ctx) => handleAtomic(s, input, ctx, TWOPC_RULES),
  describe: describeMessage,
  summarize,
};
