/**
 * RaftScope's own engine (ongardie/raftscope, raft.js, ISC licence), driven as its page drives
 * it, for the comparison issue 13 asks for. raft.js is not part of this repository: point
 * RAFTSCOPE_JS at a copy. RaftScope is time-stepped (its page calls raft.update once per
 * animation frame), so its cost depends on the step; Quorum is event-driven.
 */
import { readFileSync } from 'node:fs';

interface Server { id: number; state: string; term: number; log: unknown[] }
interface Model { time: number; servers: Server[]; messages: unknown[] }
interface RaftJs {
  server(id: number, peers: number[]): Server;
  update(model: Model): void;
  clientRequest(model: Model, server: Server): void;
}

/** The few helpers of RaftScope's util.js that raft.js uses (util.js itself needs jQuery). */
const util = {
  Inf: 1e300,
  numericCompare: (a: number, b: number) => a - b,
  countTrue: (bools: boolean[]) => bools.filter(Boolean).length,
  makeMap: <T>(keys: number[], value: T) => Object.fromEntries(keys.map((k) => [k, value])),
  mapValues: <T>(m: Record<string, T>) => Object.values(m),
};

/** Loads raft.js as a function body, so its globals are plain variables (no slow vm global). */
export function loadRaftScope(path: string): RaftJs {
  const source = readFileSync(path, 'utf8');
  return new Function('util', `${source}\nreturn raft;`)(util) as RaftJs;
}

/** The leader as RaftScope's page picks it for a client request: a leader of the highest term. */
function leaderOf(model: Model): Server | null {
  let best: Server | null = null;
  for (const s of model.servers) if (s.state === 'leader' && (best === null || s.term > best.term)) best = s;
  return best;
}

/**
 * One run: 5 servers, `virtualMs` of virtual time in steps of `stepMs`, a client request to the
 * leader every `everyMs`. Returns the entries in the leader's log at the end (to show the run
 * did real work). RaftScope's clock counts microseconds.
 */
export function runRaftScope(raft: RaftJs, virtualMs: number, stepMs: number, everyMs: number): number {
  const ids = [1, 2, 3, 4, 5];
  const model: Model = { time: 0, servers: ids.map((id) => raft.server(id, ids.filter((p) => p !== id))), messages: [] };
  let nextRequest = everyMs;
  for (let t = stepMs; t <= virtualMs; t += stepMs) {
    model.time = t * 1000;
    raft.update(model);
    if (t >= nextRequest) {
      nextRequest += everyMs;
      const leader = leaderOf(model);
      if (leader !== null) raft.clientRequest(model, leader);
    }
  }
  return leaderOf(model)?.log.length ?? 0;
}
