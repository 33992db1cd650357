import type { NodeId } from '../engine/sim/protocol';
import type { TraceRecord } from '../engine/sim/types';
import { NumberRows } from './numberRows';
import type { CodeLine, CodeRun, CodeView } from './protocol';

type Rec = TraceRecord<{ type: string }>;

/** "Previous time this line ran" reaches back this many events; older runs are forgotten, so a long run's index stays bounded. */
const KEEP_EVENTS = 300_000;
const TRIM_EVERY = 65_536;
/** A run of a line is one number, its event and node together: seq * NODES + node (ascending as seq is). */
const NODES = 16;
const runSeq = (run: number) => Math.floor(run / NODES);
const runNode = (run: number) => run % NODES;

/**
 * Where the tracker stood at a checkpoint: restored with it, so stepping back is exact. It holds
 * the runs as the panel shows them, not their trace records: a record's lazy sentence and values
 * keep the handler's whole scope alive, and a long run holds thousands of checkpoints.
 */
export interface TrackerMark {
  last: CodeRun | null;
  byNode: (CodeRun | null)[];
}

/** The latest run: a record as it happened, or its view once restored from a mark. */
type Latest = Rec | CodeRun;

/**
 * What the pseudocode panel needs from a run: the latest handler run at or before now (and
 * each node's latest, for following a node while playing), and an index of which events
 * ran which line, for "previous / next time this line ran". Fed every trace record.
 */
export class PseudocodeTracker {
  private last: Latest | null = null;
  private byNode: (Latest | null)[] = [];
  /**
   * Per line id, the events that ran it (ascending), with their nodes: known events only. A
   * long run holds millions of these, so each is one number in a table, not an array slot per field.
   */
  private runs = new Map<string, NumberRows>();
  private views = new WeakMap<Rec, CodeRun>();
  private sent: { last: Latest | null; byNode: (Latest | null)[] } | null = null;

  /** `fresh`: the event is new to this timeline (not a replay), so the index learns it. */
  observe(rec: Rec, fresh: boolean): void {
    if (fresh && rec.seq % TRIM_EVERY === 0) this.forgetBefore(rec.seq - KEEP_EVENTS);
    // Ids only: a line's values are made when the panel shows its run (see runView).
    const ids = rec.lineIds;
    if (ids === undefined || ids.length === 0 || rec.node === null) return;
    this.last = rec;
    this.byNode[rec.node] = rec;
    if (!fresh) return;
    for (const id of ids) {
      let r = this.runs.get(id);
      if (r === undefined) this.runs.set(id, (r = new NumberRows(1, 10)));
      // A line run several times in one event (once per follower) is one run of that event.
      if (r.length > 0 && runSeq(r.get(r.length - 1, 0)) === rec.seq) continue;
      r.set(r.append(), 0, rec.seq * NODES + rec.node);
    }
  }

  mark(): TrackerMark {
    return { last: this.runView(this.last), byNode: this.byNode.map((r) => this.runView(r ?? null)) };
  }

  restore(m: TrackerMark): void {
    this.last = m.last;
    this.byNode = m.byNode.slice();
  }

  /** The timeline was cut after event `events` (the user acted in the past): forget later runs. */
  truncate(events: number): void {
    for (const r of this.runs.values()) r.truncate(firstAfter(r, events));
  }

  private forgetBefore(seq: number): void {
    for (const r of this.runs.values()) r.dropFirst(firstAfter(r, seq - 1));
  }

  /** The nearest event before (or after) event `from` that ran `line`, on `node` if given. */
  find(line: string, from: number, direction: 'previous' | 'next', node: NodeId | null): number | null {
    const r = this.runs.get(line);
    if (r === undefined) return null;
    // The first run after event `from`, then walk outwards.
    const lo = firstAfter(r, from);
    const fits = (i: number) => node === null || runNode(r.get(i, 0)) === node;
    if (direction === 'next') {
      for (let i = lo; i < r.length; i++) if (fits(i)) return runSeq(r.get(i, 0));
    } else {
      for (let i = lo - 1; i >= 0; i--) if (runSeq(r.get(i, 0)) < from && fits(i)) return runSeq(r.get(i, 0));
    }
    return null;
  }

  /** The panel's data, or null when nothing changed since the last delta (unless `reset`). */
  view(reset: boolean, delta: boolean): CodeView | null {
    const changed = reset || this.sent === null || this.sent.last !== this.last
      || this.byNode.length !== this.sent.byNode.length || this.byNode.some((r, i) => r !== this.sent!.byNode[i]);
    if (!changed) return null;
    if (delta) this.sent = { last: this.last, byNode: this.byNode.slice() };
    const byNode: (CodeRun | null)[] = [];
    for (let id = 1; id < this.byNode.length; id++) byNode[id - 1] = this.runView(this.byNode[id] ?? null);
    return { current: this.runView(this.last), byNode };
  }

  private runView(rec: Latest | null): CodeRun | null {
    if (rec === null || !isRecord(rec)) return rec;
    let v = this.views.get(rec);
    if (v === undefined) {
      v = { seq: rec.seq, t: rec.t, node: rec.node!, rule: rec.rule, lines: codeLines(rec.lines!) };
      this.views.set(rec, v);
    }
    return v;
  }
}

/** A record's marked lines as the panel draws them: each line once, with its distinct values (see CodeRun). */
function codeLines(marked: NonNullable<Rec['lines']>): CodeLine[] {
  const byId = new Map<string, CodeLine>();
  for (const l of marked) {
    let line = byId.get(l.id);
    if (line === undefined) byId.set(l.id, (line = { id: l.id, values: [] }));
    const value = l.value === null ? null : l.value();
    if (value !== null && !line.values.includes(value)) line.values.push(value);
  }
  return [...byId.values()];
}

/** Index of the first run of a line after event `seq` (binary search). */
function firstAfter(r: NumberRows, seq: number): number {
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runSeq(r.get(mid, 0)) <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isRecord(run: Latest): run is Rec {
  return 'text' in run;
}
