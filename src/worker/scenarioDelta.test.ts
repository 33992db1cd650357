import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { applyScenarioDelta } from './scenarioDelta';

function scenario(actions: unknown[]): Scenario {
  const r = parseScenario({ version: 1, protocol: 'raft', nodes: 3, actions });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

describe('scenario deltas', () => {
  const a = { at: 10, type: 'timeout', node: 1 } as const;
  const b = { at: 20, type: 'crash', node: 2 } as const;
  const c = { at: 30, type: 'heal' } as const;

  it('a base with no held scenario is the whole scenario; without a base, nothing', () => {
    const { actions: _a, ...base } = scenario([]);
    expect(applyScenarioDelta(null, { base, keep: 0, added: [a] })).toEqual(scenario([a]));
    expect(applyScenarioDelta(null, { base: null, keep: 0, added: [a] })).toBeNull();
  });

  it('keeps the first actions held, drops the rest, appends the new ones, and leaves the held scenario alone', () => {
    const held = scenario([a, b]);
    expect(applyScenarioDelta(held, { base: null, keep: 2, added: [c] })).toEqual(scenario([a, b, c]));
    expect(applyScenarioDelta(held, { base: null, keep: 1, added: [c] })).toEqual(scenario([a, c]));
    expect(held).toEqual(scenario([a, b]));
  });

  it('a new base replaces everything but the actions', () => {
    const held = scenario([a]);
    const { actions: _a, ...base } = { ...scenario([]), title: 'New' };
    expect(applyScenarioDelta(held, { base, keep: 1, added: [] })).toEqual({ ...scenario([a]), title: 'New' });
  });
});
