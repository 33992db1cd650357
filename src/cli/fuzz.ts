/**
 * Random fault schedules with every safety check on, on every core (worker threads).
 *   npm run fuzz -- --protocol raft --schedules N [--seed S] [--bug NAME] [--off PREDICATE] [--workers K] [--reads PATH] [--drift D] [--crash-only]
 * With --reads, three clients run a workload through the faults (reads served by PATH) and
 * their history is checked for linearizability as the run goes. With --drift, every clock now
 * and then takes a rate within D of true time (what a leader lease must assume); with --reads
 * lease, each split brain also slows the cut-off leader's clock to 1 - D and reads there soon
 * after a write on the majority side.
 * --crash-only keeps to crashes and recoveries, every message delivered in time: what 3PC assumes.
 * Schedule i is the same whichever worker runs it, and the result is the serial one: the
 * first failing schedule is the lowest-numbered one. Prints each worker's rate, coverage,
 * liveness and a final line `schedules=N events=E violations=V rate=R schedules/s`.
 * On a violation it prints the failing scenario as JSON (replay it with `npm run sim`) and exits 1.
 */
import { EXIT } from './exitCodes';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { emptyExploration, type Exploration, medianEvents, record } from '../engine/fuzz/explore';
import { FRONTS } from '../engine/clients/front';
import { READ_PATHS, type ReadPath } from '../engine/clients/types';
import { PROTOCOLS, protocolNames } from '../engine/protocols';
import { BUGS_BY_PROTOCOL } from '../scenario/bugs';
import type { Action, SimConfig } from '../engine/sim/types';
import type { Chunk, ChunkDone, FuzzJob } from './fuzzWorker';
import { fail, parseIntArg } from './input';

const USAGE = 'usage: npm run fuzz -- --protocol <name> --schedules N [--seed S] [--bug NAME] [--off PREDICATE] [--workers K] [--reads local|leader|log|readIndex|lease] [--drift D] [--crash-only]';
/** Schedules per message to a worker: small enough to balance the cores, large enough to keep messages rare. */
const CHUNK = 20;

function scenarioOf(config: SimConfig, actions: Action[]): Record<string, unknown> {
  return {
    version: 1, protocol: config.protocol, title: 'Found by npm run fuzz', nodes: config.nodes, seed: config.seed,
    timing: config.timing, network: config.network, options: config.options, bugs: config.bugs, actions,
    ...(config.clients !== undefined ? { clients: config.clients } : {}),
  };
}

interface WorkerLoad { schedules: number; busyMs: number }

/** The worker is TypeScript too: it registers tsx in its own thread, then loads its module. */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./fuzzWorker.ts', import.meta.url).href)}); })`;

/**
 * Hands out chunks of indices until every schedule ran or one failed, and folds the chunks
 * into one exploration in index order as they become contiguous (so memory stays flat).
 */
function fuzzInParallel(job: FuzzJob, count: number, workers: number): Promise<{ result: Exploration; loads: WorkerLoad[] }> {
  return new Promise((resolve, reject) => {
    const result = emptyExploration();
    const waiting = new Map<number, ChunkDone>();
    const loads: WorkerLoad[] = [];
    let next = 0;
    let folded = 0;
    let stopped = false;
    let running = 0;
    const fold = () => {
      for (let chunk = waiting.get(folded); chunk !== undefined && !stopped; chunk = waiting.get(folded)) {
        waiting.delete(folded);
        for (const o of chunk.outcomes) {
          if (!record(result, o.violations.length > 0 ? chunk.failure! : { ...o, schedule: null as never })) stopped = true;
        }
        folded += CHUNK;
      }
    };
    for (let w = 0; w < Math.min(workers, Math.ceil(count / CHUNK)); w++) {
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: job });
      const load = { schedules: 0, busyMs: 0 };
      loads.push(load);
      const give = () => {
        // Nothing more once a failure is folded: the serial run would have stopped there.
        if (next >= count || stopped) {
          void worker.terminate();
          if (--running === 0) resolve({ result, loads });
          return;
        }
        worker.postMessage({ from: next, to: Math.min(count, next + CHUNK) } satisfies Chunk);
        next += CHUNK;
      };
      worker.on('message', (chunk: ChunkDone) => {
        waiting.set(chunk.from, chunk);
        load.schedules += chunk.outcomes.length;
        load.busyMs += chunk.busyMs;
        fold();
        give();
      });
      worker.on('error', reject);
      running++;
      give();
    }
  });
}

async function main(argv: string[]): Promise<number> {
  let protocol: string | undefined;
  let schedules: number | undefined;
  let seed = 1;
  let workers = availableParallelism();
  const bugs: string[] = [];
  const off: string[] = [];
  let reads: ReadPath | undefined;
  let crashOnly = false;
  let drift: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} expects a value; ${USAGE}`));
    if (a === '--protocol') protocol = value();
    else if (a === '--schedules') schedules = parseIntArg('--schedules', value(), 1, 10_000_000);
    else if (a === '--seed') seed = parseIntArg('--seed', value(), 0, 0xffffffff);
    else if (a === '--workers') workers = parseIntArg('--workers', value(), 1, 256);
    else if (a === '--bug') bugs.push(value());
    else if (a === '--off') off.push(value());
    else if (a === '--reads') {
      const path = value();
      if (!(READ_PATHS as readonly string[]).includes(path)) fail(`--reads expects one of ${READ_PATHS.join(', ')}, found ${JSON.stringify(path)}`);
      reads = path as ReadPath;
    }
    else if (a === '--drift') {
      const d = Number(value());
      if (!(d >= 0 && d <= 0.9)) fail(`--drift expects a fraction of true time from 0 to 0.9 (0.05: clocks run at 0.95 to 1.05), found ${JSON.stringify(argv[i])}`);
      drift = d;
    }
    else if (a === '--crash-only') crashOnly = true;
    else fail(`unknown argument ${JSON.stringify(a)}; ${USAGE}`);
  }
  if (protocol === undefined) fail(`--protocol is required (one of ${protocolNames().join(', ')}); ${USAGE}`);
  const entry = PROTOCOLS[protocol];
  if (entry === undefined) fail(`unknown protocol ${JSON.stringify(protocol)}: expected one of ${protocolNames().join(', ')}`);
  if (schedules === undefined) fail(`--schedules is required; ${USAGE}`);
  const known = BUGS_BY_PROTOCOL[protocol];
  for (const bug of bugs) {
    if (!Object.hasOwn(known, bug)) fail(`unknown bug ${JSON.stringify(bug)} for ${protocol}: expected one of ${Object.keys(known).join(', ')}`);
  }
  if (reads !== undefined) {
    const front = FRONTS[protocol];
    if (front === undefined) fail(`--reads: ${protocol} has no clients (raft and multipaxos do)`);
    if (!front.reads.includes(reads)) fail(`--reads: ${protocol} offers ${front.reads.join(', ')}, not ${reads}`);
  }
  const predicates = [...Object.keys(entry.monitor(3).predicates), ...(reads !== undefined ? ['linearizable'] : [])];
  for (const p of off) if (!predicates.includes(p)) fail(`unknown check ${JSON.stringify(p)} for ${protocol}: expected one of ${predicates.join(', ')}`);

  const started = performance.now();
  const { result, loads } = await fuzzInParallel({ protocol, seed, opts: { bugs, off, crashOnly, ...(reads !== undefined ? { reads } : {}), ...(drift !== undefined ? { drift } : {}) } }, schedules, workers);
  const seconds = (performance.now() - started) / 1000;

  const failure = result.firstFailure;
  if (failure !== null) {
    const v = failure.violations[0];
    process.stdout.write(`violation in schedule ${result.schedules}: ${v.predicate} at event ${v.seq} (t=${v.t}): ${v.text}\n`);
    process.stdout.write(`${JSON.stringify(scenarioOf(failure.schedule.config, failure.schedule.actions))}\n`);
  }
  loads.forEach((l, k) => process.stdout.write(`worker ${k + 1}: ${l.schedules} schedules, ${(l.schedules / Math.max(l.busyMs / 1000, 1e-9)).toFixed(1)} schedules/s\n`));
  process.stdout.write(`coverage: median ${medianEvents(result)} events per schedule; a fault before the first decision in ${((100 * result.faultBeforeDecision) / result.schedules).toFixed(1)}% of schedules\n`);
  process.stdout.write(`liveness=${((100 * result.live) / result.schedules).toFixed(1)}%\n`);
  process.stdout.write(`schedules=${result.schedules} events=${result.events} violations=${result.violations} rate=${(result.schedules / seconds).toFixed(1)} schedules/s\n`);
  return failure === null ? EXIT.safe : EXIT.unsafe;
}

process.exitCode = await main(process.argv.slice(2));
