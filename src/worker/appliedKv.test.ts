import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAll } from '../engine/statemachine/kv';
import { AppliedKv } from './appliedKv';

const command = fc.oneof(
  fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 9 })).map(([k, v]) => `set ${k} ${v}`),
  fc.constantFrom('del x', 'del y', 'noop'),
);

/** How a node's committed commands move between snapshots: grow, shrink (a crash), or change (time travel). */
const change = fc.oneof(
  fc.record({ grow: fc.array(command, { maxLength: 6 }) }),
  fc.record({ keep: fc.nat() }),
  fc.record({ at: fc.nat(), put: command }),
);

describe('AppliedKv', () => {
  it('always equals applying every committed command afresh', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
      const store = new AppliedKv();
      let commands: string[] = [];
      for (const c of changes) {
        if ('grow' in c) commands = [...commands, ...c.grow];
        else if ('keep' in c) commands = commands.slice(0, c.keep % (commands.length + 1));
        else if (commands.length > 0) commands = commands.map((x, k) => (k === c.at % commands.length ? c.put : x));
        expect(store.update(commands.length, (k) => commands[k])).toEqual(applyAll(commands));
      }
    }));
  });

  it('applies only the new commands when the earlier ones are unchanged', () => {
    const store = new AppliedKv();
    const commands = ['set x 1', 'set y 2', 'del x'];
    store.update(2, (k) => commands[k]);
    const read: number[] = [];
    expect(store.update(3, (k) => { read.push(k); return commands[k]; })).toEqual({ y: '2' });
    // The first two are only compared, the third is applied.
    expect(read).toEqual([0, 1, 2]);
  });
});
