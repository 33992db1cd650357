import { describe, expect, it } from 'vitest';
import { explore } from '../fuzz/explore';

// Bigger runs belong to `npm run fuzz -- --protocol raft --reads log --schedules 10000`; these keep the unit suite quick.
describe('property: client workloads through random faults', () => {
  it.each([['raft', 'log'], ['raft', 'readIndex'], ['multipaxos', 'log']])('%s, reads by %s: no history fails the linearizability check (10 schedules)', (protocol, reads) => {
    const e = explore(protocol, 10, 7, { reads: reads as 'log' });
    expect(e.firstFailure?.violations ?? []).toEqual([]);
    expect(e.schedules).toBe(10);
  });

  it('raft, reads on leases, clocks drifting within 5% (inside the lease\'s bound): no history fails the check (10 schedules)', () => {
    const e = explore('raft', 10, 7, { reads: 'lease', drift: 0.05 });
    expect(e.firstFailure?.violations ?? []).toEqual([]);
    expect(e.schedules).toBe(10);
  });

  it.each([['raft', 'local', 10], ['multipaxos', 'local', 10], ['raft', 'leader', 40]])('%s, reads by %s: a stale read is caught within %i schedules', (protocol, reads, within) => {
    const e = explore(protocol, within as number, 1, { reads: reads as 'log' });
    expect(e.firstFailure?.violations.map((v) => v.predicate)).toEqual(['linearizable']);
  });
});
