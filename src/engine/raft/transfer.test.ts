import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSchedule } from '../fuzz/explore';
import { randomSchedule } from '../fuzz/schedule';
import { Run } from '../run';
import { createRng, nextInt } from '../sim/prng';
import type { Action } from '../sim/types';
import { toActions, toSimConfig } from '../../scenario/config';
import { parseScenario } from '../../scenario/validate';
import { ctxFor, entries, sent, stateWith, timers } from './fixtures.test-helper';
import { onClientRequest } from './broadcast';
import { onLogResponse } from './acks';
import { onTimeoutNow, onTransferLeadership } from './transfer';
import type { RaftState } from './types';

const leader = (fields: Partial<RaftState> = {}) => stateWith(ctxFor(1), {
  currentTerm: 2, currentRole: 'leader', currentLeader: 1, log: entries(1, 2),
  sentLength: [0, 2, 2, 1, 2, 2], ackedLength: [0, 2, 2, 1, 2, 2], ...fields,
});

describe('leadership transfer, handler by handler', () => {
  it('to an up-to-date follower: TimeoutNow at once, and no new commands meanwhile', () => {
    const step = onTransferLeadership(leader(), 2, ctxFor(1));
    expect(step.state.transferTo).toBe(2);
    expect(sent(step.effects)).toEqual([{ to: 2, msg: { type: 'TimeoutNow', leaderId: 1, term: 2 } }]);
    expect(timers(step.effects)).toEqual(['start:transfer']);
    expect(step.lines.map((l) => l.id)).toEqual(['transfer.isLeader', 'transfer.stop', 'transfer.caughtUp', 'transfer.timeoutNow']);
    const refused = onClientRequest(step.state, 'set z 9', ctxFor(1));
    expect(refused.refused).toBe(true);
    expect(refused.state.log.length).toBe(2);
  });

  it('to a follower behind: first its log, then TimeoutNow on the acknowledgement that catches it up', () => {
    const step = onTransferLeadership(leader(), 3, ctxFor(1));
    expect(sent(step.effects).map((m) => m.msg.type)).toEqual(['LogRequest']);
    expect(step.lines.map((l) => l.id)).toContain('transfer.catchUp');
    const ack = onLogResponse(step.state, { type: 'LogResponse', follower: 3, term: 2, ack: 2, success: true }, ctxFor(1));
    expect(sent(ack.effects)).toEqual([{ to: 3, msg: { type: 'TimeoutNow', leaderId: 1, term: 2 } }]);
  });

  it('refused by a follower, and to oneself', () => {
    expect(onTransferLeadership(stateWith(ctxFor(1), { currentTerm: 2 }), 2, ctxFor(1)).refused).toBe(true);
    expect(onTransferLeadership(leader(), 1, ctxFor(1)).refused).toBe(true);
  });

  it('the target of TimeoutNow starts an election for the next term at once; a stale one is ignored', () => {
    const f = stateWith(ctxFor(2), { currentTerm: 2, currentLeader: 1, log: entries(1, 2) });
    const step = onTimeoutNow(f, { type: 'TimeoutNow', leaderId: 1, term: 2 }, ctxFor(2));
    expect(step.state.currentRole).toBe('candidate');
    expect(step.state.currentTerm).toBe(3);
    expect(step.lines.map((l) => l.id).slice(0, 3)).toEqual(['timeoutNow.current', 'timeoutNow.elect', 'electionTimeout.isLeader']);
    expect(sent(step.effects).filter((m) => m.msg.type === 'VoteRequest')).toHaveLength(4);
    const stale = onTimeoutNow({ ...f, currentTerm: 3 }, { type: 'TimeoutNow', leaderId: 1, term: 2 }, ctxFor(2));
    expect(stale.state.currentRole).toBe('follower');
    expect(sent(stale.effects)).toEqual([]);
  });
});

function run(doc: Record<string, unknown>, until: number): { r: Run; rules: string[] } {
  const p = parseScenario({ version: 2, protocol: 'raft', nodes: 5, seed: 3, ...doc });
  if (!p.ok) throw new Error(p.errors.join('; '));
  const r = new Run(toSimConfig(p.scenario), toActions(p.scenario));
  const rules: string[] = [];
  r.sim.onEvent((rec) => { if (rec.node !== null) rules.push(`${rec.t} S${rec.node} ${rec.rule}`); });
  r.runUntil(until);
  return { r, rules };
}

describe('leadership transfer in a run', () => {
  it('S1 hands over to S4: S4 leads the next term with every committed entry, and nobody waited for a timer', () => {
    const { r, rules } = run({ actions: [
      { at: 5, type: 'timeout', node: 1 },
      { at: 200, type: 'request', node: 1, command: 'set x 1' },
      { at: 400, type: 'transfer', node: 1, to: 4 },
    ] }, 600);
    expect(r.violations).toEqual([]);
    const s4 = r.sim.node(4).state as RaftState;
    expect(s4.currentRole).toBe('leader');
    expect(s4.currentTerm).toBe(2);
    expect(s4.log.slice(0).map((e) => e.command)).toContain('set x 1');
    expect((r.sim.node(1).state as RaftState).currentRole).toBe('follower');
    // S4's election was the TimeoutNow, within a round trip of the transfer, not its timer.
    const elected = rules.filter((x) => / S4 raft\.(timeoutNow|electionTimeout)$/.test(x));
    expect(elected).toHaveLength(1);
    expect(elected[0]).toMatch(/^4\d\d S4 raft\.timeoutNow$/);
  });

  it('the scenario refuses a transfer outside Raft and a transfer to oneself, saying where', () => {
    const mp = parseScenario({ version: 2, protocol: 'multipaxos', nodes: 3, actions: [{ at: 1, type: 'transfer', node: 1, to: 2 }] });
    expect(mp.ok ? [] : mp.errors).toEqual([expect.stringMatching(/actions\[0\]: only Raft has leadership transfer/)]);
    const self = parseScenario({ version: 2, protocol: 'raft', nodes: 3, actions: [{ at: 1, type: 'transfer', node: 2, to: 2 }] });
    expect(self.ok ? [] : self.errors).toEqual([expect.stringMatching(/actions\[0\]\.to: expected a node other than/)]);
    const far = parseScenario({ version: 2, protocol: 'raft', nodes: 3, actions: [{ at: 1, type: 'transfer', node: 1, to: 7 }] });
    expect(far.ok).toBe(false);
  });
});

/** Transfers thrown into a random schedule: at each moment every node is asked, so whoever leads then hands over. */
function withTransfers(seed: number, actions: Action[], n: number, until: number): Action[] {
  const rng = createRng(seed ^ 0x5eed);
  const extra: Action[] = [];
  for (let k = nextInt(rng, 2, 6); k > 0; k--) {
    const at = nextInt(rng, 100, until);
    for (let id = 1; id <= n; id++) extra.push({ at, type: 'transfer', node: id, to: 1 + ((id + nextInt(rng, 0, n - 2)) % n) });
  }
  return [...actions, ...extra].sort((a, b) => a.at - b.at);
}

describe('property: Raft stays safe with leadership transfers among random faults', () => {
  it('no safety check fails over 60 random schedules with transfers, and some transfers do hand over', () => {
    let handedOver = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
      const schedule = randomSchedule(seed, 'raft');
      const actions = withTransfers(seed, schedule.actions, schedule.config.nodes, schedule.healAt);
      const result = runSchedule({ ...schedule, actions });
      expect(result.violations).toEqual([]);
      const r = new Run(schedule.config, actions);
      let timeoutNow = 0;
      r.sim.onEvent((rec) => { if (rec.rule === 'raft.timeoutNow') timeoutNow++; });
      r.runUntil(schedule.healAt);
      if (timeoutNow > 0) handedOver++;
    }), { numRuns: 60, seed: 20261130 });
    expect(handedOver).toBeGreaterThan(10);
  });

  it('the checks still catch a broken rule among transfers (minorityQuorum)', () => {
    let caught = false;
    for (let seed = 0; seed < 100 && !caught; seed++) {
      const schedule = randomSchedule(seed, 'raft', ['minorityQuorum']);
      const actions = withTransfers(seed, schedule.actions, schedule.config.nodes, schedule.healAt);
      caught = runSchedule({ ...schedule, actions }).violations.length > 0;
    }
    expect(caught).toBe(true);
  });
});
