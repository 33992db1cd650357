import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { toActions, toSimConfig } from '../../scenario/config';
import { splitBrain } from '../../scenario/clientLessons';
import type { ScenarioInput } from '../../scenario/schema';
import { operationText } from '../linearizability/history';
import type { MultiPaxosState } from '../multipaxos/types';
import { Run } from '../run';
import { operationsOf } from './operations';

/** The run, with the rules and pseudocode lines it ran (recorded as it goes). */
function open(doc: Partial<ScenarioInput>): Run & { rules: { t: number; rule: string; lines: string[] }[] } {
  const parsed = parseScenario({ version: 2, protocol: 'multipaxos', nodes: 5, seed: 4, ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = Object.assign(new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario)), { rules: [] as { t: number; rule: string; lines: string[] }[] });
  run.sim.onEvent((rec) => { run.rules.push({ t: rec.t, rule: rec.rule, lines: (rec.lines ?? []).map((l) => l.id) }); });
  return run;
}

const history = (run: Run) => operationsOf(run.sim.world.clients!.history).map((o) => `c${o.client} ${operationText(o)}`);
const mp = (run: Run, id: number) => run.sim.world.nodes[id].state as MultiPaxosState;

/** S1 leads ballot (1,S1) and is cut off alone at 300; the four others choose a new leader; client 2 reads at S1 at `readAt` (the client lessons' split brain, S1 alone). */
const cutOff = (reads: 'lease' | 'leader' | 'readIndex' | 'log', readAt = 1000): Partial<ScenarioInput> =>
  splitBrain({ protocol: 'multipaxos', reads, tries: 6, cutOff: [1], readAt });

describe('Multi-Paxos reads by read index', () => {
  it('the leader notes its read index, hears a majority\'s HeartbeatAck for its ballot, then answers from its store', () => {
    const run = open({ clients: { count: 1, reads: 'readIndex' }, actions: [
      { at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 1 },
      { at: 400, type: 'invoke', client: 1, op: 'get x', node: 1 },
    ] });
    run.runUntil(600);
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 get x → 1']);
    const read = operationsOf(run.sim.world.clients!.history)[1];
    expect(read).toMatchObject({ server: 1, read: 'readIndex', index: 1 });
    // Through a heartbeat round, not the log: one slot only.
    expect(mp(run, 1).decided.size).toBe(1);
    const lines = run.rules.filter((r) => r.t >= 400).flatMap((r) => r.lines);
    expect(lines).toEqual(expect.arrayContaining(['read.note', 'onHeartbeat.ack', 'onHeartbeatAck.current', 'read.answer']));
    expect(lines.indexOf('read.note')).toBeLessThan(lines.indexOf('read.answer'));
  });

  it('the cut-off leader hears no majority: it holds the read, and the client, trying elsewhere, gets the new value', () => {
    const run = open(cutOff('readIndex'));
    run.runUntil(2000);
    expect(run.violations).toEqual([]);
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 2']);
    expect(operationsOf(run.sim.world.clients!.history)[2].server).not.toBe(1);
  });

  it('the mutant readIndexSkipsHeartbeat answers at the cut-off leader without the round, and the check catches the stale read', () => {
    const run = open({ ...cutOff('readIndex'), bugs: ['readIndexSkipsHeartbeat'] });
    run.runUntil(2000, { stopOnViolation: true });
    const read = operationsOf(run.sim.world.clients!.history)[2];
    expect(read).toMatchObject({ outcome: 'ok', value: '1', server: 1, read: 'readIndex' });
    expect(run.violations.map((v) => [v.predicate, v.stale])).toEqual([['linearizable', [read.id]]]);
  });

  it('a new leader gives no read index until it has applied the slots its phase 1 settled', () => {
    const run = open(cutOff('readIndex'));
    run.runUntil(2000);
    const leader = run.sim.nodes().map((n) => mp(run, n.id)).find((s) => s.role === 'leader' && s.ballot![1] !== 1)!;
    expect(leader.recovered).toBeGreaterThanOrEqual(1);
    expect(leader.applied).toBeGreaterThanOrEqual(leader.recovered);
  });
});

/** The lease's cases that both protocols share (kept time, slowed to 0.1, to 0.95) are in lease.test.ts. */
describe('Multi-Paxos leader leases', () => {
  it('a leader answers at once, by its lease, while a majority\'s HeartbeatAcks keep renewing it', () => {
    const run = open({ clients: { count: 1, reads: 'lease' }, actions: [
      { at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 1 },
      { at: 400, type: 'invoke', client: 1, op: 'get x', node: 1 },
    ] });
    run.runUntil(500);
    const read = operationsOf(run.sim.world.clients!.history)[1];
    expect(read).toMatchObject({ outcome: 'ok', value: '1', server: 1, read: 'lease' });
    expect(read.ret! - read.call).toBeLessThanOrEqual(2 * 20);
    expect(run.rules.filter((r) => r.t >= 400).flatMap((r) => r.lines)).toContain('read.lease');
  });

  it('followers that follow a leader ignore other nodes\' Prepare, so the majority side elects only once their own timers ran out', () => {
    const run = open(cutOff('lease'));
    run.runUntil(1000);
    const ignored = run.rules.filter((r) => r.rule === 'multipaxos.leasePromise');
    expect(ignored.length).toBeGreaterThan(0);
    expect(ignored[0].t).toBeGreaterThan(300);
    expect(ignored[0].lines).toEqual(['onPrepare.lease']);
  });

  it('other read paths send no HeartbeatAck and keep acceptors free to promise', () => {
    const run = open(cutOff('leader'));
    run.runUntil(1500, { stopOnViolation: true });
    expect(run.rules.some((r) => r.rule === 'multipaxos.leasePromise' || r.rule === 'multipaxos.heartbeatAck')).toBe(false);
  });
});
