import { createRng, nextFloat, nextInt, type Rng } from '../sim/prng';
import type { Action, SimConfig } from '../sim/types';
import type { Schedule } from './schedule';

const TIMING = { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 };

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[nextInt(rng, 0, items.length - 1)];
}

/**
 * A fault schedule for atomic commit (2PC, 3PC): transactions asked of the coordinator S1,
 * some with participants that vote no, among crashes (the coordinator's most of all),
 * recoveries, partitions, one-way cuts, forced timeouts and a lossy, duplicating network.
 * `crashOnly` keeps to what three-phase commit assumes: crashes and recoveries, and a
 * network that delivers every message within latencyMax.
 */
export function atomicSchedule(seed: number, protocol: string, bugs: string[] = [], crashOnly = false): Schedule {
  const rng = createRng(seed);
  const n = pick(rng, [3, 4, 4, 5, 5]);
  const faultWindow = nextInt(rng, 1500, 4000);
  const actions: Action[] = [];
  const cuts = new Set<string>();
  let tx = 0;
  for (let at = nextInt(rng, 0, 100); at < faultWindow; at += nextInt(rng, 100, 600)) {
    const no = nextFloat(rng) < 0.3 ? ` no ${nextInt(rng, 2, n)}` : '';
    actions.push({ at, type: 'request', node: 1, command: `tx t${++tx}${no}` });
  }
  const count = nextInt(rng, 4, 30);
  for (let i = 0; i < count; i++) {
    const at = nextInt(rng, 0, faultWindow - 1);
    // The coordinator is the node whose failure matters most: it is picked half the time.
    const node = nextFloat(rng) < 0.5 ? 1 : nextInt(rng, 1, n);
    const r = nextFloat(rng);
    if (r < 0.3) {
      actions.push({ at, type: 'crash', node });
      if (nextFloat(rng) < 0.7) actions.push({ at: at + nextInt(rng, 1, 800), type: 'recover', node });
    } else if (r < 0.4 || crashOnly) actions.push({ at, type: 'recover', node });
    else if (r < 0.55) {
      const side = Array.from({ length: n }, (_, k) => k + 1).filter(() => nextFloat(rng) < 0.5);
      actions.push({ at, type: 'partition', groups: side.length > 0 ? [side] : [[node]] });
    } else if (r < 0.62) actions.push({ at, type: 'heal' });
    else if (r < 0.72) {
      const to = 1 + ((node + nextInt(rng, 0, n - 2)) % n);
      actions.push({ at, type: 'cut', from: node, to });
      cuts.add(`${node}>${to}`);
    } else if (r < 0.85) actions.push({ at, type: 'timeout', node });
    else actions.push({ at, type: 'network', dropRate: round(nextFloat(rng) * 0.3), duplicateRate: round(nextFloat(rng) * 0.3) });
  }
  const healAt = faultWindow + 800;
  actions.push({ at: healAt, type: 'heal' }, { at: healAt, type: 'network', dropRate: 0, duplicateRate: 0 });
  for (const c of cuts) {
    const [from, to] = c.split('>').map(Number);
    actions.push({ at: healAt, type: 'restore', from, to });
  }
  for (let id = 1; id <= n; id++) actions.push({ at: healAt, type: 'recover', node: id });
  const lossy = !crashOnly && nextFloat(rng) < 0.4;
  const config: SimConfig = {
    protocol, nodes: n, seed: nextInt(rng, 0, 0x7fffffff), timing: { ...TIMING },
    network: lossy ? { dropRate: round(nextFloat(rng) * 0.3), duplicateRate: round(nextFloat(rng) * 0.3) } : { dropRate: 0, duplicateRate: 0 },
    options: {},
    bugs,
  };
  const restarts = nextFloat(rng) < 0.6 ? { count: nextInt(rng, 1, 6), chance: 0.5 } : { count: 0, chance: 0 };
  actions.sort((a, b) => a.at - b.at);
  return { config, actions, healAt, judgeAt: healAt + 20 * TIMING.electionTimeoutMax, strikes: [], splits: [], restarts, crashOnly };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
