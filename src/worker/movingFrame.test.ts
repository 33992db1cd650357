import { describe, expect, it } from 'vitest';
import { movingFrame } from './movingFrame';
import type { NodeView } from './protocol';

const node = (id: number, up: boolean, timers: NodeView['timers']): NodeView =>
  ({ id, up, paused: false, clockRate: 1, version: 1, state: {}, logStart: 0, timers, kv: {} });

describe('movingFrame: the timer ring each server shows', () => {
  const snap = { time: 100, playing: true, messages: [], network: { groups: null, cuts: [], dropRate: 0, duplicateRate: 0, latencyMin: 10, latencyMax: 20 } };
  it.each([
    ['a follower: its election timer, emptying', node(1, true, { election: { since: 0, at: 200 } }), { since: 0, at: 200, refills: false }],
    ['a leader: its heartbeat, refilling', node(1, true, { heartbeat: { since: 50, at: 150 } }), { since: 50, at: 150, refills: true }],
    ['a Paxos proposer: its retry timer', node(1, true, { retry: { since: 10, at: 90 } }), { since: 10, at: 90, refills: false }],
    ['a crashed server: none', node(1, false, { election: { since: 0, at: 200 } }), null],
    ['a server with no timer: none', node(1, true, {}), null],
  ])('%s', (_, n, ring) => {
    expect(movingFrame(snap, [n]).rings).toEqual([ring]);
  });
  it('keeps only what the drawer needs of the network', () => {
    expect(movingFrame(snap, [undefined]).network).toEqual({ groups: null, cuts: [], latencyMax: 20 });
    expect(movingFrame(snap, [undefined]).rings).toEqual([null]);
  });
});
