import { MultiPaxosMonitor } from './invariants/multipaxos';
import { PaxosMonitor } from './invariants/paxos';
import { multipaxos } from './multipaxos';
import type { MultiPaxosState } from './multipaxos/types';
import { RaftMonitor } from './invariants/raft';
import { paxos } from './paxos';
import type { PaxosState } from './paxos/types';
import type { SafetyMonitor } from './invariants/monitor';
import { Log, raft } from './raft';
import type { RaftState } from './raft/types';
import { MULTIPAXOS_PSEUDOCODE } from './multipaxos/pseudocode';
import { PAXOS_PSEUDOCODE } from './paxos/pseudocode';
import { RAFT_PSEUDOCODE } from './raft/pseudocode';
import type { Protocol } from './sim/protocol';
import type { Pseudocode } from './sim/pseudocode';
import type { NodeSlot } from './sim/types';
import { AtomicMonitor } from './invariants/atomic';
import { threepc } from './threepc';
import { THREEPC_PSEUDOCODE } from './threepc/pseudocode';
import { twopc } from './twopc';
import { locks } from './twopc/log';
import { TWOPC_PSEUDOCODE } from './twopc/pseudocode';
import type { AtomicState } from './twopc/types';

export interface ProtocolEntry {
  protocol: Protocol<unknown, { type: string }>;
  monitor: (nodes: number) => SafetyMonitor<unknown>;
  /** The lecture's pseudocode, whose line ids the handlers mark as they run. */
  pseudocode: Pseudocode;
  /** Liveness: a leader leads every live node and their committed prefixes agree. */
  converged: (nodes: readonly NodeSlot<unknown>[]) => boolean;
  /** The live node leading the highest term, if any (the fuzzer's strikes aim at it). */
  leader: (nodes: readonly NodeSlot<unknown>[]) => number | null;
  /** The timers its handlers start, by name: what a scenario's `fire` action may name. */
  timers: readonly string[];
  /** Whether it replicates a log of commands: its figures then count leaders elected and commands committed. */
  replicatedLog: boolean;
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
    && Log.commonPrefix(s.log, leader.log) >= s.commitLength);
}

/** Liveness of atomic commit: every live node has decided every transaction it took part in, and the coordinator is idle. */
function atomicSettled(nodes: readonly NodeSlot<unknown>[]): boolean {
  return (nodes as readonly NodeSlot<AtomicState>[]).every((n) => !n.up
    || (locks(n.state).length === 0 && n.state.round === null && n.state.queue.length === 0 && n.state.outgoing.length === 0));
}

/** Every protocol the engine runs, by the name the scenario format uses. */
export const PROTOCOLS: Readonly<Record<string, ProtocolEntry>> = {
  raft: { protocol: raft as Protocol<unknown, { type: string }>, monitor: () => new RaftMonitor() as SafetyMonitor<unknown>,
    pseudocode: RAFT_PSEUDOCODE,
    converged: raftConverged, leader: raftLeader,
    timers: ['election', 'heartbeat', 'transfer'], replicatedLog: true },
  paxos: {
    protocol: paxos as Protocol<unknown, { type: string }>,
    monitor: (n) => new PaxosMonitor(n) as SafetyMonitor<unknown>,
    pseudocode: PAXOS_PSEUDOCODE,
    // Liveness: every live node has learned, and all learned the same value.
    converged: (nodes) => {
      const learned = (nodes as readonly NodeSlot<PaxosState>[]).filter((s) => s.up).map((s) => s.state.learned);
      return learned.length > 0 && learned.every((v) => v !== null && v === learned[0]);
    },
    leader: () => null,
    timers: ['retry'],
    replicatedLog: false,
  },
  multipaxos: {
    protocol: multipaxos as Protocol<unknown, { type: string }>,
    monitor: (n) => new MultiPaxosMonitor(n) as SafetyMonitor<unknown>,
    pseudocode: MULTIPAXOS_PSEUDOCODE,
    // Liveness: one leader, and every live replica applied the same slots.
    converged: (nodes) => {
      const live = (nodes as readonly NodeSlot<MultiPaxosState>[]).filter((s) => s.up).map((s) => s.state);
      return live.filter((s) => s.role === 'leader').length === 1 && live.every((s) => s.applied === live[0].applied && s.applied > 0);
    },
    leader: (nodes) => (nodes as readonly NodeSlot<MultiPaxosState>[]).find((s) => s.up && s.state.role === 'leader')?.id ?? null,
    timers: ['leader', 'heartbeat'],
    replicatedLog: true,
  },
  '2pc': {
    protocol: twopc as Protocol<unknown, { type: string }>,
    monitor: (n) => new AtomicMonitor(n) as SafetyMonitor<unknown>,
    pseudocode: TWOPC_PSEUDOCODE,
    converged: atomicSettled,
    // The coordinator is fixed, not elected: the fuzzer's leader strikes do not apply.
    leader: () => null,
    timers: ['work', 'votes', 'resend', 'wait'],
    replicatedLog: false,
  },
  '3pc': {
    protocol: threepc as Protocol<unknown, { type: string }>,
    monitor: (n) => new AtomicMonitor(n) as SafetyMonitor<unknown>,
    pseudocode: THREEPC_PSEUDOCODE,
    converged: atomicSettled,
    leader: () => null,
    timers: ['work', 'votes', 'resend', 'wait', 'preacks', 'collect'],
    replicatedLog: false,
  },
};

export function protocolNames(): string[] {
  return Object.keys(PROTOCOLS);
}
