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
  /** The leader now, as a number (its term times 16 plus its id: ids go to 9), and since when it has led. */
  leader: number | null;
  leaderSince: number;
  /** The last moment a leader had led for a whole election timeout (or time 0). */
  settledAt: number;
  /** How much has been decided in all, and since when work has waited for more (null: none waits). */
  decided: number;
  waitingSince: number | null;
}

/** What the watch needs to know of one server's state: whether it leads (and in which term), how much it decided, whether work waits on it. */
export interface Progress {
  leads: boolean;
  /** The term (or round) it leads in, or -1 when it does not lead. */
  leading: (state: unknown) => number;
  decided: (state: unknown) => number;
  waiting: (state: unknown) => boolean;
}

export const PROGRESS: Readonly<Record<string, Progress>> = {
  raft: {
    leads: true,
    leading: (s) => ((s as RaftState).currentRole === 'leader' ? (s as RaftState).currentTerm : -1),
    decided: (s) => (s as RaftState).commitLength,
    waiting: (s) => (s as RaftState).log.length > (s as RaftState).commitLength || (s as RaftState).pending.length > 0,
  },
  multipaxos: {
    leads: true,
    leading: (s) => ((s as MultiPaxosState).role === 'leader' ? (s as MultiPaxosState).ballot?.[0] ?? 0 : -1),
    decided: (s) => (s as MultiPaxosState).applied,
    waiting: (s) => (s as MultiPaxosState).pending.length > 0 || (s as MultiPaxosState).proposals.top > (s as MultiPaxosState).applied,
  },
  paxos: {
    leads: false,
    leading: () => -1,
    decided: (s) => ((s as PaxosState).learned !== null ? 1 : 0),
    waiting: (s) => (s as PaxosState).learned === null && (s as PaxosState).value !== null,
  },
};

export class LivenessWatch {
  private readonly window: number;
  /** Per server (index = id), read from its state when an event touches it: cheap to total after every event. */
  private readonly leading: number[] = [];
  private readonly decided: number[] = [];
  private readonly waiting: boolean[] = [];
  /** After a restore every server is read again. */
  private stale = true;

  constructor(private readonly progress: Progress, private readonly electionTimeout: number, readonly timeouts = 3, private current: LivenessState = {
    leader: null, leaderSince: 0, settledAt: 0, decided: 0, waitingSince: null,
  }) {
    this.window = timeouts * electionTimeout;
  }

  get state(): LivenessState {
    return this.current;
  }

  set state(s: LivenessState) {
    this.current = s;
    this.stale = true;
  }

  private read(n: NodeSlot<unknown>): void {
    const p = this.progress;
    this.leading[n.id] = n.up ? p.leading(n.state) : -1;
    this.decided[n.id] = n.up ? p.decided(n.state) : 0;
    this.waiting[n.id] = n.up && p.waiting(n.state);
  }

  /** After every event: `t` is its time, `changed` the server it touched (null for one that touched none). */
  observe(t: number, changed: number | null, nodes: readonly NodeSlot<unknown>[]): void {
    if (this.stale) {
      for (const n of nodes) this.read(n);
      this.stale = false;
    } else if (changed !== null) {
      this.read(nodes[changed - 1]);
    }
    let leader: number | null = null;
    let decided = 0;
    let waiting = false;
    for (let id = 1; id <= nodes.length; id++) {
      // The leader of the highest term: the number packs term and id (ids go to 9).
      if (this.leading[id] >= 0 && (leader === null || this.leading[id] * 16 + id > leader)) leader = this.leading[id] * 16 + id;
      if (this.decided[id] > decided) decided = this.decided[id];
      if (this.waiting[id]) waiting = true;
    }
    const s = this.current;
    const leaderSince = leader === s.leader ? s.leaderSince : t;
    const settledAt = leader !== null && t - leaderSince >= this.electionTimeout ? t : s.settledAt;
    const waitingSince = !waiting ? null : decided > s.decided || s.waitingSince === null ? t : s.waitingSince;
    const most = Math.max(decided, s.decided);
    // Most events change none of it: keep the object (a checkpoint holds it by reference).
    if (leader === s.leader && settledAt === s.settledAt && most === s.decided && waitingSince === s.waitingSince) return;
    this.current = { leader, leaderSince, settledAt, decided: most, waitingSince };
  }

  /** The stall at time `t`, if any. */
  stall(t: number): Stall | null {
    const s = this.current;
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
