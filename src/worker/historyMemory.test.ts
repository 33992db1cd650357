import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap in use after a full collection, typed arrays' buffers included. */
function heap(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The bench's workload (bench/controller.bench.ts): 5 nodes, a command every 100 ms. */
function busy(protocol: string, until: number, lossy = false): Scenario {
  const r = parseScenario({
    version: 2, protocol, nodes: 5, seed: 1, ...(lossy ? { network: { dropRate: 0.2, duplicateRate: 0.2 } } : {}),
    actions: Array.from({ length: (until - 500) / 100 }, (_, i) => ({ at: 500 + i * 100, type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` })),
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/**
 * What the controller keeps of a run's history (checkpoints, the space-time log, the
 * pseudocode index, markers) costs a few hundred bytes per event, whatever the event. A
 * copy or an object of its own made per event or per message costs a kilobyte and more:
 * the space-time log's objects per message once took the Raft history of a 600 s run from
 * 26 MB to 367 MB. Measured in bytes of heap, not in time: about 510 (Raft) and 390
 * (Multi-Paxos) bytes per event now, 1,240 and 1,090 with that log; with three clients
 * (their history, sessions and the diagram's rows of their requests and replies) about 630.
 */
/** The same with three clients instead of the timeline's commands: an operation every 100 ms, by turns, through the log. */
function withClients(until: number): Scenario {
  const r = parseScenario({
    version: 2, protocol: 'raft', nodes: 5, seed: 1, clients: { count: 3, timeout: 300, tries: 3, reads: 'log' },
    actions: Array.from({ length: (until - 500) / 100 }, (_, i) => ({ at: 500 + i * 100, type: 'invoke', client: 1 + (i % 3), op: i % 2 === 0 ? `set k${i % 64} ${i}` : `get k${i % 64}` })),
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** Runs a new Controller over the scenario to `until` and returns it with the heap its history took per event. */
function runMeasured(s: Scenario, until: number): { c: Controller; perEvent: number } {
  const before = heap();
  const c = new Controller(s);
  c.seekTime(until);
  return { c, perEvent: (heap() - before) / c.events };
}

/**
 * Plays frame by frame (5 ms of virtual time each) up to `until`, as the worker plays, and
 * returns weak references to the message views the frames showed: some of those messages are
 * in flight at a checkpoint. (A function of its own, so no frame of the test holds a view.)
 */
function framesShown(c: Controller, until: number): WeakRef<object>[] {
  const shown: WeakRef<object>[] = [];
  while (c.time < until) {
    c.advance(5);
    for (const m of c.snapshot(true).messages) shown.push(new WeakRef(m));
  }
  return shown;
}

describe('history memory per event', () => {
  // Clients' requests and replies are kept for the space-time diagram too: rows of numbers, and the engine's own event.
  it('raft with clients: at most 800 bytes of history per event over a 40 s run', () => {
    const { c, perEvent } = runMeasured(withClients(40_000), 40_000);
    expect(c.spaceTimeWindow({ axis: 'time', from: 39_000, to: 40_000, limit: 600 }).clients.length).toBeGreaterThanOrEqual(10);
    expect(c.events).toBeGreaterThan(8_000);
    expect(perEvent).toBeLessThan(800);
  });

  it.each(['raft', 'multipaxos'])('%s: at most 800 bytes of history per event over a 40 s run', (protocol) => {
    const { c, perEvent } = runMeasured(busy(protocol, 40_000), 40_000);
    expect(c.events).toBeGreaterThan(8_000);
    expect(perEvent).toBeLessThan(800);
  });

  it('multipaxos with 20% loss and duplication (bench:long\'s network): at most 360 bytes per event over a 40 s run', () => {
    const { c, perEvent } = runMeasured(busy('multipaxos', 40_000, true), 40_000);
    expect(c.events).toBeGreaterThan(15_000);
    expect(perEvent).toBeLessThan(360);
  });

  it('a message\'s view is let go once it has landed, though checkpoints keep its envelope (a long run in the browser kept them all)', async () => {
    const c = new Controller(busy('multipaxos', 5_000, true));
    c.play();
    c.advance(1_000);
    const shown = framesShown(c, 3_000);
    expect(shown.length).toBeGreaterThan(1_000);
    // Every message of then has landed or fallen away by now (latency at most 20 ms).
    c.advance(1_000);
    c.snapshot(true);
    await new Promise((r) => setTimeout(r, 0));
    heap();
    expect(shown.filter((r) => r.deref() !== undefined)).toEqual([]);
  });
});
