import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from '../scenario/config';
import { parseScenario } from '../scenario/validate';
import { operationsOf } from '../engine/clients/operations';
import { committedCommand } from './committedCommand';

function ran(protocol: 'raft' | 'multipaxos'): Run {
  const parsed = parseScenario({
    version: 2, protocol, nodes: 3, seed: 2, clients: { count: 1 },
    actions: [{ at: 10, type: 'timeout', node: 1 }, { at: 400, type: 'invoke', client: 1, op: 'acquire L 300', node: 1 }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const r = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
  r.runUntil(700);
  return r;
}

describe('the committed command at a log index', () => {
  for (const protocol of ['raft', 'multipaxos'] as const) {
    it(`${protocol}: the token an acquire got names its own stamped command; past the committed end, none`, () => {
      const r = ran(protocol);
      const [acquire] = operationsOf(r.sim.world.clients!.history);
      expect(acquire).toMatchObject({ outcome: 'ok', op: { f: 'acquire' } });
      const committed = committedCommand(r.sim.nodes().map((n) => n.state));
      expect(committed(Number(acquire.value))).toMatch(/^c1#1 acquire L 300 @\d+$/);
      expect(committed(Number(acquire.value) + 1)).toBeNull();
    });
  }
});
