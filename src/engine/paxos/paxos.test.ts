import { describe, expect, it } from 'vitest';
import type { Context, Effect } from '../sim/protocol';
import { paxos } from './index';
import { initialState } from './state';
import type { PaxosMessage, PaxosState } from './types';

function ctxFor(self: number, n = 3, bugs: string[] = [], options: Record<string, boolean> = {}, proposers?: number[]): Context {
  const nodes = Array.from({ length: n }, (_, i) => i + 1);
  return {
    self, nodes, bugs: new Set(bugs), options: { backoff: true, ...options }, proposers: proposers ?? nodes,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
  };
}
const state = (fields: Partial<PaxosState> = {}): PaxosState => ({ ...initialState(), ...fields });
const sent = (effects: readonly Effect<PaxosMessage>[]) => effects.flatMap((e) => (e.kind === 'send' ? [{ to: e.to, msg: e.msg }] : []));
const msg = (s: PaxosState, from: number, m: PaxosMessage, ctx: Context) => paxos.handle(s, { kind: 'message', from, msg: m }, ctx);

describe('Paxos phase 1a: prepare', () => {
  it('a request makes the node propose: a ballot above every round it has seen, to every acceptor', () => {
    const step = paxos.handle(state({ maxRound: 4, promised: [6, 2] }), { kind: 'request', command: 'v1' }, ctxFor(1));
    expect(step.state).toMatchObject({ phase: 'prepare', value: 'v1', ballot: [7, 1] });
    expect(sent(step.effects)).toEqual([1, 2, 3].map((to) => ({ to, msg: { type: 'Prepare', ballot: [7, 1] } })));
  });

  it('a node that is not a proposer refuses, visibly', () => {
    const step = paxos.handle(state(), { kind: 'request', command: 'v' }, ctxFor(2, 3, [], {}, [1]));
    expect(step.refused).toBe(true);
  });
});

describe('Paxos phase 1b: promise', () => {
  it('promises a ballot above every promise so far, reporting what it accepted', () => {
    const accepted = { ballot: [2, 3] as const, value: 'old' };
    const step = msg(state({ promised: [2, 3], accepted }), 1, { type: 'Prepare', ballot: [3, 1] }, ctxFor(2));
    expect(step.state.promised).toEqual([3, 1]);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'Promise', ballot: [3, 1], accepted } }]);
  });

  it('refuses, with a nack carrying the higher ballot, anything not above its promise', () => {
    const step = msg(state({ promised: [3, 2] }), 1, { type: 'Prepare', ballot: [3, 1] }, ctxFor(2));
    expect(step.state.promised).toEqual([3, 2]);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'Nack', ballot: [3, 1], promised: [3, 2] } }]);
  });
});

describe('Paxos phase 2a: accept', () => {
  const waiting = state({ phase: 'prepare', value: 'mine', ballot: [5, 1], promises: [{ from: 1, accepted: null }] });

  it('with a majority of empty promises, proposes its own value', () => {
    const step = msg(waiting, 2, { type: 'Promise', ballot: [5, 1], accepted: null }, ctxFor(1));
    expect(step.state).toMatchObject({ phase: 'accept', proposal: 'mine' });
    expect(sent(step.effects)[0].msg).toEqual({ type: 'Accept', ballot: [5, 1], value: 'mine' });
  });

  it('adopts the value of the highest-ballot accepted proposal reported', () => {
    const s = { ...waiting, promises: [{ from: 1, accepted: { ballot: [2, 2] as const, value: 'low' } }] };
    const step = msg(s, 3, { type: 'Promise', ballot: [5, 1], accepted: { ballot: [4, 3], value: 'high' } }, ctxFor(1, 5, [], {}));
    expect(step.state.phase).toBe('prepare');
    const third = msg(step.state, 2, { type: 'Promise', ballot: [5, 1], accepted: null }, ctxFor(1, 5));
    expect(third.state.proposal).toBe('high');
  });

  it('mutant ignoreReportedValue proposes its own value anyway', () => {
    const s = { ...waiting, promises: [{ from: 1, accepted: { ballot: [2, 2] as const, value: 'reported' } }] };
    const step = msg(s, 2, { type: 'Promise', ballot: [5, 1], accepted: null }, ctxFor(1, 3, ['ignoreReportedValue']));
    expect(step.state.proposal).toBe('mine');
  });

  it('a nack for its ballot preempts the proposer: it backs off for a random time', () => {
    const step = msg(waiting, 2, { type: 'Nack', ballot: [5, 1], promised: [6, 3] }, ctxFor(1));
    expect(step.state).toMatchObject({ phase: 'backoff', maxRound: 6 });
    expect(step.effects).toContainEqual({ kind: 'timer', name: 'retry', min: 150, max: 300 });
  });

  it('without backoff it retries at once, with no random pause', () => {
    const step = msg(waiting, 2, { type: 'Nack', ballot: [5, 1], promised: [6, 3] }, ctxFor(1, 3, [], { backoff: false }));
    expect(step.effects).toContainEqual({ kind: 'timer', name: 'retry', min: 1, max: 1 });
  });
});

describe('Paxos phase 2b: accepted, and learning', () => {
  it('accepts at or above its promise and tells every learner', () => {
    const step = msg(state({ promised: [5, 1] }), 1, { type: 'Accept', ballot: [5, 1], value: 'v' }, ctxFor(2));
    expect(step.state.accepted).toEqual({ ballot: [5, 1], value: 'v' });
    expect(sent(step.effects).map((s) => s.to)).toEqual([1, 2, 3]);
  });

  it('refuses to accept below its promise; mutant acceptBelowPromise accepts', () => {
    const s = state({ promised: [6, 3] });
    expect(msg(s, 1, { type: 'Accept', ballot: [5, 1], value: 'v' }, ctxFor(2)).state.accepted).toBeNull();
    expect(msg(s, 1, { type: 'Accept', ballot: [5, 1], value: 'v' }, ctxFor(2, 3, ['acceptBelowPromise'])).state.accepted).toEqual({ ballot: [5, 1], value: 'v' });
  });

  it('a learner learns once a majority accepted the same ballot', () => {
    const one = msg(state(), 1, { type: 'Accepted', ballot: [5, 1], value: 'v' }, ctxFor(3));
    expect(one.state.learned).toBeNull();
    const two = msg(one.state, 2, { type: 'Accepted', ballot: [5, 1], value: 'v' }, ctxFor(3));
    expect(two.state.learned).toBe('v');
    expect(two.rule).toBe('paxos.learn');
  });

  it('acceptances at different ballots do not add up', () => {
    const one = msg(state(), 1, { type: 'Accepted', ballot: [5, 1], value: 'v' }, ctxFor(3));
    const two = msg(one.state, 2, { type: 'Accepted', ballot: [6, 2], value: 'v' }, ctxFor(3));
    expect(two.state.learned).toBeNull();
  });
});

describe('Paxos crash and recovery', () => {
  it('the acceptor\'s promise and acceptance and the learned value survive; proposer state does not', () => {
    const before = state({ promised: [4, 2], accepted: { ballot: [3, 1], value: 'a' }, learned: 'a', phase: 'accept', value: 'x', ballot: [4, 1] });
    const after = paxos.crash(before, ctxFor(1));
    expect(after).toEqual(state({ promised: [4, 2], accepted: { ballot: [3, 1], value: 'a' }, learned: 'a' }));
  });

  it('mutant forgetPromiseOnRestart loses the promise on recovery', () => {
    const step = paxos.handle(state({ promised: [4, 2] }), { kind: 'recover' }, ctxFor(1, 3, ['forgetPromiseOnRestart']));
    expect(step.state.promised).toBeNull();
  });
});

describe('Paxos backoff, as the lectures describe it: randomised, and growing with each retry', () => {
  const retryTimer = (effects: readonly Effect<PaxosMessage>[]) => effects.find((e) => e.kind === 'timer');

  it('each preemption in a row doubles the longest wait, up to eight election timeouts; a new value starts again', () => {
    const ctx = ctxFor(1);
    let s = state({ phase: 'prepare', value: 'v', ballot: [1, 1] });
    const maxima: number[] = [];
    for (let i = 0; i < 5; i++) {
      const step = msg(s, 2, { type: 'Nack', ballot: s.ballot!, promised: [i + 2, 2] }, ctx);
      maxima.push((retryTimer(step.effects) as { max: number }).max);
      s = { ...step.state, phase: 'prepare' };
    }
    expect(maxima).toEqual([300, 600, 1200, 2400, 2400]);
    expect(s.backoffs).toBe(5);
    expect(paxos.handle({ ...s, phase: 'done' }, { kind: 'request', command: 'w' }, ctx).state.backoffs).toBe(0);
  });

  it('being preempted through its own acceptor counts the same', () => {
    const step = msg(state({ phase: 'prepare', value: 'v', ballot: [1, 1], backoffs: 1 }), 3, { type: 'Prepare', ballot: [2, 3] }, ctxFor(1));
    expect(step.state).toMatchObject({ phase: 'backoff', backoffs: 2 });
    expect(retryTimer(step.effects)).toMatchObject({ min: 150, max: 600 });
  });
});
