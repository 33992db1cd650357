/**
 * The live linearizability check's cost per reply as a key's history grows. A Raft cluster of
 * 5 with 3 clients working one key (get, set, incr, one operation per client every 60 ms of
 * virtual time, reads through the log, no faults); its client history is then fed to the live
 * check event by event, and the CPU time per ok reply is printed for replies around the 1,000th,
 * 5,000th and 10,000th operation (an invocation while the client still waits is refused, so fewer run than asked); beside it, what the former check cost (reread the key's whole
 * history at each reply, then search it). Usage: node bench/run.mjs bench/linearizability.bench.ts
 */
import { operationsOf } from '../src/engine/clients/operations';
import type { HistoryEvent } from '../src/engine/clients/types';
import { checkHistory } from '../src/engine/linearizability/check';
import { EMPTY_LIVE, observe } from '../src/engine/linearizability/live';
import { Run } from '../src/engine/run';
import type { Action } from '../src/engine/sim/types';

const TIMING = { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 };
const OPS = 16_000;
const CLIENTS = 3;
const EVERY = 60;

const actions: Action[] = [{ at: 10, type: 'timeout', node: 1 }];
for (let i = 0; i < OPS; i++) {
  const client = (i % CLIENTS) + 1;
  const at = 300 + Math.floor(i / CLIENTS) * EVERY + client * 7;
  const op = i % 3 === 0 ? 'get x' : i % 3 === 1 ? `set x ${i}` : 'incr x';
  actions.push({ at, type: 'invoke', client, op, node: 1 });
}
const end = 300 + Math.ceil(OPS / CLIENTS) * EVERY + 1000;
const config = { protocol: 'raft', nodes: 5, seed: 1, timing: TIMING, network: { dropRate: 0, duplicateRate: 0 }, options: { noopOnElection: true }, bugs: [],
  clients: { count: CLIENTS, timeout: 300, tries: 3, reads: 'log' as const } };
const run = new Run(config, actions, { checks: false });
run.runUntil(end);
const tape = run.sim.world.clients!.history;
const events: HistoryEvent[] = tape.slice();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

let live = EMPTY_LIVE;
let invoked = 0;
let oks = 0;
const marks = [1_000, 5_000, 10_000];
const window = 200;
const liveCost = new Map<number, { ms: number; replies: number }>();
const oldCost = new Map<number, { ms: number; replies: number }>();
let longest = 0;
for (let i = 0; i < events.length; i++) {
  const e = events[i];
  if (e.type === 'invoke') invoked++;
  const mark = marks.find((m) => invoked >= m && invoked < m + window);
  const t0 = cpu();
  const seen = observe(live, e);
  const t1 = cpu();
  live = seen.live;
  if (seen.ok === false) throw new Error(`the live check found a violation in a run without faults at event ${i}`);
  longest = Math.max(longest, live.keys.get('x')?.ops.length ?? 0);
  if (seen.ok === null) continue;
  oks++;
  if (mark === undefined) continue;
  const c = liveCost.get(mark) ?? { ms: 0, replies: 0 };
  liveCost.set(mark, { ms: c.ms + t1 - t0, replies: c.replies + 1 });
  // The former check, on a tenth of the same replies (it is slow): reread the history up to here and search it.
  if (c.replies % 10 !== 0) continue;
  const t2 = cpu();
  const prefix = { length: i + 1, get: (k: number) => events[k] } as unknown as typeof tape;
  checkHistory(operationsOf(prefix, 'x'));
  const t3 = cpu();
  const o = oldCost.get(mark) ?? { ms: 0, replies: 0 };
  oldCost.set(mark, { ms: o.ms + t3 - t2, replies: o.replies + 1 });
}
console.log(`workload: Raft, 5 nodes, ${CLIENTS} clients on one key, an operation per client every ${EVERY} ms (get, set, incr; reads through the log; no faults): ${invoked} operations, ${oks} ok replies, ${events.length} history events`);
for (const m of marks) {
  const c = liveCost.get(m);
  const o = oldCost.get(m);
  if (c === undefined || o === undefined) continue;
  console.log(`around operation ${m.toLocaleString('en')}: live check ${(1000 * c.ms / c.replies).toFixed(1)} µs per reply (${c.replies} replies); rereading the whole history ${(1000 * o.ms / o.replies).toFixed(1)} µs per reply (${o.replies} replies${m > 1000 ? ', past the 1,000-operation bound: "too large to check"' : ''})`);
}
console.log(`longest stretch between quiescent points: ${longest} operations`);
