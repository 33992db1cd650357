import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import type { TxLog } from '../twopc/durableLog';
import { COORDINATOR } from '../twopc/transaction';
import type { AtomicState, Decision } from '../twopc/types';
import { IntMap } from './intMap';
import { changedNode, Findings, NO_VIOLATIONS, type SafetyMonitor, type Violation } from './monitor';

export const ATOMIC_PREDICATES = {
  atomicity: 'No node commits a transaction that another node aborts',
  validity: 'A transaction commits only if every participant voted yes',
  decisionFinal: 'A node\'s decision on a transaction never changes, across restarts too',
  durableLogKept: 'A node\'s durable log only grows: after a crash it recovers every vote and decision it wrote',
} as const;

/** What the checks know of one transaction. Immutable: a change makes a new one. */
interface TxFacts {
  /** The first decision anyone reached on it, and where. */
  readonly first: { readonly decision: Decision; readonly node: NodeId } | null;
  /** The decision each node has held on it, by node id. */
  readonly held: readonly (Decision | undefined)[];
  /** The participants that wrote a yes vote, one bit per node id. */
  readonly yes: number;
  /** Already reported as decided both ways: one report each, so a run pauses there once. */
  readonly split: boolean;
}

const NO_FACTS: TxFacts = { first: null, held: [], yes: 0, split: false };

interface History {
  prev: (AtomicState | undefined)[];
  /** Facts by transaction, under the transaction's number in `ids`: a persistent map, so a clone shares it. */
  facts: IntMap<TxFacts>;
  /** A number for each transaction id, in the order first seen. Only grows, so clones share it. */
  ids: Map<string, number>;
}

/**
 * Atomic commit's safety (2PC and 3PC alike), from what each node writes to its log and
 * holds as its decision. Only the records appended by an event are read, and a checkpoint's
 * clone shares the history instead of copying it, so neither cost grows with the run.
 */
export class AtomicMonitor implements SafetyMonitor<AtomicState> {
  readonly predicates = ATOMIC_PREDICATES;
  private readonly found = new Findings<keyof typeof ATOMIC_PREDICATES>();
  private h: History;

  constructor(private readonly n: number, history?: History) {
    this.h = history ?? { prev: [], facts: new IntMap(), ids: new Map() };
  }

  clone(): AtomicMonitor {
    return new AtomicMonitor(this.n, { prev: this.h.prev.slice(), facts: this.h.facts.fork(), ids: this.h.ids });
  }

  private key(tx: string): number {
    let k = this.h.ids.get(tx);
    if (k === undefined) this.h.ids.set(tx, k = this.h.ids.size);
    return k;
  }

  private facts(tx: string): TxFacts {
    return this.h.facts.get(this.key(tx)) ?? NO_FACTS;
  }

  private setFacts(tx: string, f: TxFacts): void {
    this.h.facts.set(this.key(tx), f);
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<AtomicState>[]): readonly Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return NO_VIOLATIONS;
    const { id, s, old } = c;
    this.found.start(seq, t);
    let from = 0;
    if (old !== undefined && s.log !== old.log) {
      // Appends keep the earlier records (the same objects): the log kept them if its old last record is still there.
      const n = old.log.length;
      const kept = s.log.length >= n && (n === 0 || s.log.get(n - 1) === old.log.get(n - 1));
      if (!kept) this.found.fail('durableLogKept', [id], `S${id}'s durable log lost records: it held ${n}, now ${s.log.length} (${shown(old.log)} → ${shown(s.log) || 'nothing'})`);
      from = kept ? n : 0;
    } else if (old !== undefined) from = s.log.length;
    for (let i = from; i < s.log.length; i++) {
      const r = s.log.get(i);
      if (r.rec === 'yes') {
        const f = this.facts(r.tx);
        this.setFacts(r.tx, { ...f, yes: f.yes | (1 << id) });
      } else if (r.rec === 'commit' || r.rec === 'abort') this.decided(id, r.tx, r.rec);
    }
    // Under a mutant the coordinator acts on a decision it has not written yet; that counts as its decision too.
    for (const o of s.outgoing) if (!o.logged && o !== old?.outgoing.find((x) => x.tx === o.tx)) this.decided(id, o.tx, o.decision);
    return this.found.list;
  }

  private decided(id: NodeId, tx: string, d: Decision): void {
    const f = this.facts(tx);
    const before = f.held[id];
    if (before !== undefined && before !== d) this.found.fail('decisionFinal', [id], `S${id} decided ${before} on ${tx}, and later ${d}`);
    const held = f.held.slice();
    held[id] = d;
    const first = f.first;
    let split = f.split;
    if (first !== null && first.decision !== d && first.node !== id && !split) {
      split = true;
      this.found.fail('atomicity', [first.node, id], `S${first.node} ${past(first.decision)} ${tx} but S${id} ${past(d)} it`);
    }
    if (d === 'commit' && (first === null || first.decision !== 'commit')) {
      const missing: NodeId[] = [];
      for (let p = 1; p <= this.n; p++) if (p !== COORDINATOR && (f.yes & (1 << p)) === 0) missing.push(p);
      if (missing.length > 0) this.found.fail('validity', [id, ...missing], `S${id} commits ${tx}, but ${missing.map((p) => `S${p}`).join(', ')} never voted yes`);
    }
    this.setFacts(tx, { ...f, held, first: first ?? { decision: d, node: id }, split });
  }
}

/** The records of a log that lost some, for the report (a broken run, read once). */
const shown = (log: TxLog) => log.slice().map((r) => `${r.rec} ${r.tx}`).join(', ');
const past = (d: Decision) => (d === 'commit' ? 'committed' : 'aborted');
