/**
 * An append-only list as a value, for the client history a checkpoint keeps: tapes share
 * one array, a tape is its first `length` items. Replaying from a checkpoint appends the
 * very items the array already holds, which are stepped over instead of copied; only a run
 * that really goes another way copies the prefix, once (the same idea as the Raft log).
 */
export class Tape<T> {
  private constructor(private readonly store: T[], readonly length: number, private readonly same: (a: T, b: T) => boolean) {}

  static empty<T>(same: (a: T, b: T) => boolean): Tape<T> {
    return new Tape<T>([], 0, same);
  }

  get(i: number): T {
    return this.store[i];
  }

  push(item: T): Tape<T> {
    const s = this.store;
    if (this.length < s.length && this.same(s[this.length], item)) return new Tape(s, this.length + 1, this.same);
    const target = this.length === s.length ? s : s.slice(0, this.length);
    target.push(item);
    return new Tape(target, this.length + 1, this.same);
  }

  /** The items [from, length), as a plain array. */
  slice(from = 0): T[] {
    return this.store.slice(from, this.length);
  }

  toJSON(): T[] {
    return this.slice();
  }
}
