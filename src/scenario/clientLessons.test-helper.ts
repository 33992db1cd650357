import { expect } from 'vitest';
import { operationsOf } from '../engine/clients/operations';
import { operationText } from '../engine/linearizability/history';
import type { MultiPaxosState } from '../engine/multipaxos/types';
import type { Run } from '../engine/run';

const history = (run: Run) => operationsOf(run.sim.world.clients!.history).map((o) => `c${o.client} ${operationText(o)}`);

/** Each client lesson's stated outcome, checked by running it (lessons.test.ts runs them). */
export const CLIENT_OUTCOMES: Record<string, (r: { run: Run }) => void> = {
  'raft-stale-read': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 1']);
    expect(run.violations.map((v) => [v.predicate, v.operations, v.stale])).toEqual([['linearizable', [1, 2, 3], [3]]]);
  },
  'raft-read-log': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 2']);
    const read = operationsOf(run.sim.world.clients!.history)[2];
    expect([read.server, read.index]).toEqual([4, 5]);
  },
  'raft-read-index': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 2']);
    expect(operationsOf(run.sim.world.clients!.history)[2]).toMatchObject({ server: 4, read: 'readIndex' });
  },
  'raft-exactly-once': ({ run }) => {
    expect(history(run)).toEqual(['c1 incr n → 1', 'c1 incr n → 2']);
    expect(run.sim.world.clients!.servers.slice(1).map((s) => s.machine.kv.n)).toEqual(['2', '2', '2', '2', '2']);
  },
  'raft-read-lease': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c2 get x → 1', 'c1 set x 2 → ok', 'c2 get x → 2']);
    const reads = operationsOf(run.sim.world.clients!.history).filter((o) => o.op.f === 'get');
    expect(reads.map((o) => [o.server, o.read])).toEqual([[3, 'lease'], [1, 'lease']]);
    expect(run.violations).toEqual([]);
  },
  'raft-lease-drift': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c2 get x → 1', 'c1 set x 2 → ok', 'c2 get x → 1']);
    expect(operationsOf(run.sim.world.clients!.history)[3]).toMatchObject({ server: 3, read: 'lease' });
    expect(run.violations.map((v) => [v.predicate, v.operations, v.stale])).toEqual([['linearizable', [1, 3, 4], [4]]]);
  },
  'raft-fencing': ({ run }) => {
    expect(history(run)).toEqual(['c1 acquire L 300 → 2', 'c1 write x 1 → ok', 'c2 acquire L 300 → failed', 'c2 acquire L 300 → 4', 'c2 write x 2 → ok', 'c1 write x 3 → failed']);
    expect(run.sim.world.clients!.storage!.kv.x).toEqual({ value: '2', client: 2, token: 4 });
    expect(run.violations).toEqual([]);
  },
  'raft-fencing-off': ({ run }) => {
    expect(history(run)).toEqual(['c1 acquire L 300 → 2', 'c1 write x 1 → ok', 'c2 acquire L 300 → failed', 'c2 acquire L 300 → 4', 'c2 write x 2 → ok', 'c1 write x 3 → ok']);
    expect(run.sim.world.clients!.storage!.kv.x).toEqual({ value: '3', client: 1, token: 2 });
    expect(run.violations.map((v) => [v.predicate, v.t])).toEqual([['fencing', 864]]);
  },
  'multipaxos-stale-read': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 1']);
    expect(operationsOf(run.sim.world.clients!.history)[2]).toMatchObject({ server: 1, read: 'leader' });
    expect(run.violations.map((v) => [v.predicate, v.operations, v.stale])).toEqual([['linearizable', [1, 2, 3], [3]]]);
  },
  'multipaxos-read-index': ({ run }) => {
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 2']);
    expect(operationsOf(run.sim.world.clients!.history)[2]).toMatchObject({ server: 5, read: 'readIndex', index: 2 });
    // The read took no slot: only the two writes were chosen.
    expect((run.sim.node(5).state as MultiPaxosState).decided.size).toBe(2);
  },
};
