import { applyCommand, type KvState } from '../engine/statemachine/kv';

/**
 * The key-value store one node has applied, kept from one snapshot to the next. Under load
 * a log holds tens of thousands of committed commands, and replaying all of them for every
 * changed node in every frame took most of the worker's time. Now only the commands past
 * what was applied before are applied; if the earlier commands are no longer the same (a
 * crash reset commitLength, or the run went back in time), it starts again from nothing.
 */
export class AppliedKv {
  private commands: string[] = [];
  private kv: Record<string, string> = {};

  /** The store after the node's `length` committed commands, `commandAt(k)` being the k-th (from 0). */
  update(length: number, commandAt: (k: number) => string): KvState {
    const kept = this.commands.length;
    let same = kept <= length;
    for (let k = 0; same && k < kept; k++) same = this.commands[k] === commandAt(k);
    if (!same) {
      this.commands = [];
      this.kv = {};
    }
    for (let k = this.commands.length; k < length; k++) {
      const c = commandAt(k);
      this.commands.push(c);
      applyCommand(this.kv, c);
    }
    return { ...this.kv };
  }
}

