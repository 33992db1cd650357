import { describe, expect, it } from 'vitest';
import type { Context, Input } from '../sim/protocol';
import { multipaxos } from './index';
import { Slots } from './slots';
import { initialState } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

/** Which pseudocode lines each Multi-Paxos handler marks: state and input -> line ids. */
const ctx: Context = {
  self: 1, nodes: [1, 2, 3], bugs: new Set(), options: {}, proposers: [1, 2, 3],
  timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
};
const msg = (m: MultiPaxosMessage): Input<MultiPaxosMessage> => ({ kind: 'message', from: 2, msg: m });
const candidate: Partial<MultiPaxosState> = { role: 'candidate', ballot: [4, 1], promised: [4, 1], maxRound: 4, promises: [{ from: 1, accepted: Slots.empty() }] };
const leading: Partial<MultiPaxosState> = { role: 'leader', leader: 1, ballot: [4, 1], promised: [4, 1], nextSlot: 3 };

type Row = [name: string, state: Partial<MultiPaxosState>, input: Input<MultiPaxosMessage>, lines: string[]];
const TABLES: Record<string, Row[]> = {
  'phase 1 for all slots': [
    ['the leader timer rings', {}, { kind: 'timer', name: 'leader' }, ['leaderTimeout.isLeader', 'leaderTimeout.ballot', 'leaderTimeout.send']],
    ['a leader refuses a forced timeout', leading, { kind: 'timeout' }, ['leaderTimeout.isLeader', 'leaderTimeout.ignore']],
  ],
  'promise': [
    ['a higher ballot deposes a leader', leading, msg({ type: 'Prepare', ballot: [5, 2] }), ['onPrepare.above', 'onPrepare.promise', 'onPrepare.stepDown']],
    ['a lower ballot is refused', { promised: [6, 3] }, msg({ type: 'Prepare', ballot: [5, 2] }), ['onPrepare.above', 'onPrepare.else', 'onPrepare.nack']],
  ],
  'adoption and no-op gap filling': [
    ['the majority: re-propose slot 2, fill slot 1, serve a held command', { ...candidate, pending: ['set a 1'] },
      msg({ type: 'Promise', ballot: [4, 1], accepted: Slots.of({ 2: { ballot: [3, 3], value: 'set b 2' } }) }),
      ['onPromise.waiting', 'onPromise.add', 'onPromise.quorum', 'onPromise.adopt', 'onPromise.noop', 'onPromise.held', 'onPromise.lead']],
    ['a promise nobody waits for', {}, msg({ type: 'Promise', ballot: [4, 1], accepted: Slots.empty() }), ['onPromise.waiting']],
  ],
  'per-slot phase 2': [
    ['the leader proposes in the next slot', leading, { kind: 'request', command: 'set x 1' }, ['request.isLeader', 'request.propose']],
    ['a follower forwards', { leader: 2 }, { kind: 'request', command: 'set x 1' }, ['request.isLeader', 'request.knowsLeader', 'request.forward']],
    ['nobody leads: hold', {}, { kind: 'request', command: 'set x 1' }, ['request.isLeader', 'request.knowsLeader', 'request.hold']],
    ['an acceptor accepts and follows', { promised: [4, 2] }, msg({ type: 'Accept', ballot: [4, 2], slot: 1, value: 'v' }), ['onAccept.ok', 'onAccept.accept', 'onAccept.follow']],
    ['below the promise: refuse', { promised: [6, 3] }, msg({ type: 'Accept', ballot: [4, 2], slot: 1, value: 'v' }), ['onAccept.ok', 'onAccept.else', 'onAccept.nack']],
    ['a majority decides and applies in order', { tallies: [{ slot: 1, ballot: [4, 2], value: 'v', from: [3] }] },
      msg({ type: 'Accepted', ballot: [4, 2], slot: 1, value: 'v' }),
      ['onAccepted.known', 'onAccepted.tally', 'onAccepted.quorum', 'onAccepted.decide', 'applyInOrder.next', 'applyInOrder.apply']],
    ['a decided slot is not counted again', { decided: Slots.of({ 1: 'v' }) }, msg({ type: 'Accepted', ballot: [4, 2], slot: 1, value: 'v' }), ['onAccepted.known']],
  ],
  'heartbeat and catch-up': [
    ['the leader\'s heartbeat', leading, { kind: 'timer', name: 'heartbeat' }, ['heartbeat.isLeader', 'heartbeat.send']],
    ['a follower behind asks to catch up', { promised: [4, 2] }, msg({ type: 'Heartbeat', ballot: [4, 2], applied: 3 }),
      ['onHeartbeat.belowIf', 'onHeartbeat.follow', 'onHeartbeat.behindIf', 'onHeartbeat.catchUp']],
    ['a deposed leader\'s heartbeat', { promised: [6, 3] }, msg({ type: 'Heartbeat', ballot: [4, 2], applied: 0 }), ['onHeartbeat.belowIf', 'onHeartbeat.ignore']],
    ['the leader sends what was missed', { ...leading, decided: Slots.of({ 1: 'a', 2: 'b' }), applied: 2 }, msg({ type: 'CatchUp', from: 1 }), ['onCatchUp.send']],
    ['the follower applies it', {}, msg({ type: 'Decide', entries: [[1, 'a'], [2, 'b']] }), ['onDecide.record', 'applyInOrder.next', 'applyInOrder.apply']],
  ],
  'nack, start and recovery': [
    ['a candidate preempted steps down', candidate, msg({ type: 'Nack', ballot: [4, 1], promised: [5, 3] }), ['onNack.mine', 'onNack.stepDown']],
    ['start', {}, { kind: 'start' }, ['init.timer']],
    ['recover', { promised: [3, 2] }, { kind: 'recover' }, ['recover.keep', 'recover.timer']],
  ],
};

describe.each(Object.entries(TABLES))('Multi-Paxos pseudocode lines: %s', (_handler, rows) => {
  it.each(rows)('%s', (_name, state, input, lines) => {
    expect(multipaxos.handle({ ...initialState(), ...state }, input, ctx).lines.map((l) => l.id)).toEqual(lines);
  });
});

describe('Multi-Paxos pseudocode values', () => {
  it('a new leader says how many slots it re-proposes and how many gaps it fills', () => {
    const step = multipaxos.handle({ ...initialState(), ...candidate },
      msg({ type: 'Promise', ballot: [4, 1], accepted: Slots.of({ 3: { ballot: [3, 3], value: 'c' } }) }), ctx);
    const v = Object.fromEntries(step.lines.map((l) => [l.id, l.value?.()]));
    expect(v['onPromise.adopt']).toBe('1 slot re-proposed');
    expect(v['onPromise.noop']).toBe('2 gaps filled');
  });

  it('a recovered node counts the accepted slots it kept', () => {
    const kept = { promised: [3, 2] as const, accepted: Slots.of({ 1: { ballot: [3, 2] as const, value: 'a' } }), applied: 0 };
    const step = multipaxos.handle({ ...initialState(), ...kept }, { kind: 'recover' }, ctx);
    expect(step.lines.find((l) => l.id === 'recover.keep')?.value?.()).toBe('promised (3, S2), 1 accepted slot, applied 0');
  });
});
