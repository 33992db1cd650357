import type { MultiPaxosState } from '../multipaxos/types';
import type { PaxosState } from '../paxos/types';
import type { RaftState } from '../raft/types';
import type { NodeSlot } from '../sim/types';

/**
 * Safety checks cannot see a cluster that stops making progress: a run where nothing is ever
 * decided breaks no safety property. The liveness watch notes, after every event, how long the
 * cluster has gone without a settled leader (one that has led for a whole election timeout) and
 * how long work has waited without anything being decided; either lasting `timeouts` election
 * timeouts is a stall. It is plain data, copied with a checkpoint.
 */
export interface Stall {
  kind: 'noLeader' | 'noProgress';
  /** Since when (virtual ms). */
  since: number;
  text: string;
}

export interface LivenessState {
  /** The leader now, as "id:term", and since when it has led. */
  leader: string | null;
  leaderSince: number;
  /** The last moment a leader had led for a whole election timeout (or time 0). */
  settledAt: number;
  /** How much has been decided in all, and since when work has waited for more (null: none waits). */
  decided: number;
  waitingSince: number | null;
}

/** What the watch needs to know of a protocol: who leads (null: no one, or no such role) and what is decided. */
export interface Progress {
  leads: boolean;
  leader: (nodes: readonly NodeSlot<unknown>[]) => string | null;
  decided: (nodes: readonly NodeSlot<unknown>[]) => number;
  waiting: (nodes: readonly NodeSlot<unknown>[]) => boolean;
}

const live = <S>(nodes: readonly NodeSlot<unknown>[]) => (nodes as readonly NodeSlot<S>[]).filter((n) => n.up);

export const PROGRESS: Readonly<Record<string, Progress>> = {
  raft: {
    leads: true,
    leader: (nodes) => {
      const l = live<RaftState>(nodes).filter((n) => n.state.currentRole === 'leader').sort((a, b) => b.state.currentTerm - a.state.currentTerm)[0];
      return l === undefined ? null : `${l.id}:${l.state.currentTerm}`;
    },
    decided: (nodes) => Math.max(0, ...live<RaftState>(nodes).map((n) => n.state.commitLength)),
    waiting: (nodes) => live<RaftState>(nodes).some((n) => n.state.log.length > n.state.commitLength || n.state.pending.length > 0),
  },
  multipaxos: {
    leads: true,
    leader: (nodes) => {
      const l = live<MultiPaxosState>(nodes).find((n) => n.state.role === 'leader');
      return l === undefined ? null : `${l.id}:${l.state.ballot?.[0] ?? 0}`;
    },
    decided: (nodes) => Math.max(0, ...live<MultiPaxosState>(nodes).map((n) => n.state.applied)),
    waiting: (nodes) => live<MultiPaxosState>(nodes).some((n) => n.state.pending.length > 0 || n.state.proposals.top > n.state.applied),
  },
  paxos: {
    leads: false,
    leader: () => null,
    decided: (nodes) => live<PaxosState>(nodes).filter((n) => n.state.learned !== null).length,
    waiting: (nodes) => live<PaxosState>(nodes).some((n) => n.state.learned === null && n.state.value !== null),
  },
};

export class LivenessWatch {
  private readonly window: number;

  constructor(private readonly progress: Progress, private readonly electionTimeout: number, readonly timeouts = 3, public state: LivenessState = {
    leader: null, leaderSince: 0, settledAt: 0, decided: 0, waitingSince: null,
  }) {
    this.window = timeouts * electionTimeout;
  }

  /** After every event: `t` is its time. */
  observe(t: number, nodes: readonly NodeSlot<unknown>[]): void {
    const s = this.state;
    const leader = this.progress.leads ? this.progress.leader(nodes) : null;
    const leaderSince = leader === s.leader ? s.leaderSince : t;
    const settledAt = leader !== null && t - leaderSince >= this.electionTimeout ? t : s.settledAt;
    const decided = this.progress.decided(nodes);
    const waiting = this.progress.waiting(nodes);
    const waitingSince = !waiting ? null : decided > s.decided || s.waitingSince === null ? t : s.waitingSince;
    this.state = { leader, leaderSince, settledAt, decided: Math.max(decided, s.decided), waitingSince };
  }

  /** The stall at time `t`, if any. */
  stall(t: number): Stall | null {
    const s = this.state;
    const timeouts = `${this.timeouts} election timeouts (${this.window} ms)`;
    if (this.progress.leads && t - s.settledAt >= this.window) {
      return { kind: 'noLeader', since: s.settledAt, text: `No leader has held on for a whole election timeout in ${timeouts}, since ${s.settledAt} ms` };
    }
    if (s.waitingSince !== null && t - s.waitingSince >= this.window) {
      return { kind: 'noProgress', since: s.waitingSince, text: `Work has waited ${timeouts} without anything being decided, since ${s.waitingSince} ms` };
    }
    return null;
  }
}
