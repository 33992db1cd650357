import type { NodeId } from '../engine/sim/protocol';
import type { TraceRecord } from '../engine/sim/types';
import type { CodeRun, CodeView } from './protocol';

type Rec = TraceRecord<{ type: string }>;

/** "Previous time this line ran" reaches back this many events; older runs are forgotten, so a long run's index stays bounded. */
const KEEP_EVENTS = 300_000;
const TRIM_EVERY = 65_536;

/** Where the tracker stood at a checkpoint: restored with it, so stepping back is exact. */
export interface TrackerMark {
  last: Rec | null;
  byNode: (Rec | null)[];
}

/**
 * What the pseudocode panel needs from a run: the latest handler run at or before now (and
 * each node's latest, for following a node while playing), and an index of which events
 * ran which line, for "previous / next time this line ran". Fed every trace record.
 */
export class PseudocodeTracker {
  private last: Rec | null = null;
  private byNode: (Rec | null)[] = [];
  /** Per line id, the events that ran it (ascending) and their nodes: known events only. */
  private runs = new Map<string, { seqs: number[]; nodes: NodeId[] }>();
  private views = new WeakMap<Rec, CodeRun>();
  private sent: { last: Rec | null; byNode: (Rec | null)[] } | null = null;

  /** `fresh`: the event is new to this timeline (not a replay), so the index learns it. */
  observe(rec: Rec, fresh: boolean): void {
    if (fresh && rec.seq % TRIM_EVERY === 0) this.forgetBefore(rec.seq - KEEP_EVENTS);
    if (rec.lines === undefined || rec.lines.length === 0 || rec.node === null) return;
    this.last = rec;
    this.byNode[rec.node] = rec;
    if (!fresh) return;
    for (const l of rec.lines) {
      let r = this.runs.get(l.id);
      if (r === undefined) this.runs.set(l.id, (r = { seqs: [], nodes: [] }));
      // A line run several times in one event (once per follower) is one run of that event.
      if (r.seqs[r.seqs.length - 1] === rec.seq) continue;
      r.seqs.push(rec.seq);
      r.nodes.push(rec.node);
    }
  }

  mark(): TrackerMark {
    return { last: this.last, byNode: this.byNode.slice() };
  }

  restore(m: TrackerMark): void {
    this.last = m.last;
    this.byNode = m.byNode.slice();
  }

  /** The timeline was cut after event `events` (the user acted in the past): forget later runs. */
  truncate(events: number): void {
    for (const r of this.runs.values()) {
      while (r.seqs.length > 0 && r.seqs[r.seqs.length - 1] > events) {
        r.seqs.pop();
        r.nodes.pop();
      }
    }
  }

  private forgetBefore(seq: number): void {
    for (const r of this.runs.values()) {
      let n = 0;
      while (n < r.seqs.length && r.seqs[n] < seq) n++;
      if (n > 0) {
        r.seqs.splice(0, n);
        r.nodes.splice(0, n);
      }
    }
  }

  /** The nearest event before (or after) event `from` that ran `line`, on `node` if given. */
  find(line: string, from: number, direction: 'previous' | 'next', node: NodeId | null): number | null {
    const r = this.runs.get(line);
    if (r === undefined) return null;
    // First index with seq > from (binary search), then walk outwards.
    let lo = 0;
    let hi = r.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r.seqs[mid] <= from) lo = mid + 1;
      else hi = mid;
    }
    if (direction === 'next') {
      for (let i = lo; i < r.seqs.length; i++) if (node === null || r.nodes[i] === node) return r.seqs[i];
    } else {
      for (let i = lo - 1; i >= 0; i--) if (r.seqs[i] < from && (node === null || r.nodes[i] === node)) return r.seqs[i];
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

  private runView(rec: Rec | null): CodeRun | null {
    if (rec === null) return null;
    let v = this.views.get(rec);
    if (v === undefined) {
      v = { seq: rec.seq, t: rec.t, node: rec.node!, rule: rec.rule, lines: rec.lines!.map((l) => ({ id: l.id, value: l.value === null ? null : l.value() })) };
      this.views.set(rec, v);
    }
    return v;
  }
}
