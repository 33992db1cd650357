import type { TraceRecord } from '../engine/sim/types';
import { type RecordMark, recordMark } from './recordMark';

/** The newest commands listed beside a run; older ones count only in the totals. */
export const FIGURE_ROWS = 20;
/** Requests still waiting for their commit that are remembered; an older one never committed is forgotten. */
const WAITING = 64;

/** One client command: when it was asked for, and when the cluster committed (chose) it, or null while it waits. */
export interface CommandFigure {
  command: string;
  node: number;
  requestedAt: number;
  committedAt: number | null;
}

/**
 * The figures the lectures compare two runs by ("one round trip instead of two"): messages
 * sent, leader changes, and each command's time from request to commit. Sent in every snapshot.
 */
export interface FiguresView {
  /** Every message the servers sent so far (a copy the network made counts as one more). */
  messagesSent: number;
  /**
   * Whether the run replicates a log of commands under a leader (Raft, Multi-Paxos). If not
   * (Paxos's one value, 2PC/3PC's transactions), only the message count means anything.
   */
  replicatedLog: boolean;
  /** Raft: elections won (one leader per term); Multi-Paxos: phase-1 leaders. */
  leaderChanges: number;
  /** Commands committed so far, and the mean and median (over the newest FIGURE_ROWS) of their request-to-commit times. */
  committed: number;
  meanMs: number | null;
  medianMs: number | null;
  /** The newest commands, oldest first, committed or waiting. */
  commands: CommandFigure[];
}

/** Where the figures stood at a checkpoint: restored with it, so a seek back shows them as they were then. */
export interface FiguresMark {
  leaderChanges: number;
  topIndex: number;
  committed: number;
  totalMs: number;
  rows: CommandFigure[];
  waiting: CommandFigure[];
}

/**
 * Kept event by event as the run goes (live or replayed): counters, and at most FIGURE_ROWS
 * commands and WAITING requests, so the cost per event and per snapshot does not grow with the run.
 *
 * A command is committed when the cluster first commits (Raft's leader counting a majority) or
 * chooses (Multi-Paxos) a log index or slot beyond every one committed before: a follower
 * learning it later, or a new leader recommitting it, is not a second commit.
 */
export class Figures {
  private leaderChanges = 0;
  /** The highest log index or slot committed so far (Raft counts from 0, Multi-Paxos from 1). */
  private topIndex = -1;
  private committed = 0;
  private totalMs = 0;
  private rows: CommandFigure[] = [];
  /** Requests taken and not yet committed, oldest first. */
  private waiting: CommandFigure[] = [];

  /** `mark`: the event's classification, when the caller has it already (the controller classifies each event once). */
  observe(rec: TraceRecord<unknown>, mark: RecordMark | null = recordMark(rec as TraceRecord<{ type: string }>)): void {
    if (mark === 'leader') this.leaderChanges++;
    if (rec.action?.type === 'request' && rec.kind !== 'refused') {
      const row: CommandFigure = { command: rec.action.command, node: rec.action.node, requestedAt: rec.t, committedAt: null };
      this.waiting.push(row);
      if (this.waiting.length > WAITING) this.waiting.shift();
      this.rows.push(row);
      if (this.rows.length > FIGURE_ROWS) this.rows.shift();
    }
    if (mark !== 'commit' || rec.applied === undefined) return;
    for (const { index, command } of rec.applied) {
      if (index <= this.topIndex) continue;
      this.topIndex = index;
      const k = this.waiting.findIndex((w) => w.command === command);
      if (k < 0) continue; // a no-op, or a command whose request was forgotten
      const row = this.waiting[k];
      this.waiting.splice(k, 1);
      // Rows are shared with the list, and never changed once committed: a copy marks the commit.
      const done = { ...row, committedAt: rec.t };
      const r = this.rows.indexOf(row);
      if (r >= 0) this.rows[r] = done;
      this.committed++;
      this.totalMs += rec.t - row.requestedAt;
    }
  }

  mark(): FiguresMark {
    return { leaderChanges: this.leaderChanges, topIndex: this.topIndex, committed: this.committed, totalMs: this.totalMs, rows: [...this.rows], waiting: [...this.waiting] };
  }

  restore(m: FiguresMark): void {
    ({ leaderChanges: this.leaderChanges, topIndex: this.topIndex, committed: this.committed, totalMs: this.totalMs } = m);
    this.rows = [...m.rows];
    this.waiting = [...m.waiting];
  }

  view(messagesSent: number, replicatedLog: boolean): FiguresView {
    const times = this.rows.filter((r) => r.committedAt !== null).map((r) => r.committedAt! - r.requestedAt).sort((a, b) => a - b);
    return {
      messagesSent,
      replicatedLog,
      leaderChanges: this.leaderChanges,
      committed: this.committed,
      meanMs: this.committed === 0 ? null : this.totalMs / this.committed,
      medianMs: median(times),
      commands: this.rows.map((r) => ({ ...r })),
    };
  }
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
