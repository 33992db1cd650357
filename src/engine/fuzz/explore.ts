import type { ReadPath } from '../clients/types';
import { PROTOCOLS } from '../protocols';
import { Run } from '../run';
import type { Violation } from '../invariants/monitor';
import { createRng, nextFloat, nextInt } from '../sim/prng';
import type { Action } from '../sim/types';
import { pledged } from './pledges';
import { BREAK_READER, BREAK_WRITER, randomSchedule, type Schedule, scheduleSeed } from './schedule';

export interface ScheduleResult {
  schedule: Schedule;
  events: number;
  violations: Violation[];
  /** After every fault healed, the cluster elected a leader and converged in time. */
  live: boolean;
  /** When the first fault struck (a lossy network counts from 0), or null if none did. */
  firstFaultAt: number | null;
  /** When a node first decided something (Raft or Multi-Paxos applied an entry, Paxos learned), or null. */
  firstDecisionAt: number | null;
}

/** Rules that decide something without applying a command: Paxos learning, an atomic commit decision. */
const DECISIONS = new Set(['paxos.learn', '2pc.decide', '3pc.decide']);

const FAULTS = new Set(['crash', 'partition', 'cut', 'drop', 'timeout']);

function firstFault(schedule: Schedule): number | null {
  if (schedule.config.network.dropRate > 0 || schedule.config.network.duplicateRate > 0) return 0;
  const fault = schedule.actions.find((a) => FAULTS.has(a.type) || (a.type === 'network' && ((a.dropRate ?? 0) > 0 || (a.duplicateRate ?? 0) > 0)));
  return fault?.at ?? null;
}

export interface ExploreOptions {
  bugs?: string[];
  /** Clients with this read path run a workload through the faults, checked for linearizability. */
  reads?: ReadPath;
  /** Safety predicates switched off, e.g. the ones that restate a mutant (singleVote, promiseMonotonic). */
  off?: string[];
  /** Crashes and recoveries only (what 3PC assumes): no partitions, cuts, loss or forced timeouts. */
  crashOnly?: boolean;
  /** Clocks drift, each within this fraction of true time (what a leader lease must assume). */
  drift?: number;
}

/**
 * Runs one schedule with every safety check on, stopping at the first violation.
 * Leader strikes are resolved against the live cluster and written into the returned
 * schedule's actions, which therefore replay the same run as a plain scenario.
 */
export function runSchedule(input: Schedule, off: readonly string[] = []): ScheduleResult {
  const schedule = { ...input, actions: input.actions.slice(), strikes: [], restarts: { count: 0, chance: 0 }, splits: [] };
  // The fuzzer reads rules and states, never pseudocode lines: it runs without marking them.
  const run = new Run(schedule.config, schedule.actions, { off, lines: false });
  const added: Action[] = [];
  const protocol = schedule.config.protocol;
  let firstDecisionAt: number | null = null;
  // Restarts after a pledge: the node crashes the next millisecond (its vote or promise is
  // already on the wire) and recovers the one after; often a rival stands then (a forced
  // timeout at another node), whose request in the same term or round reaches the restarted
  // node. Without the rival, a duel already under way may reach it instead.
  const before = run.sim.nodes().map((n) => n.state);
  const coin = createRng(schedule.config.seed ^ 0x5bd1e995);
  let restarts = input.restarts.count;
  run.sim.onEvent((rec) => {
    if (firstDecisionAt === null && (rec.applied !== undefined || DECISIONS.has(rec.rule))) firstDecisionAt = rec.t;
    if (rec.node === null) return;
    const after = run.sim.nodes()[rec.node - 1].state;
    // A pledge to another node: a message from it (a candidate's vote for itself does not count).
    const pledge = rec.kind === 'deliver' && rec.from !== rec.node && pledged(protocol, before[rec.node - 1], after);
    before[rec.node - 1] = after;
    if (!pledge || restarts === 0 || rec.t + 3 >= schedule.healAt || nextFloat(coin) >= input.restarts.chance) return;
    restarts--;
    const rival = 1 + ((rec.node + nextInt(coin, 0, schedule.config.nodes - 2)) % schedule.config.nodes);
    const actions: Action[] = [{ at: rec.t + 1, type: 'crash', node: rec.node }, { at: rec.t + 2, type: 'recover', node: rec.node }];
    if (nextFloat(coin) < 0.5 && !schedule.crashOnly) actions.push({ at: rec.t + 3, type: 'timeout', node: rival });
    for (const a of actions) {
      run.sim.schedule(a);
      added.push(a);
    }
  });
  // Strikes and split brains in time order, each resolved against the leader of the moment.
  const moments = [...input.strikes.map((strike) => ({ at: strike.at, strike, split: null })),
    ...input.splits.map((split) => ({ at: split.at, strike: null, split }))].sort((a, b) => a.at - b.at);
  for (const { strike, split } of moments) {
    if (split !== null) {
      run.runUntil(split.at - 1, { stopOnViolation: true });
      if (!run.safe) break;
      const leader = PROTOCOLS[schedule.config.protocol].leader(run.sim.nodes());
      if (leader === null) continue;
      const actions: Action[] = [{ at: split.at, type: 'partition', groups: [[leader]] }, { at: split.at + split.lasts, type: 'heal' }];
      const slow = split.slow;
      if (slow !== undefined) {
        const writeAt = split.at + slow.writeAfter;
        for (let node = 1; node <= schedule.config.nodes; node++) {
          actions.push({ at: split.at, type: 'drift', node, rate: node === leader ? slow.rate : slow.others[node - 1] });
        }
        actions.push(
          { at: writeAt, type: 'invoke', client: BREAK_WRITER, op: `set ${slow.key} ${writeAt}`, node: 1 + ((leader - 1 + slow.writer) % schedule.config.nodes) },
);
        for (let k = 0, at = writeAt; k < slow.reads.length; k++) {
          at += slow.reads[k];
          actions.push({ at, type: 'invoke', client: BREAK_READER, op: `get ${slow.key}`, node: leader });
        }
      }
      for (const a of actions) {
        run.sim.schedule(a);
        added.push(a);
      }
      continue;
    }
    run.runUntil(strike.at - 1, { stopOnViolation: true });
    if (!run.safe) break;
    const crashAt = strike.at + strike.crashAfter;
    const healAt = crashAt + schedule.config.timing.latencyMax + 1;
    // Every fault of a strike must be over before the schedule's own healing time.
    if (healAt >= schedule.healAt) break;
    const leader = PROTOCOLS[schedule.config.protocol].leader(run.sim.nodes());
    if (leader === null) continue;
    const partner = 1 + ((leader - 1 + strike.partner) % schedule.config.nodes);
    for (const a of [
      { at: strike.at, type: 'partition', groups: [[leader, partner]] },
      { at: strike.at, type: 'request', node: leader, command: `set s ${strike.at}` },
      { at: crashAt, type: 'crash', node: leader },
      // Heal once everything the leader sent has arrived (and been lost to the partition).
      { at: healAt, type: 'heal' },
      { at: Math.min(crashAt + strike.downFor, schedule.healAt), type: 'recover', node: leader },
    ] as Action[]) {
      run.sim.schedule(a);
      added.push(a);
    }
  }
  run.runUntil(schedule.judgeAt, { stopOnViolation: true });
  // Stable sort: at equal times, actions known from the start come first, as they did in the run.
  schedule.actions = [...schedule.actions, ...added].sort((a, b) => a.at - b.at);
  const nodes = run.sim.nodes();
  const live = run.safe && PROTOCOLS[schedule.config.protocol].converged(nodes);
  return { schedule, events: run.sim.world.events, violations: run.violations, live, firstFaultAt: firstFault(schedule), firstDecisionAt };
}

export interface Exploration {
  schedules: number;
  events: number;
  violations: number;
  live: number;
  firstFailure: ScheduleResult | null;
  /** Coverage: events in each schedule run, and how many schedules saw a fault strike before any decision. */
  eventCounts: number[];
  faultBeforeDecision: number;
}

export function emptyExploration(): Exploration {
  return { schedules: 0, events: 0, violations: 0, live: 0, firstFailure: null, eventCounts: [], faultBeforeDecision: 0 };
}

/** Schedule `index` of a fuzz run: the same schedule whichever worker runs it. */
export function runIndex(protocol: string, seed: number, index: number, opts: ExploreOptions = {}): ScheduleResult {
  return runSchedule(randomSchedule(scheduleSeed(seed, index), protocol, opts.bugs ?? [], opts.reads, opts.crashOnly ?? false, opts.drift), opts.off);
}

/** Adds one schedule's result; returns false once a safety property broke (the run stops there). */
export function record(out: Exploration, result: ScheduleResult): boolean {
  out.schedules++;
  out.events += result.events;
  out.eventCounts.push(result.events);
  if (result.live) out.live++;
  const fault = result.firstFaultAt;
  const decision = result.firstDecisionAt;
  if (fault !== null && (decision === null || fault < decision)) out.faultBeforeDecision++;
  if (result.violations.length === 0) return true;
  out.violations += result.violations.length;
  out.firstFailure = result;
  return false;
}

/** Runs up to `count` random schedules; stops at the first one that breaks a safety property. */
export function explore(protocol: string, count: number, seed: number, opts: ExploreOptions = {}): Exploration {
  const out = emptyExploration();
  for (let i = 0; i < count; i++) if (!record(out, runIndex(protocol, seed, i, opts))) break;
  return out;
}

/** The median of the schedules' event counts. */
export function medianEvents(e: Exploration): number {
  const sorted = e.eventCounts.slice().sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)];
}
