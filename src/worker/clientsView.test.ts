import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from '../scenario/config';
import { parseScenario } from '../scenario/validate';
import { operationsOf } from '../engine/clients/operations';
import { leaseEnded } from '../engine/clients/lockLeases';
import { FENCING_LESSONS } from '../scenario/clientLessons';
import { clientsView, HISTORY_SHOWN } from './clientsView';
import { committedCommand } from './committedCommand';

function run(invokes: number): Run {
  const parsed = parseScenario({
    version: 2, protocol: 'raft', nodes: 3, seed: 2, clients: { count: 1, reads: 'leader' },
    actions: Array.from({ length: invokes }, (_, i) => ({ at: 500 + i * 100, type: 'invoke', client: 1, op: `set k ${i}` })),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const r = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
  r.runUntil(500 + invokes * 100);
  return r;
}

describe('the clients part of a snapshot', () => {
  it('carries the most recent operations, whole, and is left out when the history has not changed', () => {
    const r = run(HISTORY_SHOWN + 30);
    const world = r.sim.world.clients!;
    const all = operationsOf(world.history);
    expect(all.length).toBeGreaterThan(HISTORY_SHOWN);
    const first = clientsView(world, 'leader', '', () => null)!;
    expect(first.view.total).toBe(all.length);
    expect(first.view.operations).toEqual(all.slice(-HISTORY_SHOWN));
    expect(clientsView(world, 'leader', first.history, () => null)).toBeNull();
    expect(clientsView(null, null, '', () => null)).toBeNull();
  });
});

describe('the lock leases of C7 and C8, as their narration tells them', () => {
  for (const lesson of FENCING_LESSONS) {
    it(`${lesson.id}: client 1's lease, stamped 163, ends at 463, before client 2's, stamped 618, begins; client 1 writes x = 3 after it ended`, () => {
      const parsed = parseScenario(lesson.scenario);
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const r = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
      r.runUntil(lesson.endsAt);
      const { view } = clientsView(r.sim.world.clients, 'log', '', committedCommand(r.sim.nodes().map((n) => n.state)))!;
      expect(view.leases.map(({ client, key, token, from, until }) => ({ client, key, token, from, until }))).toEqual([
        { client: 1, key: 'L', token: 2, from: 163, until: 463 },
        { client: 2, key: 'L', token: 4, from: 618, until: 918 },
      ]);
      const stale = view.operations.find((o) => o.client === 1 && o.op.f === 'write' && o.op.value === '3')!;
      expect(leaseEnded(view.leases[0], stale.call)).toBe(true);
      expect(leaseEnded(view.leases[1], stale.call)).toBe(false);
    });
  }

  it('without the servers\' committed commands there is no stamp to read, and no lease is drawn', () => {
    const parsed = parseScenario(FENCING_LESSONS[0].scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const r = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    r.runUntil(900);
    expect(clientsView(r.sim.world.clients, 'log', '', () => null)!.view.leases).toEqual([]);
  });
});
