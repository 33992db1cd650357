import type { Action, SimConfig } from '../engine/sim/types';
import type { Scenario } from './schema';

/** What the engine needs from a scenario: configuration, and the timeline of actions in time order. */
export function toSimConfig(s: Scenario): SimConfig {
  return {
    protocol: s.protocol, nodes: s.nodes, seed: s.seed,
    timing: { ...s.timing }, network: { ...s.network }, options: { ...s.options }, bugs: [...s.bugs],
    ...(s.proposers !== undefined ? { proposers: [...s.proposers] } : {}),
    ...(s.clients !== undefined ? { clients: { ...s.clients, ...(s.storage !== undefined ? { storage: { ...s.storage } } : {}) } } : {}),
    ...(s.voteNo !== undefined ? { voteNo: Object.fromEntries(Object.entries(s.voteNo).map(([id, p]) => [Number(id), p])) } : {}),
  };
}

export function toActions(s: Scenario): Action[] {
  // A stable sort keeps actions at the same time in the order the scenario lists them.
  return s.actions.map((a) => ({ ...a }) as Action).sort((a, b) => a.at - b.at);
}
