/**
 * One core's share of `npm run fuzz`: runs the chunks of schedule indices the main thread
 * hands it and reports each schedule's outcome, stopping a chunk at its first violation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ExploreOptions, runIndex, type ScheduleResult } from '../engine/fuzz/explore';

export interface FuzzJob { protocol: string; seed: number; opts: ExploreOptions }
export interface Chunk { from: number; to: number }
/** Outcomes in index order from `from`; a failing schedule is last and travels whole. */
export interface ChunkDone { from: number; outcomes: Omit<ScheduleResult, 'schedule'>[]; failure: ScheduleResult | null; busyMs: number }

const job = workerData as FuzzJob;
parentPort!.on('message', (chunk: Chunk) => {
  const started = performance.now();
  const outcomes: ChunkDone['outcomes'] = [];
  let failure: ScheduleResult | null = null;
  for (let i = chunk.from; i < chunk.to; i++) {
    const result = runIndex(job.protocol, job.seed, i, job.opts);
    const { schedule: _schedule, ...outcome } = result;
    outcomes.push(outcome);
    if (result.violations.length > 0) {
      failure = result;
      break;
    }
  }
  parentPort!.postMessage({ from: chunk.from, outcomes, failure, busyMs: performance.now() - started } satisfies ChunkDone);
});
