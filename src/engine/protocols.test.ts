import { describe, expect, it } from 'vitest';
import { randomSchedule } from './fuzz/schedule';
import { PROTOCOLS } from './protocols';
import { Run } from './run';

/** The names of the timers the handlers start in random runs of a protocol, looked at every 20 virtual ms. */
function timersStarted(protocol: string): Set<string> {
  const names = new Set<string>();
  for (const seed of [1, 2, 3]) {
    const s = randomSchedule(seed, protocol);
    const run = new Run(s.config, s.actions, { checks: false });
    for (let t = 20; t <= s.judgeAt; t += 20) {
      run.runUntil(t);
      for (const slot of run.sim.nodes()) for (const [name, timer] of Object.entries(slot.timers)) if (timer !== null) names.add(name);
    }
  }
  return names;
}

describe('the protocol table', () => {
  // A `fire` action is validated against the entry's timers: a timer missing there could not be fired from a scenario.
  it.each(Object.keys(PROTOCOLS))('%s lists every timer its handlers start', (protocol) => {
    const started = timersStarted(protocol);
    expect(started.size).toBeGreaterThan(0);
    for (const name of started) expect(PROTOCOLS[protocol].timers).toContain(name);
  });
});
