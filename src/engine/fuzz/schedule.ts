import type { ReadPath } from '../clients/types';
import { createRng, nextFloat, nextInt, type Rng } from '../sim/prng';
import type { Action, SimConfig } from '../sim/types';
import { atomicSchedule } from './atomicSchedule';

/** The atomic commit protocols draw their own schedules: transactions at the coordinator, faults aimed at it. */
const ATOMIC = new Set(['2pc', '3pc']);

/** A random fault schedule: a cluster, a seed, and a timeline of faults that all heal at `healAt`. */
export interface Schedule {
  config: SimConfig;
  actions: Action[];
  /** Every fault is undone at this time: partitions healed, cuts restored, nodes recovered, network clean. */
  healAt: number;
  /** Liveness is judged at this time: 20 maximum election timeouts after healAt. */
  judgeAt: number;
  /**
   * Leader strikes: at each time the runner finds the current leader, cuts it off with one
   * partner, gives it a client command, crashes it once the partner (only) has the entry,
   * heals the network, and later brings the leader back: the opening of the Raft paper's
   * Figure 8, which purely random faults almost never produce. These are resolved during the run and written into `actions` as plain
   * crash/request/recover actions, so a failing schedule replays as an ordinary scenario.
   */
  strikes: { at: number; crashAfter: number; downFor: number; partner: number }[];
  /**
   * Restarts after a pledge: the first `count` times a node votes (Raft) or promises (Paxos)
   * before healAt, each with probability `chance`, it crashes 1 ms later and recovers 1 ms
   * after that: what a node that forgets its persistent state gets wrong. Resolved during the
   * run and written into `actions`, as strikes are.
   */
  restarts: { count: number; chance: number };
  /**
   * Split brains, with clients: at each time the runner cuts the current leader off alone
   * for `lasts` ms, long enough for the others to elect a new leader and finish writes there
   * while clients that knew the old one keep asking it. Resolved during the run and written
   * into `actions`, as strikes are.
   */
  splits: { at: number; lasts: number; slow?: LeaseBreak }[];
  /** Crashes and recoveries only, every message delivered in time: no rival timeouts after a restart either. */
  crashOnly?: boolean;
}

/**
 * A lease broken by drift, on a split (reads by lease, clocks that drift): the cut-off
 * leader's clock slows to `rate` as it is cut off (the others run at true time or faster,
 * within the drift), so its lease outlasts the followers' promise. `writeAfter` ms later a client writes `key` at the node `writer` places after the
 * old leader (it reaches the new leader), and soon after another client reads `key` at the
 * old leader, a few times (once the write is acknowledged, one read that the lease answers is stale). With a drift inside the lease's bound the lease still holds; beyond
 * it, the read is stale. Resolved during the run, as splits are.
 */
export interface LeaseBreak {
  rate: number; writeAfter: number; writer: number; key: string;
  /** The reads at the old leader, each this many ms after the one before (the first, after the write). */
  reads: number[];
  /** Node i's clock rate (index i - 1) through the break if it is not the old leader: within the drift, never slow. */
  others: number[];
}

const TIMING = { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 };

/** A seed for schedule i of a fuzz run, spread so neighbouring indices look unrelated. */
export function scheduleSeed(base: number, index: number): number {
  return (Math.imul(base ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[nextInt(rng, 0, items.length - 1)];
}

/**
 * Draws a schedule of crashes, recoveries, partitions, one-way cuts, forced timeouts,
 * lossy and duplicating networks (up to 30%) and client requests, all from one seed.
 */
export function randomSchedule(seed: number, protocol: string, bugs: string[] = [], reads?: ReadPath, crashOnly = false, drift?: number): Schedule {
  if (ATOMIC.has(protocol)) return atomicSchedule(seed, protocol, bugs, crashOnly);
  const rng = createRng(seed);
  // Two families: 'mixed' faults of every kind, and 'churn', which mostly strikes leader
  // after leader (the chains that old-term commits need) with few other actions in the way.
  const churn = nextFloat(rng) < 0.4;
  const n = churn ? pick(rng, [4, 5, 5]) : pick(rng, [3, 4, 5, 5, 7]);
  const faultWindow = nextInt(rng, 1500, 4000);
  const actions: Action[] = [];
  const cuts = new Set<string>();
  const count = churn ? nextInt(rng, 0, 6) : nextInt(rng, 8, 40);
  let value = 0;
  for (let i = 0; i < count; i++) {
    const at = nextInt(rng, 0, faultWindow - 1);
    const node = nextInt(rng, 1, n);
    const r = nextFloat(rng);
    if (r < 0.35) actions.push({ at, type: 'request', node, command: `set ${pick(rng, ['x', 'y', 'z'])} ${++value}` });
    else if (r < 0.5) actions.push({ at, type: 'crash', node });
    else if (r < 0.62) actions.push({ at, type: 'recover', node });
    else if (r < 0.72) {
      const side = Array.from({ length: n }, (_, k) => k + 1).filter(() => nextFloat(rng) < 0.5);
      actions.push({ at, type: 'partition', groups: side.length > 0 ? [side] : [[node]] });
    } else if (r < 0.76) actions.push({ at, type: 'heal' });
    else if (r < 0.84) {
      const to = 1 + ((node + nextInt(rng, 0, n - 2)) % n);
      actions.push({ at, type: 'cut', from: node, to });
      cuts.add(`${node}>${to}`);
    } else if (r < 0.87) {
      const to = 1 + ((node + nextInt(rng, 0, n - 2)) % n);
      actions.push({ at, type: 'restore', from: node, to });
    } else if (r < 0.95) actions.push({ at, type: 'timeout', node });
    else {
      actions.push({ at, type: 'network', dropRate: round(nextFloat(rng) * 0.3), duplicateRate: round(nextFloat(rng) * 0.3) });
    }
  }
  actions.sort((a, b) => a.at - b.at);
  const healAt = faultWindow;
  actions.push({ at: healAt, type: 'heal' }, { at: healAt, type: 'network', dropRate: 0, duplicateRate: 0 });
  for (const c of cuts) {
    const [from, to] = c.split('>').map(Number);
    actions.push({ at: healAt, type: 'restore', from, to });
  }
  // Strikes may crash any node, so every node is recovered (a refused no-op for those already up).
  for (let id = 1; id <= n; id++) actions.push({ at: healAt, type: 'recover', node: id });
  // A client command after healing: without one a Raft leader cannot commit entries of older
  // terms (no-op off), and a Paxos node that was down when the value was chosen hears of it only
  // when some proposer runs a new round. Raft gets one; Paxos asks every node.
  if (protocol !== 'raft') for (let id = 1; id <= n; id++) actions.push({ at: healAt, type: 'request', node: id, command: 'set healed 1' });
  else actions.push({ at: healAt, type: 'request', node: nextInt(rng, 1, n), command: 'set healed 1' });
  // Strikes come in a chain, each after the cluster has had time to elect a new leader.
  const strikes: Schedule['strikes'] = [];
  for (let at = nextInt(rng, 200, 800), k = churn ? nextInt(rng, 3, 8) : nextInt(rng, 0, 6); k > 0 && at < faultWindow;
    k--, at += nextInt(rng, 250, 700)) {
    strikes.push({ at, crashAfter: nextInt(rng, 25, 45), downFor: nextInt(rng, churn ? 300 : 100, 1500), partner: nextInt(rng, 1, n - 1) });
  }
  const lossy = nextFloat(rng) < 0.5;
  const config: SimConfig = {
    protocol, nodes: n, seed: nextInt(rng, 0, 0x7fffffff), timing: { ...TIMING },
    network: lossy ? { dropRate: round(nextFloat(rng) * 0.3), duplicateRate: round(nextFloat(rng) * 0.3) } : { dropRate: 0, duplicateRate: 0 },
    options: { noopOnElection: !churn && nextFloat(rng) < 0.5 },
    bugs,
  };
  // Drawn after everything above, so the schedules of earlier versions stay as they were.
  const restarts = nextFloat(rng) < 0.4 ? { count: nextInt(rng, 1, 6), chance: 0.7 } : { count: 0, chance: 0 };
  if (protocol === 'paxos') actions.push(...proposerStrikes(rng, n, healAt));
  const splits: Schedule['splits'] = [];
  if (reads !== undefined) {
    config.clients = { count: CLIENTS, timeout: 200, tries: 3, reads };
    actions.push(...clientWorkload(rng, n, healAt + 1000));
    for (let at = nextInt(rng, 300, 900); at < healAt - 1300; at += nextInt(rng, 1500, 2500)) splits.push({ at, lasts: nextInt(rng, 600, 1200) });
  }
  if (drift !== undefined) actions.push(...clockDrift(rng, n, healAt, drift));
  // Drawn after the drift, so schedules of other read paths stay as they were.
  if (drift !== undefined && reads === 'lease') {
    // Two more clients, idle until a break: the workload's clients may be busy at that moment.
    config.clients = { ...config.clients!, count: CLIENTS + 2 };
    for (const split of splits) {
      split.slow = {
        rate: Math.round((1 - drift) * 1000) / 1000, writeAfter: nextInt(rng, 250, 450),
        reads: Array.from({ length: nextInt(rng, 3, 6) }, () => nextInt(rng, 30, 80)),
        writer: nextInt(rng, 1, n - 1), key: pick(rng, ['a', 'b']),
        others: Array.from({ length: n }, () => Math.round((1 + drift * nextFloat(rng)) * 1000) / 1000),
      };
    }
    // The break needs its moment to itself: no other fault, clock change or strike from just
    // before the cut until the read has had its time (a heal would end the split early).
    const quiet = splits.map((sp) => [sp.at - 100, sp.at + sp.slow!.writeAfter + sp.slow!.reads.reduce((x, y) => x + y, 0) + 250]);
    const calm = (at: number) => !quiet.some(([from, to]) => at >= from && at <= to);
    const kept = actions.filter((a) => a.at >= healAt || a.type === 'request' || a.type === 'invoke' || calm(a.at));
    actions.length = 0;
    actions.push(...kept);
    strikes.splice(0, strikes.length, ...strikes.filter((st) => calm(st.at) && calm(st.at + st.crashAfter + st.downFor)));
  }
  // Stable: the healing actions keep their order at healAt.
  actions.sort((a, b) => a.at - b.at);
  return { config, actions, healAt, judgeAt: healAt + 20 * TIMING.electionTimeoutMax, strikes, restarts, splits };
}

/**
 * Paxos decides within a round trip or two of the first request, so faults drawn uniformly
 * over seconds mostly come after the decision. These aim at proposers early: a request, often
 * a rival request at another node a moment later (a duel), and often a crash of the proposer
 * in the middle of its round, recovered later.
 */
function proposerStrikes(rng: Rng, n: number, healAt: number): Action[] {
  const out: Action[] = [];
  for (let k = nextInt(rng, 1, 4), at = nextInt(rng, 0, 200); k > 0 && at < healAt - 1000; k--, at += nextInt(rng, 20, 400)) {
    const node = nextInt(rng, 1, n);
    out.push({ at, type: 'request', node, command: `set p ${at}` });
    if (nextFloat(rng) < 0.5) {
      const rival = 1 + ((node + nextInt(rng, 0, n - 2)) % n);
      out.push({ at: at + nextInt(rng, 0, 30), type: 'request', node: rival, command: `set q ${at}` });
    }
    if (nextFloat(rng) < 0.6) {
      const crashAt = at + nextInt(rng, 5, 60);
      out.push({ at: crashAt, type: 'crash', node }, { at: crashAt + nextInt(rng, 50, 800), type: 'recover', node });
    }
  }
  return out;
}

const CLIENTS = 3;
/** The clients of lease breaks: one writes on the majority side, the other reads at the old leader. */
export const BREAK_WRITER = CLIENTS + 1;
export const BREAK_READER = CLIENTS + 2;

/**
 * Clients busy through the faults and after: each starts an operation every 50 to 400 ms
 * (refused while its previous one is under way) at a random server or the leader it last
 * heard of, on keys no other
 * action writes, so every value read was written by a client the history shows.
 */
/**
 * Clocks that drift (drawn last, so schedules without drift stay as they were): each node's
 * clock now and then takes a new rate within `bound` of true time (0.05: from 0.95 to 1.05),
 * and keeps true time again after the heal.
 */
function clockDrift(rng: Rng, n: number, healAt: number, bound: number): Action[] {
  const out: Action[] = [];
  for (let node = 1; node <= n; node++) {
    for (let at = nextInt(rng, 0, 400); at < healAt; at += nextInt(rng, 300, 1500)) {
      out.push({ at, type: 'drift', node, rate: Math.round((1 - bound + 2 * bound * nextFloat(rng)) * 1000) / 1000 });
    }
    out.push({ at: healAt, type: 'drift', node, rate: 1 });
  }
  return out;
}

function clientWorkload(rng: Rng, n: number, until: number): Action[] {
  const out: Action[] = [];
  let value = 0;
  for (let client = 1; client <= CLIENTS; client++) {
    for (let at = nextInt(rng, 0, 300); at < until; at += nextInt(rng, 50, 400)) {
      const key = pick(rng, ['a', 'b']);
      const r = nextFloat(rng);
      const op = r < 0.4 ? `get ${key}` : r < 0.7 ? `set ${key} ${++value}` : r < 0.85 ? `incr ${key}` : `cas ${key} ${nextInt(rng, 1, value + 1)} ${++value}`;
      // Half the time the client goes to the leader it last heard of, as a real client would.
      if (nextFloat(rng) < 0.5) out.push({ at, type: 'invoke', client, op });
      else out.push({ at, type: 'invoke', client, op, node: nextInt(rng, 1, n) });
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
