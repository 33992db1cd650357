/**
 * Engine throughput, printed as `name=figure  (workload)`; nothing here asserts a time.
 *   npm run bench
 *
 * Times are the CPU time of this process (process.cpuUsage), so that other work on a shared
 * machine does not count against the engine. Run on an ESM bundle, as the browser runs it.
 *
 * Each group of figures runs in a fresh process (this bundle again, with BENCH_GROUP set),
 * after warming up its own paths: what V8 compiles depends on everything a process ran
 * before, so in one process a figure moved with the lines printed above it (checked Raft
 * measured 0.47M events/s after the bytes-per-event runs and 0.70M without them, same code).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { PROTOCOLS } from '../src/engine/protocols';
import { Run } from '../src/engine/run';
import type { Action, SimConfig } from '../src/engine/sim/types';
import { parseScenario } from '../src/scenario/validate';
import { Controller } from '../src/worker/controller';
import { loadRaftScope, runRaftScope } from './raftscope';

function config(seed: number, protocol = 'raft'): SimConfig {
  return {
    protocol, nodes: 5, seed,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
    network: { dropRate: 0, duplicateRate: 0 }, options: { noopOnElection: true }, bugs: [],
  };
}

/** Client commands from 500 ms on, one every `every` ms, to the nodes in turn (followers forward them). */
function load(virtualMs: number, every: number): Action[] {
  const actions: Action[] = [];
  for (let at = 500, i = 0; at < virtualMs; at += every, i++) {
    actions.push({ at, type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` });
  }
  return actions;
}

/** CPU seconds of this process so far. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function print(name: string, figure: number, workload: string): void {
  console.log(`${name}=${Math.round(figure)}  (${workload})`);
}

interface Figure { events: number; seconds: number }

function session(seed: number, virtualMs: number, every: number, checks: boolean, protocol = 'raft', lines = true): Figure {
  const run = new Run(config(seed, protocol), load(virtualMs, every), { checks, lines });
  const t0 = cpu();
  run.runUntil(virtualMs);
  const seconds = cpu() - t0;
  if (!run.safe) throw new Error(`benchmark run broke safety: ${run.violations[0].text}`);
  return { events: run.sim.world.events, seconds };
}

function throughput(sessions: number, virtualMs: number, every: number, checks: boolean, protocol = 'raft', lines = true): number {
  let events = 0;
  let seconds = 0;
  for (let seed = 1; seed <= sessions; seed++) {
    const f = session(seed, virtualMs, every, checks, protocol, lines);
    events += f.events;
    seconds += f.seconds;
  }
  return events / seconds;
}

/**
 * Bytes allocated per event over the ten runs of raft.events_per_s: what the collector
 * freed during them plus what the heap grew by (v8.GCProfiler reports every collection).
 */
function bytesPerEvent(lines: boolean): number {
  const runs = Array.from({ length: 10 }, (_, i) => new Run(config(i + 1), load(60_000, 200), { checks: false, lines }));
  const gc = new GCProfiler();
  gc.start();
  const before = getHeapStatistics().used_heap_size;
  let events = 0;
  for (const run of runs) {
    run.runUntil(60_000);
    events += run.sim.world.events;
  }
  const grown = getHeapStatistics().used_heap_size - before;
  let freed = 0;
  for (const c of gc.stop()?.statistics ?? []) freed += c.beforeGC.heapStatistics.usedHeapSize - c.afterGC.heapStatistics.usedHeapSize;
  return (grown + freed) / events;
}

/** Warm-up: let the JIT settle on every Raft path before anything is measured. */
function warmRaft(): void {
  for (let i = 0; i < 3; i++) {
    session(90 + i, 60_000, 100, false);
    session(90 + i, 60_000, 100, true);
    session(90 + i, 60_000, 100, false, 'raft', false);
  }
}

const CLUSTER = '5 nodes, latency 10-20 ms, heartbeat 50 ms, no faults';

function raftThroughput(): void {
  warmRaft();
  print('raft.events_per_s', throughput(10, 60_000, 200, false), `${CLUSTER}; 10 runs of 60 s virtual, a command every 200 ms (~300 entries); checks off: no one sees a record, so handlers keep no line ids`);
  print('raft.events_per_s_no_lines', throughput(10, 60_000, 200, false, 'raft', false), 'the same without pseudocode line marks (Run\'s lines: false, as the fuzzer runs)');
  print('raft.events_per_s_checked', throughput(10, 60_000, 200, true), 'the same with every safety check on (the checks see every record: handlers keep their line ids, as in the app)');
  print('raft.events_per_s_busy_load', throughput(10, 60_000, 100, false), `${CLUSTER}; 10 runs of 60 s, a command every 100 ms; checks off`);
  print('raft.events_per_s_heavy_load', throughput(1, 120_000, 20, false), `${CLUSTER}; one run of 120 s, a command every 20 ms (6,000 entries); checks off`);
}

function raftBytes(): void {
  warmRaft();
  print('raft.bytes_per_event', bytesPerEvent(true), 'the same workload as raft.events_per_s (no record seen, no line ids kept): bytes allocated per event, from GC statistics (does not depend on machine load)');
  print('raft.bytes_per_event_no_lines', bytesPerEvent(false), 'the same without pseudocode line marks');
}

/**
 * Per-event cost as the log grows: one run, a command to the leader every 10 ms of virtual
 * time. Once the leader's log (Multi-Paxos: its slots) holds 1k, 10k and 100k entries, three
 * windows of 10 s virtual time (~1,000 commands each) are timed; the median is printed. Flat
 * means the cost of an event does not depend on the length of the log.
 */
function costByLogLength(protocol: 'raft' | 'multipaxos', checks: boolean): void {
  const run = new Run(config(1, protocol), [], { checks });
  const leader = () => PROTOCOLS[protocol].leader(run.sim.nodes()) ?? 1;
  let next = 500;
  let i = 0;
  const advance = (ms: number) => {
    const until = run.sim.time + ms;
    const to = leader();
    for (; next < until; next += 10, i++) run.sim.schedule({ at: next, type: 'request', node: to, command: `set k${i % 64} ${i}` });
    run.runUntil(until);
  };
  const length = () => {
    const s = run.sim.node(leader()).state as { log?: { length: number }; nextSlot?: number };
    return s.log?.length ?? (s.nextSlot ?? 1) - 1;
  };
  for (const entries of [1_000, 10_000, 100_000]) {
    while (length() < entries) advance(1_000);
    const windows: number[] = [];
    for (let w = 0; w < 3; w++) {
      const events = run.sim.world.events;
      const t0 = cpu();
      for (let s = 0; s < 10; s++) advance(1_000);
      windows.push(((cpu() - t0) * 1e9) / (run.sim.world.events - events));
    }
    if (!run.safe) throw new Error(`benchmark run broke safety: ${run.violations[0].text}`);
    const k = `${entries / 1000}k`;
    print(`${protocol}.ns_per_event_at_${k}_entries${checks ? '_checked' : ''}`, windows.sort((a, b) => a - b)[1],
      `${CLUSTER}; a command to the leader every 10 ms; median of three 10 s windows once the log holds ${k} entries; checks ${checks ? 'on' : 'off'}`);
  }
}


/**
 * The Controller, as the browser's worker runs it: safety checks, checkpoints and the
 * event history on. A 10-minute Raft run, a command to S1 every 100 ms of virtual time
 * (forwarded to the leader), played in 100 ms steps.
 */
function controllerThroughput(): void {
  const parsed = parseScenario({ version: 1, protocol: 'raft', nodes: 5, seed: 1 });
  if (!parsed.ok) throw new Error('bench scenario is invalid');
  const c = new Controller(parsed.scenario);
  const t0 = cpu();
  for (let t = 0, i = 0; t < 600_000; t += 100, i++) {
    c.play();
    c.act({ type: 'request', node: 1, command: `set k${i % 64} ${i}` });
    if (c.advance(100)) throw new Error('benchmark run broke safety');
  }
  const seconds = cpu() - t0;
  print('controller.events_per_s', c.events / seconds, `Raft, ${CLUSTER}; 600 s virtual, a command to S1 every 100 ms; checks, checkpoints and history on`);
  print('controller.virtual_s_per_s', 600 / seconds, 'the same run: virtual seconds played per second');
}


/** Paxos: single-decree runs, three dueling proposers each, 10% loss, until every node learned. */
function paxosThroughput(): number {
  const run = (seed: number) => {
    const r = new Run({ ...config(seed), protocol: 'paxos', network: { dropRate: 0.1, duplicateRate: 0 }, options: { backoff: true } }, [
      { at: 0, type: 'request', node: 1, command: 'a' }, { at: 3, type: 'request', node: 3, command: 'b' }, { at: 6, type: 'request', node: 5, command: 'c' },
    ], { checks: false });
    const t0 = cpu();
    r.runUntil(5_000);
    return { events: r.sim.world.events, seconds: cpu() - t0 };
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


/** Multi-Paxos: a 5-node cluster under the same steady load as Raft (a command every 200 ms). */
function multiPaxosThroughput(checks: boolean): number {
  session(0, 60_000, 200, checks, 'multipaxos'); // warm-up
  return throughput(10, 60_000, 200, checks, 'multipaxos');
}

/**
 * Against RaftScope's own engine, on the workload: 5 servers, 600 s virtual, a client
 * request to the leader every 100 ms; both with RaftScope's timing (election timeout 100-200 ms,
 * latency 10-15 ms, heartbeat 50 ms). Virtual seconds per second, wall and CPU, median of 3.
 * RaftScope steps its clock; at 1 ms it has Quorum's time resolution (whole milliseconds).
 */
function againstRaftScope(): void {
  const path = process.env.RAFTSCOPE_JS;
  if (path === undefined || path === '') {
    console.log('raftscope: skipped (set RAFTSCOPE_JS to the path of RaftScope\'s raft.js, from github.com/ongardie/raftscope, to compare)');
    return;
  }
  const VIRTUAL_MS = 600_000;
  const EVERY_MS = 100;
  const scope = loadRaftScope(path);
  const timed = (f: () => number) => {
    const runs: { wall: number; cpu: number; entries: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const w0 = performance.now();
      const c0 = cpu();
      const entries = f();
      runs.push({ wall: VIRTUAL_MS / (performance.now() - w0), cpu: VIRTUAL_MS / 1000 / (cpu() - c0), entries });
    }
    const median = (k: 'wall' | 'cpu') => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
    return { wall: median('wall'), cpu: median('cpu'), entries: runs[0].entries };
  };
  const quorumRun = () => {
    const c = config(1);
    c.timing = { electionTimeoutMin: 100, electionTimeoutMax: 200, heartbeatInterval: 50, latencyMin: 10, latencyMax: 15 };
    const run = new Run(c, [], { checks: false });
    for (let t = EVERY_MS; t <= VIRTUAL_MS; t += EVERY_MS) {
      run.runUntil(t);
      const leader = PROTOCOLS.raft.leader(run.sim.nodes());
      if (leader !== null) run.sim.schedule({ at: t, type: 'request', node: leader, command: `set k${t % 64} ${t}` });
    }
    const leader = PROTOCOLS.raft.leader(run.sim.nodes());
    return leader === null ? 0 : (run.sim.node(leader).state as { log: { length: number } }).log.length;
  };
  timed(quorumRun); // warm-up
  const quorum = timed(quorumRun);
  const WORKLOAD = '5 servers, 600 s virtual, a client request to the leader every 100 ms, RaftScope timing; median of 3';
  print('raftscope.quorum_virtual_s_per_wall_s', quorum.wall, `Quorum, checks off; ${WORKLOAD}; leader log ${quorum.entries} entries`);
  print('raftscope.quorum_virtual_s_per_cpu_s', quorum.cpu, 'the same, per CPU second');
  for (const step of [1, 10]) {
    const scopeRun = () => runRaftScope(scope, VIRTUAL_MS, step, EVERY_MS);
    if (step === 1) timed(scopeRun); // warm-up
    const other = timed(scopeRun);
    print(`raftscope.step_${step}ms_virtual_s_per_wall_s`, other.wall, `RaftScope's raft.js stepped every ${step} ms; ${WORKLOAD}; leader log ${other.entries} entries`);
    print(`raftscope.step_${step}ms_virtual_s_per_cpu_s`, other.cpu, 'the same, per CPU second');
    console.log(`raftscope.ratio_step_${step}ms=${(quorum.wall / other.wall).toFixed(2)} wall, ${(quorum.cpu / other.cpu).toFixed(2)} CPU  (Quorum's virtual seconds per second over RaftScope's; the target is at least 2)`);
  }
}

/** The groups of figures, each run in a fresh process, in this order. */
const GROUPS: Record<string, () => void> = {
  raft: raftThroughput,
  raftBytes,
  raftLog: () => {
    warmRaft();
    costByLogLength('raft', false);
    costByLogLength('raft', true);
  },
  controller: () => {
    warmRaft();
    controllerThroughput();
  },
  paxos: () => print('paxos.events_per_s', paxosThroughput(), '5 nodes; 2,000 runs of 5 s virtual, three dueling proposers, 10% loss; checks off'),
  multipaxos: () => print('multipaxos.events_per_s', multiPaxosThroughput(false), `${CLUSTER}; 10 runs of 60 s virtual, a command every 200 ms; checks off`),
  multipaxosChecked: () => print('multipaxos.events_per_s_checked', multiPaxosThroughput(true), 'the same with every safety check on'),
  multipaxosLog: () => {
    costByLogLength('multipaxos', false);
    costByLogLength('multipaxos', true);
  },
  raftscope: againstRaftScope,
};

const group = process.env.BENCH_GROUP;
if (group !== undefined) {
  const run = GROUPS[group];
  if (run === undefined) throw new Error(`unknown BENCH_GROUP "${group}" (one of ${Object.keys(GROUPS).join(', ')})`);
  run();
} else {
  const self = fileURLToPath(import.meta.url);
  for (const name of Object.keys(GROUPS)) execFileSync(process.execPath, [self], { env: { ...process.env, BENCH_GROUP: name }, stdio: 'inherit' });
}
