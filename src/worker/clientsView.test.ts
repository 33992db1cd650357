import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from '../scenario/config';
import { parseScenario } from '../scenario/validate';
import { operationsOf } from '../engine/clients/operations';
import { clientsView, HISTORY_SHOWN } from './clientsView';

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
    const first = clientsView(world, 'leader', '')!;
    expect(first.view.total).toBe(all.length);
    expect(first.view.operations).toEqual(all.slice(-HISTORY_SHOWN));
    expect(clientsView(world, 'leader', first.history)).toBeNull();
    expect(clientsView(null, null, '')).toBeNull();
  });
});
