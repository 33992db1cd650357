import { describe, expect, it } from 'vitest';
import { duelChoice } from '../paxos/adversary';
import type { PaxosMessage, PaxosState } from '../paxos/types';
import { splitVoteChoice } from '../raft/adversary';
import type { RaftMessage, RaftState } from '../raft/types';
import { Run } from '../run';
import { pendingChoices } from '../sim/pending';
import type { NodeSlot, SimConfig } from '../sim/types';
import { driveByHand, messageOf, type Policy } from './choices';

const TIMING = { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 };
const config = (protocol: string, nodes: number, over: Partial<SimConfig> = {}): SimConfig => ({
  protocol, nodes, seed: 3, timing: TIMING, network: { dropRate: 0, duplicateRate: 0, manual: true }, options: {}, bugs: [], ...over,
});

const duel: Policy = (run) => duelChoice(pendingChoices(run.sim), run.sim.nodes() as NodeSlot<PaxosState>[], (id) => messageOf<PaxosMessage>(run, id));
const split = (candidates: number[]): Policy => (run) =>
  splitVoteChoice(pendingChoices(run.sim), run.sim.nodes() as NodeSlot<RaftState>[], (id) => messageOf<RaftMessage>(run, id), candidates);
/** A fair network: the message due first arrives first, and a timer fires when its time comes. */
const fair: Policy = (run) => {
  const next = pendingChoices(run.sim).filter((c) => !(c.kind === 'message' && c.held))
    .sort((a, b) => (a.kind === 'message' ? a.deliverAt : a.at) - (b.kind === 'message' ? b.deliverAt : b.at))[0];
  if (next === undefined) return null;
  return next.kind === 'message' ? { type: 'deliver', message: next.id } : { type: 'fire', node: next.node, timer: next.name };
};

function paxosDuel(policy: Policy, steps: number): Run {
  const run = new Run(config('paxos', 5), [{ at: 1, type: 'request', node: 1, command: 'red' }, { at: 2, type: 'request', node: 5, command: 'blue' }]);
  run.runUntil(2);
  driveByHand(run, policy, steps);
  return run;
}

describe('FLP by hand: an adversarial scheduler keeps Paxos from deciding', () => {
  it('with randomized backoff on, 600 choices of the adversary: round after round, nobody learns a value, and every check holds', () => {
    const run = paxosDuel(duel, 600);
    const states = run.sim.nodes().map((n) => n.state as PaxosState);
    expect(states.every((s) => s.learned === null && s.accepted === null)).toBe(true);
    expect(Math.max(...states.map((s) => s.maxRound))).toBeGreaterThanOrEqual(10);
    expect(run.safe).toBe(true);
  });

  it('the same duel under a fair network decides within a few dozen choices', () => {
    const run = paxosDuel(fair, 100);
    expect(run.sim.nodes().every((n) => (n.state as PaxosState).learned !== null)).toBe(true);
  });
});

describe('FLP by hand: an adversarial scheduler keeps Raft in split votes', () => {
  it('four servers, two candidates: term after term, two votes each, never a leader', () => {
    const run = new Run(config('raft', 4), []);
    run.runUntil(0);
    const actions = driveByHand(run, split([1, 2]), 400);
    const states = run.sim.nodes().map((n) => n.state as RaftState);
    expect(states.every((s) => s.currentRole !== 'leader')).toBe(true);
    expect(states[0].currentTerm).toBeGreaterThanOrEqual(10);
    expect(actions.filter((a) => a.type === 'fire')).toHaveLength(2 * states[0].currentTerm);
    expect(run.safe).toBe(true);
  });

  it('the same cluster under a fair network elects a leader', () => {
    const run = new Run(config('raft', 4), []);
    run.runUntil(0);
    driveByHand(run, fair, 100);
    expect(run.sim.nodes().some((n) => (n.state as RaftState).currentRole === 'leader')).toBe(true);
  });
});
