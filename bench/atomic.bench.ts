/**
 * Atomic commit throughput: CPU time per event for 2PC and 3PC with every safety check on,
 * as the logs fill with transactions. A node's log holds a few records per transaction it
 * took part in, and handlers read it, so the cost of an event grows with the transactions
 * run so far: this prints by how much. Usage: node bench/run.mjs bench/atomic.bench.ts
 */
import { Run } from '../src/engine/run';

const TIMING = { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 };

for (const protocol of ['2pc', '3pc']) {
  for (const txs of [100, 1000, 3000]) {
    const actions = Array.from({ length: txs }, (_, i) => ({ at: 10 + i * 200, type: 'request' as const, node: 1, command: `tx t${i}` }));
    const run = new Run({ protocol, nodes: 5, seed: 1, timing: TIMING, network: { dropRate: 0, duplicateRate: 0 }, options: {}, bugs: [] }, actions);
    const end = 10 + txs * 200;
    // Measure the last tenth of the run: events once the logs hold nine tenths of the transactions.
    run.runUntil(end * 0.9);
    const before = run.sim.world.events;
    const t0 = process.cpuUsage();
    run.runUntil(end);
    const u = process.cpuUsage(t0);
    const seconds = (u.user + u.system) / 1e6;
    const events = run.sim.world.events - before;
    console.log(`${protocol}: ${txs} transactions, 5 nodes, one every 200 ms, checks on: the last ${events} events at ${Math.round(events / seconds).toLocaleString('en')} events/s (CPU)${run.safe ? '' : ' UNSAFE'}`);
  }
}
