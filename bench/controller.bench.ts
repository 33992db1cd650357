/**
 * Time travel as the browser runs it: the Controller (safety checks, checkpoints, history)
 * over a long run. Prints figures, each with its workload; nothing here asserts a time.
 *   npm run bench                       (after the engine figures)
 *   node bench/run.mjs bench/controller.bench.ts [--hour] [--lossy] [--bursts N] [--protocol raft|paxos|multipaxos]
 *
 * Workload: 5 nodes, default timing, no faults, a client command every 100 ms of virtual time
 * (to S1..S5 in turn) for 600 s. With --lossy, 20% loss and 20% duplication, as bench:long
 * plays it in the browser (where Multi-Paxos replicas catch up by Decide). With --bursts N, the
 * same commands come N at a time (every N x 100 ms), as the page sends a frame's clicks at once. Seeks go to 200 seeded random moments of the run, each from
 * wherever the previous one left it (about half forward, half back); step back is measured
 * at 100 random moments. History is the heap the Controller holds (after a full GC, typed
 * arrays' buffers included) at
 * 60, 300 and 600 s; with --hour, also at 3600 s, and the seeks and steps back range over
 * the hour. Times are wall-clock and, beside them, the
 * process's CPU time (on a shared machine, wall time also counts the waits for a core).
 * Last, where the history's bytes go: its parts released one by one, each with the heap it
 * freed (bytes shared with a part released later count for that later part).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SCENARIO_VERSION } from '../src/scenario/defaults';
import type { Scenario } from '../src/scenario/schema';
import { Controller } from '../src/worker/controller';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const args = process.argv.slice(2);
const hour = args.includes('--hour');
const lossy = args.includes('--lossy');
const only = args.includes('--protocol') ? args[args.indexOf('--protocol') + 1] : null;
const bursts = args.includes('--bursts') ? Number(args[args.indexOf('--bursts') + 1]) : 1;

const RUN_MS = 600_000;
const EVERY_MS = 100;

function scenario(protocol: string, virtualMs: number): Scenario {
  const actions: Scenario['actions'] = [];
  for (let at = 500, i = 0; at < virtualMs; at += EVERY_MS, i++) {
    actions.push({ at: at - ((at - 500) % (EVERY_MS * bursts)), type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` });
  }
  return {
    version: SCENARIO_VERSION, protocol: protocol as Scenario['protocol'], nodes: 5, seed: 1,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
    network: lossy ? { dropRate: 0.2, duplicateRate: 0.2 } : { dropRate: 0, duplicateRate: 0 }, options: { noopOnElection: true, backoff: true }, bugs: [],
    actions, narration: [],
  } as Scenario;
}

/** The JS heap and the typed arrays' buffers (which heapUsed leaves out), after a full GC. */
function heap(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A small seeded generator, so every run of the bench seeks to the same moments. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const ms = (x: number) => x.toFixed(1);

/** What the Controller holds, as far as the breakdown below releases it (private fields: this reads them from outside). */
interface Held {
  checkpoints: { run: { world: { queue: unknown[]; nodes: unknown[] }; monitor: unknown }; code: unknown; figures: unknown }[];
  checkpointEvery: number;
  spaceTime: Record<string, unknown>;
  code: { runs: Map<string, unknown> };
  markers: unknown[];
  recent: unknown[];
  timeline: unknown[];
  run: { monitor: unknown; sim: { world: { queue: unknown[]; nodes: unknown[] } } };
}

/**
 * Where the history's bytes go: each part released in turn (the checkpoints' parts first, as
 * they share the most with the live run), with the heap each release freed. Ends the Controller.
 */
function parts(c: Controller): string {
  const h = c as unknown as Held;
  const cps = h.checkpoints.slice(1);
  const st = h.spaceTime;
  const out: string[] = [`${h.checkpoints.length} checkpoints, every ${h.checkpointEvery} events:`];
  let last = heap();
  const part = (name: string, release: () => void) => {
    release();
    const now = heap();
    out.push(`${name}=${mb(last - now)}`);
    last = now;
  };
  part('checkpoint_node_states', () => cps.forEach((k) => { k.run.world.nodes = []; }));
  part('checkpoint_queues', () => cps.forEach((k) => { k.run.world.queue = []; }));
  part('checkpoint_monitors', () => cps.forEach((k) => { k.run.monitor = null; }));
  part('checkpoint_marks', () => cps.forEach((k) => { k.code = null; k.figures = null; }));
  part('checkpoints_rest', () => { h.checkpoints.length = 1; });
  part('spacetime_message_rows', () => { st.ended = st.endedTimes = st.sends = null; });
  part('spacetime_messages', () => { st.endedMsg = null; });
  part('spacetime_lane_marks', () => { st.marks = st.markTimes = st.markWords = null; });
  part('spacetime_rest', () => { for (const k of Object.keys(st)) st[k] = null; });
  part('pseudocode_index', () => { h.code.runs = new Map(); });
  part('markers_and_recent_records', () => { h.markers = []; h.recent = []; });
  part('timeline', () => { h.timeline = []; });
  part('live_monitor', () => { h.run.monitor = null; });
  part('live_world', () => { h.run.sim.world.queue = []; h.run.sim.world.nodes = []; });
  return out.join(' ');
}

interface Timing { wall: number; cpu: number }

function timed(f: () => void): Timing {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  f();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

function figures(xs: Timing[]): string {
  const q = (k: keyof Timing, p: number) => ms(quantile(xs.map((x) => x[k]), p));
  return `p50=${q('wall', 0.5)} p95=${q('wall', 0.95)} cpu_p50=${q('cpu', 0.5)} cpu_p95=${q('cpu', 0.95)}`;
}
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function bench(protocol: string): void {
  const end = hour ? 3_600_000 : RUN_MS;
  const name = `controller.${protocol}${lossy ? '.lossy' : ''}${bursts > 1 ? `.bursts${bursts}` : ''}`;
  const pace = bursts > 1 ? `${bursts} commands at once every ${bursts * EVERY_MS} ms` : `a command every ${EVERY_MS} ms`;
  const workloadTo = (ms: number) => `${protocol}, 5 nodes, ${lossy ? '20% loss and duplication, ' : ''}${pace}, ${ms / 1000} s virtual`;
  const workload = workloadTo(RUN_MS);
  const base = heap();
  const c = new Controller(scenario(protocol, end));
  const history: string[] = [];
  let runMs = 0;
  for (const at of [60_000, 300_000, 600_000, ...(hour ? [3_600_000] : [])]) {
    const s = performance.now();
    c.seekTime(at);
    runMs += performance.now() - s;
    history.push(`${at / 1000}s=${mb(heap() - base)}MB`);
    if (at === RUN_MS) console.log(`${name}.events_per_s=${Math.round(c.events / (runMs / 1000))}  (${workload}: ${c.events} events, checks, checkpoints and history on)`);
  }
  console.log(`${name}.history_mb ${history.join(' ')}  (${workload}${hour ? ', then on to 3600 s' : ''})`);
  // With --hour, the seeks range over the whole hour.
  const span = end;
  const seekWorkload = workloadTo(end);

  const rand = lcg(7);
  const forward: Timing[] = [];
  const back: Timing[] = [];
  for (let i = 0; i < 200; i++) {
    const target = Math.floor(rand() * span);
    const from = c.time;
    (target >= from ? forward : back).push(timed(() => c.seekTime(target)));
  }
  const steps: Timing[] = [];
  for (let i = 0; i < 100; i++) {
    c.seekTime(Math.floor(rand() * span));
    steps.push(timed(() => c.stepBack()));
  }
  console.log(`${name}.seek_forward_ms ${figures(forward)}  (${forward.length} seeks; ${seekWorkload})`);
  console.log(`${name}.seek_back_ms ${figures(back)}  (${back.length} seeks; ${seekWorkload})`);
  console.log(`${name}.step_back_ms ${figures(steps)}  (100 random moments; ${seekWorkload})`);
  console.log(`${name}.history_parts_mb ${parts(c)}  (${seekWorkload})`);
}

for (const p of only !== null ? [only] : ['raft', 'paxos', 'multipaxos']) bench(p);
