import type { Violation } from '../invariants/monitor';
import { Run } from '../run';
import { pendingChoices } from '../sim/pending';
import { createRng, nextFloat, nextInt, type Rng } from '../sim/prng';
import type { Action, SimConfig, UnstampedAction } from '../sim/types';

/**
 * The student as the network, at random: a run in manual delivery where every step is a
 * choice (deliver any waiting message, drop, duplicate, hold or release one, fire any timer),
 * mixed with partitions into any number of groups, heals of one group or all, process pauses,
 * clock drift, crashes, client requests, and stretches back on the clock. The choices are
 * recorded as actions, so the run replays as a plain scenario (same trace hash).
 */
export interface ChoiceRun {
  config: SimConfig;
  actions: Action[];
  /** The time the last choice ran: replay up to here. */
  until: number;
  traceHash: string;
  violations: Violation[];
  events: number;
}

const TIMING = { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 };

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[nextInt(rng, 0, items.length - 1)];
}

export function randomChoices(protocol: string, seed: number, steps: number, bugs: string[] = []): ChoiceRun {
  const rng = createRng(seed);
  const n = pick(rng, [3, 4, 5, 5]);
  const config: SimConfig = {
    protocol, nodes: n, seed: nextInt(rng, 0, 0x7fffffff), timing: { ...TIMING },
    network: { dropRate: 0, duplicateRate: 0, manual: true }, options: { noopOnElection: nextFloat(rng) < 0.5 }, bugs,
  };
  const run = new Run(config, [], { lines: false });
  const actions: Action[] = [];
  const act = (a: UnstampedAction) => {
    const action = { ...a, at: run.sim.time + 1 } as Action;
    actions.push(action);
    run.sim.schedule(action);
    run.runUntil(action.at, { stopOnViolation: true });
  };
  let value = 0;
  run.runUntil(0);
  for (let i = 0; i < steps && run.safe; i++) {
    const r = nextFloat(rng);
    const node = nextInt(rng, 1, n);
    const sim = run.sim;
    if (r < 0.08) act({ type: 'request', node, command: `set k ${++value}` });
    else if (r < 0.1) {
      // Any number of groups: each node draws one of up to n groups.
      const k = nextInt(rng, 2, n);
      const groups = Array.from({ length: k }, () => [] as number[]);
      for (let id = 1; id <= n; id++) groups[nextInt(rng, 0, k - 1)].push(id);
      act({ type: 'partition', groups: groups.filter((g) => g.length > 0) });
    } else if (r < 0.12) {
      const groups = sim.world.network.groups;
      act(groups !== null && nextFloat(rng) < 0.6 ? { type: 'heal', nodes: [...pick(rng, groups)] } : { type: 'heal' });
    } else if (r < 0.135) act({ type: sim.node(node).paused ? 'resume' : 'pause', node });
    else if (r < 0.15) act({ type: sim.node(node).up ? 'crash' : 'recover', node });
    else if (r < 0.155) act({ type: 'drift', node, rate: pick(rng, [0.5, 1, 2]) });
    else if (r < 0.17) {
      // A stretch on the clock, then the student takes over again.
      act({ type: 'network', manual: false });
      run.runUntil(sim.time + nextInt(rng, 5, 200), { stopOnViolation: true });
      act({ type: 'network', manual: true });
    } else {
      const choices = pendingChoices(sim);
      if (choices.length === 0) {
        act({ type: 'timeout', node });
        continue;
      }
      const c = pick(rng, choices);
      if (c.kind === 'timer') act({ type: 'fire', node: c.node, timer: c.name });
      else if (c.held) act({ type: nextFloat(rng) < 0.5 ? 'release' : 'deliver', message: c.id });
      else {
        const how = nextFloat(rng);
        act({ type: how < 0.75 ? 'deliver' : how < 0.85 ? 'drop' : how < 0.93 ? 'duplicate' : 'hold', message: c.id });
      }
    }
  }
  return { config, actions, until: run.sim.time, traceHash: run.sim.traceHash, violations: run.violations, events: run.sim.world.events };
}

/** A scheduler's policy: the next choice given what waits, or null when it has none. */
export type Policy = (run: Run) => UnstampedAction | null;

/**
 * Runs a policy for `steps` choices, each 1 ms after the last (as the page stamps them), and
 * returns them as actions: a scenario's timeline that replays the same run.
 */
export function driveByHand(run: Run, policy: Policy, steps: number): Action[] {
  const actions: Action[] = [];
  for (let i = 0; i < steps; i++) {
    run.runUntil(run.sim.time);
    const choice = policy(run);
    if (choice === null) break;
    const action = { ...choice, at: run.sim.time + 1 } as Action;
    actions.push(action);
    run.sim.schedule(action);
    run.runUntil(action.at);
  }
  return actions;
}

/** The message with this id, wherever it waits. */
export function messageOf<M>(run: Run, id: number): M | undefined {
  return run.sim.inFlight().find((e) => e.id === id)?.msg as M | undefined;
}
