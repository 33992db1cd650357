import type { LogEntry } from './types';

export const sameEntry = (a: LogEntry, b: LogEntry) => a === b || (a.term === b.term && a.command === b.command);

/**
 * A Raft log as a value, without copying it on every append. Logs share an append-only
 * array (the store); a log is a view of its first `length` entries, which never change.
 *
 * Appending where a view ends its store pushes in place: every older view sees only its
 * own prefix, so none can tell. Appending to a view its store has outgrown (after a
 * truncation, or to a state restored from a checkpoint) first looks whether the store
 * already holds those very entries, as it does when a run is replayed, and only when the
 * logs really diverge copies the prefix into a new store. So the cost of an append is the
 * number of entries appended, except at a divergence, which costs the length of the log once.
 */
export class Log {
  private constructor(private readonly store: LogEntry[], readonly length: number) {}

  static empty(): Log {
    return new Log([], 0);
  }

  static of(entries: readonly LogEntry[]): Log {
    return new Log(entries.slice(), entries.length);
  }

  /** Entry i (0-based), for 0 <= i < length; undefined outside, as for an array. */
  get(i: number): LogEntry {
    return (i < this.length ? this.store[i] : undefined) as LogEntry;
  }

  /** As Array.prototype.at: a negative index counts from the end. */
  at(i: number): LogEntry | undefined {
    const k = i < 0 ? this.length + i : i;
    return k >= 0 && k < this.length ? this.store[k] : undefined;
  }

  /** The term of the last entry, 0 for an empty log. */
  get lastTerm(): number {
    return this.length > 0 ? this.store[this.length - 1].term : 0;
  }

  /** A plain array of entries [from, to), with Array.prototype.slice's rules for negative bounds. */
  slice(from = 0, to = this.length): LogEntry[] {
    return this.store.slice(bound(from, this.length), bound(to, this.length));
  }

  /** The first `length` entries (a negative length counts from the end, as in slice(0, length)). */
  truncate(length: number): Log {
    const n = bound(length, this.length);
    return n === this.length ? this : new Log(this.store, n);
  }

  /** This log followed by entries[from..]. */
  append(entries: readonly LogEntry[], from = 0): Log {
    if (from >= entries.length) return this;
    const store = this.store;
    let end = this.length;
    let k = from;
    // A replay appends what the store already holds: step over it instead of copying.
    while (k < entries.length && end < store.length && sameEntry(store[end], entries[k])) { end++; k++; }
    if (k === entries.length) return new Log(store, end);
    const target = end === store.length ? store : store.slice(0, end);
    for (; k < entries.length; k++) target.push(entries[k]);
    return new Log(target, target.length);
  }

  /** How many leading entries two logs agree on: immediate for views of one store, else a scan. */
  static commonPrefix(a: Log, b: Log): number {
    const n = Math.min(a.length, b.length);
    if (a.store === b.store) return n;
    let i = 0;
    while (i < n && sameEntry(a.store[i], b.store[i])) i++;
    return i;
  }

  /** Serialises as the plain array of its entries (trace files, the runner's summaries). */
  toJSON(): LogEntry[] {
    return this.slice();
  }
}

function bound(i: number, length: number): number {
  return i < 0 ? Math.max(0, length + i) : Math.min(i, length);
}
