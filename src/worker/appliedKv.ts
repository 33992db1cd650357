import { Slots } from '../engine/multipaxos/slots';
import { Log } from '../engine/raft/log';
import { applyCommand, type KvState } from '../engine/statemachine/kv';

/**
 * The key-value store one node has applied, kept from one snapshot to the next. Under load
 * a log holds tens of thousands of committed commands: only the commands past what was
 * applied before are applied. Whether the earlier ones are still the same (a crash or a jump
 * back in time may have changed them) is asked of the structure they come from, which shares
 * what is unchanged, so a snapshot costs the same early and late in a long run. If they are
 * not, it starts again from nothing.
 */
export class AppliedKv<S> {
  private source: S | null = null;
  private length = 0;
  private kv: Record<string, string> = {};

  /** `agree(before, after, n)`: whether the first n commands of `after` are those of `before`. */
  constructor(private readonly agree: (before: S, after: S, n: number) => boolean) {}

  /** The store after the first `length` commands of `source`, `commandAt(k)` being the k-th (from 0). */
  update(source: S, length: number, commandAt: (k: number) => string): KvState {
    if (this.source === null || length < this.length || !this.agree(this.source, source, this.length)) {
      this.length = 0;
      this.kv = {};
    }
    for (let k = this.length; k < length; k++) applyCommand(this.kv, commandAt(k));
    this.source = source;
    this.length = length;
    return { ...this.kv };
  }
}

/** Raft: the commands of the committed log entries. Views of one store agree at once. */
export const raftApplied = () => new AppliedKv<Log>((before, after, n) => Log.commonPrefix(before, after) >= n);

/** Multi-Paxos: the decided values of slots 1 to applied. Only the paths that changed are walked. */
export const multipaxosApplied = () => new AppliedKv<Slots<string>>((before, after, n) => {
  let same = true;
  Slots.changes(before, after, (slot) => { if (slot <= n) same = false; });
  return same;
});
