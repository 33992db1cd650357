import type { Context, Input, Protocol, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { ballotText } from '../paxos/ballot';
import { onAccept, onPrepare } from './acceptor';
import { MULTIPAXOS_BUGS } from './bugs';
import { onCatchUp, onHeartbeatAck, onHeartbeatTimer, onLeaderTimeout, onPromise, onRequest } from './leader';
import { onAccepted, onDecide, onHeartbeat, onNack } from './replica';
import { changed, crashed, initialState, startLeaderTimer } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

export { Slots } from './slots';
export type { MultiPaxosMessage, MultiPaxosState, MultiPaxosView } from './types';

function handle(s: MultiPaxosState, input: Input<MultiPaxosMessage>, ctx: Context): Step<MultiPaxosState, MultiPaxosMessage> {
  switch (input.kind) {
    case 'start':
    case 'recover': {
      const out = Outbox.for<MultiPaxosMessage>(ctx);
      const state = input.kind === 'recover' && ctx.bugs.has('forgetPromiseOnRestart') ? changed(s, { promised: null }) : s;
      if (input.kind === 'start') out.mark('init.timer');
      else {
        out.mark('recover.keep', () => `promised ${ballotText(state.promised)}, ${state.accepted.size} accepted slot${state.accepted.size === 1 ? '' : 's'}, applied ${state.applied}`);
        out.mark('recover.timer');
      }
      startLeaderTimer(out, ctx);
      return out.done(state, input.kind === 'start' ? 'multipaxos.init' : 'multipaxos.recover',
        () => input.kind === 'start' ? `S${ctx.self} starts as a follower waiting for a leader`
          : `S${ctx.self} recovers: promised ${ballotText(state.promised)}, ${state.accepted.size} accepted slots, applied up to slot ${state.applied}`);
    }
    case 'request': return onRequest(s, input.command, ctx);
    case 'timeout': return onLeaderTimeout(s, ctx, true);
    case 'timer': return input.name === 'heartbeat' ? onHeartbeatTimer(s, ctx) : onLeaderTimeout(s, ctx, false);
    case 'message': {
      const m = input.msg;
      switch (m.type) {
        case 'Prepare': return onPrepare(s, input.from, m.ballot, ctx);
        case 'Promise': return onPromise(s, input.from, m, ctx);
        case 'Nack': return onNack(s, input.from, m, ctx);
        case 'Accept': return onAccept(s, input.from, m, ctx);
        case 'Accepted': return onAccepted(s, input.from, m, ctx);
        case 'Heartbeat': return onHeartbeat(s, input.from, m, ctx);
        case 'HeartbeatAck': return onHeartbeatAck(s, input.from, m, ctx);
        case 'CatchUp': return onCatchUp(s, input.from, m.from, ctx);
        case 'Decide': return onDecide(s, m.entries, ctx);
        case 'ClientRequest': return onRequest(s, m.command, ctx);
      }
    }
  }
}

function describe(m: MultiPaxosMessage): string {
  switch (m.type) {
    case 'Prepare': return `Prepare${ballotText(m.ballot)}`;
    case 'Promise': return `Promise${ballotText(m.ballot)} (${m.accepted.size} slots)`;
    case 'Nack': return `Nack${ballotText(m.ballot)} < ${ballotText(m.promised)}`;
    case 'Accept': return `Accept${ballotText(m.ballot)} slot ${m.slot} "${m.value}"`;
    case 'Accepted': return `Accepted${ballotText(m.ballot)} slot ${m.slot} "${m.value}"`;
    case 'Heartbeat': return `Heartbeat${ballotText(m.ballot)}`;
    case 'HeartbeatAck': return `HeartbeatAck${ballotText(m.ballot)}`;
    case 'CatchUp': return `CatchUp(from slot ${m.from})`;
    case 'Decide': return `Decide(${m.entries.length} slots)`;
    case 'ClientRequest': return `ClientRequest("${m.command}")`;
  }
}

const ballotOut = (b: readonly [number, number]) => [b[0], b[1]];

export const multipaxos: Protocol<MultiPaxosState, MultiPaxosMessage> = {
  name: 'multipaxos',
  bugs: MULTIPAXOS_BUGS,
  init: initialState,
  crash: crashed,
  handle,
  describe,
  summarize: (s) => ({
    promised: s.promised === null ? null : ballotOut(s.promised),
    leader: s.leader,
    accepted: Object.fromEntries(s.accepted.entries().map(([slot, v]) => [slot, { ballot: ballotOut(v.ballot), value: v.value }])),
    decided: s.decided.toJSON(),
    applied: s.applied,
  }),
};
