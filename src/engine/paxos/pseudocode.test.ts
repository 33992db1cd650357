import { describe, expect, it } from 'vitest';
import type { Context, Input } from '../sim/protocol';
import { paxos } from './index';
import { initialState } from './state';
import type { PaxosMessage, PaxosState } from './types';

/** Which pseudocode lines each Paxos handler marks: state and input -> line ids. */
const ctx: Context = {
  self: 1, nodes: [1, 2, 3], bugs: new Set(), options: { backoff: true }, proposers: [1, 2, 3],
  timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
};
const msg = (m: PaxosMessage): Input<PaxosMessage> => ({ kind: 'message', from: 2, msg: m });
const proposing: Partial<PaxosState> = { phase: 'prepare', value: 'mine', ballot: [5, 1], maxRound: 5, promises: [{ from: 1, accepted: null }] };

type Row = [name: string, state: Partial<PaxosState>, input: Input<PaxosMessage>, lines: string[]];
const TABLES: Record<string, Row[]> = {
  'phase 1a, prepare': [
    ['a request proposes', {}, { kind: 'request', command: 'v' }, ['propose.refuseIf', 'propose.value', 'prepare.ballot', 'prepare.send']],
    ['a request while proposing is refused', proposing, { kind: 'request', command: 'v' }, ['propose.refuseIf', 'propose.refuse']],
    ['the retry timer prepares again', proposing, { kind: 'timer', name: 'retry' }, ['retry.doneIf', 'retry.prepare', 'prepare.ballot', 'prepare.send']],
    ['nothing left to retry', {}, { kind: 'timer', name: 'retry' }, ['retry.doneIf', 'retry.done']],
  ],
  'phase 1b, promise': [
    ['a higher ballot is promised', { promised: [2, 3] }, msg({ type: 'Prepare', ballot: [3, 2] }), ['onPrepare.above', 'onPrepare.promise']],
    ['a higher ballot preempts this node\'s own round', proposing, msg({ type: 'Prepare', ballot: [6, 2] }), ['onPrepare.above', 'onPrepare.promise', 'onPrepare.preempted']],
    ['a lower ballot is refused', { promised: [4, 3] }, msg({ type: 'Prepare', ballot: [3, 2] }), ['onPrepare.above', 'onPrepare.else', 'onPrepare.nack']],
  ],
  'phase 2a, accept': [
    ['a promise short of a majority', { ...proposing, promises: [] }, msg({ type: 'Promise', ballot: [5, 1], accepted: null }), ['onPromise.waiting', 'onPromise.add', 'onPromise.quorum']],
    ['the majority: adopt and send Accept', proposing, msg({ type: 'Promise', ballot: [5, 1], accepted: { ballot: [2, 2], value: 'old' } }),
      ['onPromise.waiting', 'onPromise.add', 'onPromise.quorum', 'onPromise.adopt', 'onPromise.send']],
    ['a promise nobody waits for', {}, msg({ type: 'Promise', ballot: [5, 1], accepted: null }), ['onPromise.waiting']],
  ],
  'phase 2b, accepted': [
    ['at or above the promise: accept', { promised: [5, 1] }, msg({ type: 'Accept', ballot: [5, 1], value: 'v' }), ['onAccept.ok', 'onAccept.accept', 'onAccept.send']],
    ['below the promise: refuse', { promised: [6, 3] }, msg({ type: 'Accept', ballot: [5, 1], value: 'v' }), ['onAccept.ok', 'onAccept.else', 'onAccept.nack']],
  ],
  'learn': [
    ['one acceptance of three', {}, msg({ type: 'Accepted', ballot: [5, 1], value: 'v' }), ['onAccepted.tally', 'onAccepted.chosenIf']],
    ['the majority: learned', { tallies: [{ ballot: [5, 1], value: 'v', from: [3] }] }, msg({ type: 'Accepted', ballot: [5, 1], value: 'v' }),
      ['onAccepted.tally', 'onAccepted.chosenIf', 'onAccepted.learn']],
  ],
  'nack': [
    ['preempted: back off', proposing, msg({ type: 'Nack', ballot: [5, 1], promised: [6, 3] }), ['onNack.mine', 'onNack.backoff']],
    ['an old ballot\'s refusal', {}, msg({ type: 'Nack', ballot: [5, 1], promised: [6, 3] }), ['onNack.mine']],
  ],
  'start and recovery': [
    ['start', {}, { kind: 'start' }, ['init.state']],
    ['recover', { promised: [3, 2] }, { kind: 'recover' }, ['recover.keep']],
  ],
};

describe.each(Object.entries(TABLES))('Paxos pseudocode lines: %s', (_handler, rows) => {
  it.each(rows)('%s', (_name, state, input, lines) => {
    expect(paxos.handle({ ...initialState(), ...state }, input, ctx).lines.map((l) => l.id)).toEqual(lines);
  });
});

describe('Paxos pseudocode values', () => {
  it('phase 2a names the value it adopts and why', () => {
    const step = paxos.handle({ ...initialState(), ...proposing }, msg({ type: 'Promise', ballot: [5, 1], accepted: { ballot: [2, 2], value: 'old' } }), ctx);
    expect(step.lines.find((l) => l.id === 'onPromise.adopt')!.value!()).toBe('"old" reported at (2, S2): proposal "old"');
  });

  it('a preempted proposer\'s retry says whether it backed off: with backoff off, it did not', () => {
    const preempted = { ...initialState(), ...proposing, phase: 'backoff' as const, backoffs: 1 };
    const doneIf = (backoff: boolean) => paxos.handle(preempted, { kind: 'timer', name: 'retry' }, { ...ctx, options: { backoff } })
      .lines.find((l) => l.id === 'retry.doneIf')!.value!();
    expect(doneIf(false)).toBe('no: preempted, and retrying at once (no backoff)');
    expect(doneIf(true)).toBe('no: preempted, and its backoff ends now');
  });
});
