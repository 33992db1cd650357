/**
 * Engine throughput for a 5-node Raft cluster under steady client load, with safety
 * checks off and on. Prints figures; nothing here asserts a time.
 *   npm run bench
 *
 * Steady load: ten sessions of 60 s virtual time, one client command every 200 ms
 * (logs reach ~300 entries, a long lecture). Busy: one command every 100 ms. Heavy: one
 * 120 s session with a command every 20 ms (6,000 entries), where copying immutable logs
 * and node states on every append dominates. Run on an ESM bundle, as the browser runs it.
 */
import { Run } from '../src/engine/run';
import type { Action, SimConfig } from '../src/engine/sim/types';

function config(seed: number): SimConfig {
  return {
    protocol: 'raft', nodes: 5, seed,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
    network: { dropRate: 0, duplicateRate: 0 }, options: { noopOnElection: true }, bugs: [],
  };
}

function load(virtualMs: number, every: number): Action[] {
  const actions: Action[] = [];
  for (let at = 500, i = 0; at < virtualMs; at += every, i++) {
    actions.push({ at, type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` });
  }
  return actions;
}

interface Figure { events: number; seconds: number }

function session(seed: number, virtualMs: number, every: number, checks: boolean): Figure {
  const run = new Run(config(seed), load(virtualMs, every), { checks });
  const t0 = performance.now();
  run.runUntil(virtualMs);
  const seconds = (performance.now() - t0) / 1000;
  if (!run.safe) throw new Error(`benchmark run broke safety: ${run.violations[0].text}`);
  return { events: run.sim.world.events, seconds };
}

function throughput(sessions: number, virtualMs: number, every: number, checks: boolean): number {
  let events = 0;
  let seconds = 0;
  for (let seed = 1; seed <= sessions; seed++) {
    const f = session(seed, virtualMs, every, checks);
    events += f.events;
    seconds += f.seconds;
  }
  return events / seconds;
}

// Warm-up: let the JIT settle on every path before anything is measured.
for (let i = 0; i < 3; i++) {
  session(90 + i, 60_000, 100, false);
  session(90 + i, 60_000, 100, true);
}

console.log(`raft.events_per_s=${Math.round(throughput(10, 60_000, 200, false))}`);
console.log(`raft.events_per_s_checked=${Math.round(throughput(10, 60_000, 200, true))}`);
console.log(`raft.events_per_s_busy_load=${Math.round(throughput(10, 60_000, 100, false))}`);
console.log(`raft.events_per_s_heavy_load=${Math.round(throughput(1, 120_000, 20, false))}`);

/** Paxos: single-decree runs, three dueling proposers each, 10% loss, until every node learned. */
function paxosThroughput(): number {
  const run = (seed: number) => {
    const r = new Run({ ...config(seed), protocol: 'paxos', network: { dropRate: 0.1, duplicateRate: 0 }, options: { backoff: true } }, [
      { at: 0, type: 'request', node: 1, command: 'a' }, { at: 3, type: 'request', node: 3, command: 'b' }, { at: 6, type: 'request', node: 5, command: 'c' },
    ], { checks: false });
    const t0 = performance.now();
    r.runUntil(5_000);
    return { events: r.sim.world.events, seconds: (performance.now() - t0) / 1000 };
  };
  for (let i = 0; i < 200; i++) run(1000 + i);
  let events = 0;
  let seconds = 0;
  for (let seed = 1; seed <= 2000; seed++) {
    const f = run(seed);
    events += f.events;
    seconds += f.seconds;
  }
  return events / seconds;
}

console.log(`paxos.events_per_s=${Math.round(paxosThroughput())}`);

/** Multi-Paxos: a 5-node cluster under the same steady load as Raft (a command every 200 ms). */
function multiPaxosThroughput(): number {
  let events = 0;
  let seconds = 0;
  for (let seed = 0; seed <= 10; seed++) {
    const r = new Run({ ...config(seed), protocol: 'multipaxos' }, load(60_000, 200), { checks: false });
    const t0 = performance.now();
    r.runUntil(60_000);
    if (seed === 0) continue; // warm-up
    events += r.sim.world.events;
    seconds += (performance.now() - t0) / 1000;
  }
  return events / seconds;
}

console.log(`multipaxos.events_per_s=${Math.round(multiPaxosThroughput())}`);
