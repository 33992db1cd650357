import { PROTOCOLS } from '../protocols';
import { Run } from '../run';
import type { Violation } from '../invariants/monitor';
import type { Action } from '../sim/types';
import { randomSchedule, type Schedule, scheduleSeed } from './schedule';

export interface ScheduleResult {
  schedule: Schedule;
  events: number;
  violations: Violation[];
  /** After every fault healed, the cluster elected a leader and converged in time. */
  live: boolean;
}

/**
 * Runs one schedule with every safety check on, stopping at the first violation.
 * Leader strikes are resolved against the live cluster and written into the returned
 * schedule's actions, which therefore replay the same run as a plain scenario.
 */
export function runSchedule(input: Schedule): ScheduleResult {
  const schedule = { ...input, actions: input.actions.slice(), strikes: [] };
  const run = new Run(schedule.config, schedule.actions);
  const added: Action[] = [];
  for (const strike of input.strikes) {
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
  return { schedule, events: run.sim.world.events, violations: run.violations, live };
}

export interface Exploration {
  schedules: number;
  events: number;
  violations: number;
  live: number;
  firstFailure: ScheduleResult | null;
}

/** Runs up to `count` random schedules; stops at the first one that breaks a safety property. */
export function explore(protocol: string, count: number, seed: number, bugs: string[] = []): Exploration {
  const out: Exploration = { schedules: 0, events: 0, violations: 0, live: 0, firstFailure: null };
  for (let i = 0; i < count; i++) {
    const result = runSchedule(randomSchedule(scheduleSeed(seed, i), protocol, bugs));
    out.schedules++;
    out.events += result.events;
    if (result.live) out.live++;
    if (result.violations.length > 0) {
      out.violations += result.violations.length;
      out.firstFailure = result;
      break;
    }
  }
  return out;
}
