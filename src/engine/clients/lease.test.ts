import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { toActions, toSimConfig } from '../../scenario/config';
import { splitBrain } from '../../scenario/clientLessons';
import type { ScenarioInput } from '../../scenario/schema';
import { Run } from '../run';
import type { RaftState } from '../raft/types';
import { operationsOf } from './operations';

/** The run, and the rules it ran with their times (recorded as it goes). */
function open(doc: Partial<ScenarioInput>): Run & { rules: { t: number; rule: string }[] } {
  const parsed = parseScenario({ version: 2, protocol: 'raft', nodes: 5, seed: 4, ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = Object.assign(new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario)), { rules: [] as { t: number; rule: string }[] });
  run.sim.onEvent((rec) => { run.rules.push({ t: rec.t, rule: rec.rule }); });
  return run;
}

/** S1 leads and is cut off alone at 300; the four others elect a leader; client 2 reads at S1 at `readAt` (the client lessons' split brain, S1 alone). */
const cutOff = (reads: 'lease' | 'leader', extra: ScenarioInput['actions'] = [], readAt = 1000, protocol: 'raft' | 'multipaxos' = 'raft'): Partial<ScenarioInput> =>
  splitBrain({ protocol, reads, tries: 6, cutOff: [1], readAt, extra });

const raft = (run: Run, id: number) => run.sim.world.nodes[id].state as RaftState;

describe('leader leases', () => {
  it('a leader answers at once, by its lease, while a majority\'s heartbeat replies keep renewing it', () => {
    const run = open({ clients: { count: 1, reads: 'lease' }, actions: [
      { at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 1 },
      { at: 400, type: 'invoke', client: 1, op: 'get x', node: 1 },
    ] });
    run.runUntil(500);
    const read = operationsOf(run.sim.world.clients!.history)[1];
    expect(read).toMatchObject({ outcome: 'ok', value: '1', server: 1, read: 'lease' });
    // No log entry and no heartbeat round for it: request and reply are one network hop each.
    expect(read.ret! - read.call).toBeLessThanOrEqual(2 * 20);
    expect(raft(run, 1).log.length).toBe(2);
  });

  it('followers that follow a leader ignore other candidates, so the majority side elects only once their own timers ran out', () => {
    const run = open(cutOff('lease'));
    run.runUntil(1000);
    const ignored = run.rules.filter((r) => r.rule === 'raft.leasePromise');
    expect(ignored.length).toBeGreaterThan(0);
    expect(ignored[0].t).toBeGreaterThan(300);
    const leaders = run.sim.nodes().filter((n) => (n.state as RaftState).currentRole === 'leader').map((n) => n.id);
    expect(leaders).toContain(1);
    expect(leaders.length).toBe(2);
  });

  it('a crash loses the lease; the recovered server answers only once a new round has renewed it', () => {
    const run = open({ clients: { count: 1, reads: 'lease' }, actions: [{ at: 10, type: 'timeout', node: 1 }, { at: 200, type: 'crash', node: 1 }] });
    run.runUntil(199);
    expect(run.sim.world.clients!.servers[1].lease?.until).not.toBeNull();
    run.runUntil(201);
    expect(run.sim.world.clients!.servers[1].lease).toBeNull();
  });

  it('other read paths keep the followers free to vote: no promise, the same trace as before leases existed', () => {
    const run = open(cutOff('leader'));
    run.runUntil(1500, { stopOnViolation: true });
    expect(run.rules.some((r) => r.rule === 'raft.leasePromise')).toBe(false);
  });
});

/** A lease is only as good as the clock it is judged by: the same three runs in both protocols that offer leases. */
describe.each(['raft', 'multipaxos'] as const)('%s: the cut-off leader\'s lease and its clock', (protocol) => {
  const run = (extra: ScenarioInput['actions'] = []) => {
    const r = open(cutOff('lease', extra, 1000, protocol));
    r.runUntil(2000, { stopOnViolation: true });
    return { run: r, read: operationsOf(r.sim.world.clients!.history)[2] };
  };

  it('with clocks that keep time, its lease has run out before the new leader writes: no stale read, the read gets x = 2 elsewhere', () => {
    const { run: r, read } = run();
    expect(r.violations).toEqual([]);
    expect(read).toMatchObject({ outcome: 'ok', value: '2', read: 'lease' });
    expect(read.server).not.toBe(1);
  });

  it('with its clock slow (a tenth of true time), it still believes its lease holds and serves a stale read, which the check catches', () => {
    const { run: r, read } = run([{ at: 260, type: 'drift', node: 1, rate: 0.1 }]);
    expect(read).toMatchObject({ outcome: 'ok', value: '1', server: 1, read: 'lease' });
    expect(r.violations.map((v) => [v.predicate, v.stale])).toEqual([['linearizable', [read.id]]]);
  });

  it('with a slow clock inside the bound (5%), the same run stays linearizable', () => {
    const { run: r, read } = run([{ at: 260, type: 'drift', node: 1, rate: 0.95 }]);
    expect(r.violations).toEqual([]);
    expect(read).toMatchObject({ outcome: 'ok', value: '2' });
  });
});
