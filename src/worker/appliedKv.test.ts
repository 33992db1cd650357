import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slots } from '../engine/multipaxos/slots';
import { Log } from '../engine/raft/log';
import { applyAll } from '../engine/statemachine/kv';
import { multipaxosApplied, raftApplied } from './appliedKv';

const command = fc.oneof(
  fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 9 })).map(([k, v]) => `set ${k} ${v}`),
  fc.constantFrom('del x', 'del y', 'noop'),
);

/**
 * How a node's log moves between snapshots: grow, truncate and rewrite (a new leader), commit
 * more or less (a crash), or go back to an earlier state (time travel).
 */
const change = fc.oneof(
  fc.record({ grow: fc.array(command, { maxLength: 6 }) }),
  fc.record({ truncate: fc.nat(), put: fc.array(command, { maxLength: 3 }) }),
  fc.record({ commit: fc.nat() }),
  fc.record({ back: fc.nat() }),
);

describe('AppliedKv', () => {
  it('Raft: always equals applying every committed command afresh', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
      const store = raftApplied();
      const history: { log: Log; committed: number }[] = [{ log: Log.empty(), committed: 0 }];
      for (const c of changes) {
        let { log, committed } = history.at(-1)!;
        if ('grow' in c) log = log.append(c.grow.map((cmd) => ({ term: 1, command: cmd })));
        else if ('truncate' in c) log = log.truncate(c.truncate % (log.length + 1)).append(c.put.map((cmd) => ({ term: 2, command: cmd })));
        else if ('commit' in c) committed = c.commit % (log.length + 1);
        else ({ log, committed } = history[c.back % history.length]);
        committed = Math.min(committed, log.length);
        history.push({ log, committed });
        const commands = log.slice(0, committed).map((e) => e.command);
        expect(store.update(log, committed, (k) => log.get(k).command)).toEqual(applyAll(commands));
      }
    }));
  });

  it('Multi-Paxos: always equals applying every applied slot afresh', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
      const store = multipaxosApplied();
      const history: { decided: Slots<string>; applied: number }[] = [{ decided: Slots.empty(), applied: 0 }];
      for (const c of changes) {
        let { decided, applied } = history.at(-1)!;
        if ('grow' in c) c.grow.forEach((cmd) => { decided = decided.set(decided.top + 1, cmd); });
        else if ('truncate' in c) c.put.forEach((cmd, k) => { decided = decided.set(1 + ((c.truncate + k) % (decided.top + 1)), cmd); });
        else if ('commit' in c) applied = c.commit % (decided.top + 1);
        else ({ decided, applied } = history[c.back % history.length]);
        applied = Math.min(applied, decided.top);
        history.push({ decided, applied });
        const commands = Array.from({ length: applied }, (_, k) => decided.get(k + 1)!);
        expect(store.update(decided, applied, (k) => decided.get(k + 1)!)).toEqual(applyAll(commands));
      }
    }));
  });

  it('reads only the new commands when the earlier ones are unchanged, however many there are', () => {
    const store = raftApplied();
    const first = Log.empty().append(Array.from({ length: 10_000 }, (_, k) => ({ term: 1, command: `set k${k % 7} ${k}` })));
    store.update(first, first.length, (k) => first.get(k).command);
    const next = first.append([{ term: 1, command: 'del k1' }]);
    const read: number[] = [];
    expect(store.update(next, next.length, (k) => { read.push(k); return next.get(k).command; })).not.toHaveProperty('k1');
    expect(read).toEqual([10_000]);
  });
});
