import type { Context, Input, Protocol, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { onAccept, onPrepare } from './acceptor';
import { ballotText } from './ballot';
import { PAXOS_BUGS } from './bugs';
import { onAccepted } from './learner';
import { onNack, onPromise, onPropose, onRetry } from './proposer';
import { changed, crashed, initialState } from './state';
import type { PaxosMessage, PaxosState } from './types';

export type { PaxosMessage, PaxosState } from './types';

function handle(s: PaxosState, input: Input<PaxosMessage>, ctx: Context): Step<PaxosState, PaxosMessage> {
  switch (input.kind) {
    case 'start': {
      const out = Outbox.for<PaxosMessage>(ctx);
      out.mark('init.state');
      return out.done(s, 'paxos.init', () => `S${ctx.self} starts as acceptor and learner${ctx.proposers.includes(ctx.self) ? ', and may propose' : ''}`);
    }
    case 'recover': {
      const state = ctx.bugs.has('forgetPromiseOnRestart') ? changed(s, { promised: null }) : s;
      const out = Outbox.for<PaxosMessage>(ctx);
      out.mark('recover.keep', () => `promised ${ballotText(state.promised)}, accepted ${state.accepted === null ? 'none' : `"${state.accepted.value}" at ${ballotText(state.accepted.ballot)}`}, learned ${state.learned === null ? 'none' : `"${state.learned}"`}`);
      return out.done(state, 'paxos.recover',
        () => `S${ctx.self} recovers: promised ${ballotText(state.promised)}, accepted ${state.accepted === null ? 'nothing' : `"${state.accepted.value}" at ${ballotText(state.accepted.ballot)}`}${state.learned === null ? '' : `, learned "${state.learned}"`}`);
    }
    case 'request': return onPropose(s, input.command, ctx);
    case 'timer': return onRetry(s, ctx, false);
    case 'timeout': return onRetry(s, ctx, true);
    case 'message': {
      const m = input.msg;
      switch (m.type) {
        case 'Prepare': return onPrepare(s, input.from, m, ctx);
        case 'Promise': return onPromise(s, input.from, m, ctx);
        case 'Nack': return onNack(s, input.from, m, ctx);
        case 'Accept': return onAccept(s, input.from, m, ctx);
        case 'Accepted': return onAccepted(s, input.from, m, ctx);
      }
    }
  }
}

function describe(m: PaxosMessage): string {
  switch (m.type) {
    case 'Prepare': return `Prepare${ballotText(m.ballot)}`;
    case 'Promise': return `Promise${ballotText(m.ballot)}${m.accepted === null ? '' : ` with "${m.accepted.value}"`}`;
    case 'Nack': return `Nack${ballotText(m.ballot)} < ${ballotText(m.promised)}`;
    case 'Accept': return `Accept${ballotText(m.ballot)} "${m.value}"`;
    case 'Accepted': return `Accepted${ballotText(m.ballot)} "${m.value}"`;
  }
}

export const paxos: Protocol<PaxosState, PaxosMessage> = {
  name: 'paxos',
  bugs: PAXOS_BUGS,
  init: initialState,
  crash: crashed,
  handle,
  describe,
  summarize: (s) => ({
    promised: s.promised === null ? null : [...s.promised],
    accepted: s.accepted === null ? null : { ballot: [...s.accepted.ballot], value: s.accepted.value },
    learned: s.learned,
  }),
};
