import type { Decision, LogRecord } from './types';

/** Records shared by the logs of one line of history, indexed by transaction. */
interface Store {
  readonly records: LogRecord[];
  /** Where each transaction's records sit in `records`, in order. */
  readonly byTx: Map<string, number[]>;
}

/** A decision written and not yet closed by "end": the coordinator resends these when it recovers. */
export interface Unended {
  readonly tx: string;
  readonly decision: Decision;
}

/**
 * A node's durable transaction log as a value, without copying it on every append (the
 * Raft log's trick, raft/log.ts): logs share an append-only store, and a log is a view of
 * its first `length` records, which never change. The store indexes records by
 * transaction, so what a node knows of one transaction costs the same after ten
 * transactions as after ten thousand. Beside it, each view keeps what is still open in it,
 * a handful at a time: the transactions in doubt (a yes vote, no decision) and, in the
 * coordinator's log, the decisions without "end".
 *
 * Appending where the store ends pushes in place: older views see only their prefix.
 * Appending to a view the store has outgrown (a state restored from a checkpoint) steps
 * over the very records a replay writes again, and copies the prefix only where the
 * histories really diverge.
 */
export class TxLog {
  private constructor(
    private readonly store: Store,
    readonly length: number,
    /** Transactions with a yes vote and no decision, in the order of their votes. */
    readonly doubt: readonly string[],
    /** The coordinator's decisions without "end", in log order; null in a participant's log, which never writes "end". */
    readonly unended: readonly Unended[] | null,
  ) {}

  static empty(coordinator = false): TxLog {
    return new TxLog({ records: [], byTx: new Map() }, 0, [], coordinator ? [] : null);
  }

  /** A log holding these records (tests, and a mutant that rewrites its log). */
  static of(records: readonly LogRecord[], coordinator = false): TxLog {
    let log = TxLog.empty(coordinator);
    for (const r of records) log = log.append(r.tx, r.rec, r.keys);
    return log;
  }

  get(i: number): LogRecord {
    return (i >= 0 && i < this.length ? this.store.records[i] : undefined) as LogRecord;
  }

  /** As Array.prototype.at: a negative index counts from the end. */
  at(i: number): LogRecord | undefined {
    const k = i < 0 ? this.length + i : i;
    return k >= 0 && k < this.length ? this.store.records[k] : undefined;
  }

  /** A plain array of records [from, to). */
  slice(from = 0, to = this.length): LogRecord[] {
    return this.store.records.slice(Math.max(0, from), Math.min(to, this.length));
  }

  /** One transaction's records, in order: a few, however long the log. */
  recordsOf(tx: string): LogRecord['rec'][] {
    const at = this.store.byTx.get(tx);
    const out: LogRecord['rec'][] = [];
    if (at !== undefined) for (const i of at) if (i < this.length) out.push(this.store.records[i].rec);
    return out;
  }

  /** Whether the log holds any record of the transaction. */
  has(tx: string): boolean {
    const at = this.store.byTx.get(tx);
    return at !== undefined && at[0] < this.length;
  }

  /** The keys a transaction's yes record lists: the locks its vote keeps. */
  keysOf(tx: string): readonly string[] {
    const at = this.store.byTx.get(tx);
    if (at !== undefined) for (const i of at) if (i < this.length && this.store.records[i].rec === 'yes') return this.store.records[i].keys ?? [];
    return [];
  }

  append(tx: string, rec: LogRecord['rec'], keys?: readonly string[]): TxLog {
    let store = this.store;
    if (this.length < store.records.length) {
      const next = store.records[this.length];
      // A replay writes what the store already holds: step over it, the same record.
      if (next.tx === tx && next.rec === rec) return this.grown(store, next);
      store = indexed(store.records.slice(0, this.length));
    }
    const r: LogRecord = keys === undefined ? { tx, rec } : { tx, rec, keys };
    store.records.push(r);
    const at = store.byTx.get(tx);
    if (at === undefined) store.byTx.set(tx, [this.length]);
    else at.push(this.length);
    return this.grown(store, r);
  }

  private grown(store: Store, r: LogRecord): TxLog {
    let { doubt, unended } = this;
    const decision = r.rec === 'commit' || r.rec === 'abort';
    if (r.rec === 'yes' && !doubt.includes(r.tx)) doubt = [...doubt, r.tx];
    else if (decision && doubt.includes(r.tx)) doubt = doubt.filter((t) => t !== r.tx);
    if (unended !== null && decision) unended = [...unended, { tx: r.tx, decision: r.rec as Decision }];
    else if (unended !== null && r.rec === 'end') unended = unended.filter((u) => u.tx !== r.tx);
    return new TxLog(store, this.length + 1, doubt, unended);
  }

  /** Serialises as the plain array of its records (trace files, the runner's summaries). */
  toJSON(): LogRecord[] {
    return this.slice();
  }
}

function indexed(records: LogRecord[]): Store {
  const byTx = new Map<string, number[]>();
  records.forEach((r, i) => {
    const at = byTx.get(r.tx);
    if (at === undefined) byTx.set(r.tx, [i]);
    else at.push(i);
  });
  return { records, byTx };
}
