import type { Scenario } from '../scenario/schema';
import type { ScenarioDelta } from './protocol';

/** The scenario a view holds after a delta (see ScenarioDelta); null if it held none and the delta has no base. */
export function applyScenarioDelta(held: Scenario | null, d: ScenarioDelta): Scenario | null {
  const base = d.base ?? held;
  if (base === null) return null;
  const kept = held === null ? [] : d.keep === held.actions.length ? held.actions : held.actions.slice(0, d.keep);
  return { ...base, actions: d.added.length === 0 ? kept.slice() : kept.concat(d.added) } as Scenario;
}
