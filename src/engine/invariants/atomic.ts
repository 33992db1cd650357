import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { COORDINATOR } from '../twopc/transaction';
import type { AtomicState, Decision } from '../twopc/types';
import { changedNode, collector, type SafetyMonitor, type Violation } from './monitor';

export const ATOMIC_PREDICATES = {
  atomicity: 'No node commits a transaction that another node aborts',
  validity: 'A transaction commits only if every participant voted yes',
  decisionFinal: 'A node\'s decision on a transaction never changes, across restarts too',
  durableLogKept: 'A node\'s durable log only grows: after a crash it recovers every vote and decision it wrote',
} as const;

interface History {
  prev: (AtomicState | undefined)[];
  /** The first decision anyone reached on each transaction, and where. */
  outcome: Map<string, { decision: Decision; node: NodeId }>;
  /** The decision each node has held on each transaction, keyed "node:tx". */
  held: Map<string, Decision>;
  /** Participants that wrote a yes vote, per transaction. */
  yes: Map<string, Set<NodeId>>;
  /** Transactions already reported as decided both ways: one report each, so a run pauses there once. */
  split: Set<string>;
}

/**
 * Atomic commit's safety (2PC and 3PC alike), from what each node writes to its log and
 * holds as its decision. Only the records appended by an event are read, so the cost of a
 * check does not grow with the run.
 */
export class AtomicMonitor implements SafetyMonitor<AtomicState> {
  readonly predicates = ATOMIC_PREDICATES;
  private h: History;

  constructor(private readonly n: number, history?: History) {
    this.h = history ?? { prev: [], outcome: new Map(), held: new Map(), yes: new Map(), split: new Set() };
  }

  clone(): AtomicMonitor {
    const yes = new Map([...this.h.yes].map(([k, v]) => [k, new Set(v)]));
    return new AtomicMonitor(this.n, { prev: this.h.prev.slice(), outcome: new Map(this.h.outcome), held: new Map(this.h.held), yes, split: new Set(this.h.split) });
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<AtomicState>[]): Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return [];
    const { id, s, old } = c;
    const { out, fail } = collector<keyof typeof ATOMIC_PREDICATES>(seq, t);
    let from = 0;
    if (old !== undefined && s.log !== old.log) {
      // Appends keep the earlier records (the same objects): the log kept them if its old last record is still there.
      const n = old.log.length;
      const kept = s.log.length >= n && (n === 0 || s.log[n - 1] === old.log[n - 1]);
      if (!kept) fail('durableLogKept', [id], `S${id}'s durable log lost records: it held ${n}, now ${s.log.length} (${old.log.map((r) => `${r.rec} ${r.tx}`).join(', ')} → ${s.log.map((r) => `${r.rec} ${r.tx}`).join(', ') || 'nothing'})`);
      from = kept ? n : 0;
    } else if (old !== undefined) from = s.log.length;
    for (let i = from; i < s.log.length; i++) {
      const r = s.log[i];
      if (r.rec === 'yes') {
        const set = this.h.yes.get(r.tx) ?? new Set<NodeId>();
        set.add(id);
        this.h.yes.set(r.tx, set);
      } else if (r.rec === 'commit' || r.rec === 'abort') this.decided(id, r.tx, r.rec, fail);
    }
    // Under a mutant the coordinator acts on a decision it has not written yet; that counts as its decision too.
    for (const o of s.outgoing) if (!o.logged && o !== old?.outgoing.find((x) => x.tx === o.tx)) this.decided(id, o.tx, o.decision, fail);
    return out;
  }

  private decided(id: NodeId, tx: string, d: Decision, fail: (p: keyof typeof ATOMIC_PREDICATES, nodes: NodeId[], text: string) => void): void {
    const key = `${id}:${tx}`;
    const before = this.h.held.get(key);
    if (before !== undefined && before !== d) fail('decisionFinal', [id], `S${id} decided ${before} on ${tx}, and later ${d}`);
    this.h.held.set(key, d);
    const first = this.h.outcome.get(tx);
    if (first === undefined) this.h.outcome.set(tx, { decision: d, node: id });
    else if (first.decision !== d && first.node !== id && !this.h.split.has(tx)) {
      this.h.split.add(tx);
      fail('atomicity', [first.node, id], `S${first.node} ${past(first.decision)} ${tx} but S${id} ${past(d)} it`);
    }
    if (d === 'commit' && (first === undefined || first.decision !== 'commit')) {
      const yes = this.h.yes.get(tx) ?? new Set<NodeId>();
      const missing: NodeId[] = [];
      for (let p = 1; p <= this.n; p++) if (p !== COORDINATOR && !yes.has(p)) missing.push(p);
      if (missing.length > 0) fail('validity', [id, ...missing], `S${id} commits ${tx}, but ${missing.map((p) => `S${p}`).join(', ')} never voted yes`);
    }
  }
}

const past = (d: Decision) => (d === 'commit' ? 'committed' : 'aborted');
