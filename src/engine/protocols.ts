import { RaftMonitor } from './invariants/raft';
import type { SafetyMonitor } from './invariants/monitor';
import { raft } from './raft';
import type { RaftState } from './raft/types';
import type { Protocol } from './sim/protocol';
import type { NodeSlot } from './sim/types';

export interface ProtocolEntry {
  protocol: Protocol<unknown, { type: string }>;
  monitor: () => SafetyMonitor<unknown>;
  /** Liveness: a leader leads every live node and their committed prefixes agree. */
  converged: (nodes: readonly NodeSlot<unknown>[]) => boolean;
  /** The live node leading the highest term, if any (the fuzzer's strikes aim at it). */
  leader: (nodes: readonly NodeSlot<unknown>[]) => number | null;
}

function raftLeader(nodes: readonly NodeSlot<unknown>[]): number | null {
  let best: NodeSlot<RaftState> | null = null;
  for (const n of nodes as readonly NodeSlot<RaftState>[]) {
    if (n.up && n.state.currentRole === 'leader' && (best === null || n.state.currentTerm > best.state.currentTerm)) best = n;
  }
  return best?.id ?? null;
}

function raftConverged(nodes: readonly NodeSlot<unknown>[]): boolean {
  const live = (nodes as readonly NodeSlot<RaftState>[]).filter((n) => n.up).map((n) => n.state);
  const leader = live.find((s) => s.currentRole === 'leader');
  return leader !== undefined && live.every((s) =>
    s.currentTerm === leader.currentTerm && s.commitLength === leader.commitLength
    && s.log.slice(0, s.commitLength).every((e, i) => e.term === leader.log[i].term && e.command === leader.log[i].command));
}

/** Every protocol the engine runs, by the name the scenario format uses. */
export const PROTOCOLS: Readonly<Record<string, ProtocolEntry>> = {
  raft: { protocol: raft as Protocol<unknown, { type: string }>, monitor: () => new RaftMonitor() as SafetyMonitor<unknown>,
    converged: raftConverged, leader: raftLeader },
};

export function protocolNames(): string[] {
  return Object.keys(PROTOCOLS);
}
