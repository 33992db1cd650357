import { describe, expect, it } from 'vitest';
import { explore } from '../fuzz/explore';

// Bigger runs belong to `npm run fuzz -- --protocol raft --reads log --schedules 10000`; these keep the unit suite quick.
describe('property: client workloads through random faults', () => {
  it.each([['raft', 'log'], ['raft', 'readIndex'], ['multipaxos', 'log'], ['multipaxos', 'readIndex']])('%s, reads by %s: no history fails the linearizability check (10 schedules)', (protocol, reads) => {
    const e = explore(protocol, 10, 7, { reads: reads as 'log' });
    expect(e.firstFailure?.violations ?? []).toEqual([]);
    expect(e.schedules).toBe(10);
  });

  it.each(['raft', 'multipaxos'])('%s, reads on leases, clocks drifting by at most 0.05 (inside the lease\'s bound): no history fails the check (10 schedules)', (protocol) => {
    const e = explore(protocol, 10, 7, { reads: 'lease', drift: 0.05 });
    expect(e.firstFailure?.violations ?? []).toEqual([]);
    expect(e.schedules).toBe(10);
  });

  it.each([['raft', 'local', 10], ['multipaxos', 'local', 10], ['raft', 'leader', 40]])('%s, reads by %s: a stale read is caught within %i schedules', (protocol, reads, within) => {
    const e = explore(protocol, within as number, 1, { reads: reads as 'log' });
    expect(e.firstFailure?.violations.map((v) => v.predicate)).toEqual(['linearizable']);
  });

  // The mutant needs a read at a cut-off leader after the new leader wrote: about one schedule
  // in 160 (npm run fuzz -- --protocol multipaxos --reads readIndex --bug readIndexSkipsHeartbeat).
  it('multipaxos, the mutant readIndexSkipsHeartbeat: a stale read is caught within 30 schedules', () => {
    const e = explore('multipaxos', 30, 3, { reads: 'readIndex', bugs: ['readIndexSkipsHeartbeat'] });
    expect(e.firstFailure?.violations.map((v) => v.predicate)).toEqual(['linearizable']);
    // Without the mutant the same schedules keep every history linearizable.
    expect(explore('multipaxos', e.schedules, 3, { reads: 'readIndex' }).violations).toBe(0);
  });
});
