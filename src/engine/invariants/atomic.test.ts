import { describe, expect, it } from 'vitest';
import { TRUE_CLOCK } from '../sim/clock';
import type { NodeSlot } from '../sim/types';
import { TxLog } from '../twopc/durableLog';
import { initialState } from '../twopc/state';
import type { AtomicState, LogRecord } from '../twopc/types';
import { AtomicMonitor } from './atomic';

/** Drives the monitor through states written by hand: each step changes one node. */
function watch(n: number) {
  const monitor = new AtomicMonitor(n);
  const slots: NodeSlot<AtomicState>[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, up: true, crashedAt: -1, paused: false, clock: TRUE_CLOCK, state: initialState(), timers: {} }));
  let seq = 0;
  return {
    /** A checkpoint's copy of the monitor, and what it says of the next state, without touching this one. */
    fork(id: number, ...recs: LogRecord['rec'][]) {
      const copy = monitor.clone();
      let log = slots[id - 1].state.log;
      for (const rec of recs) log = log.append('t1', rec);
      const forked = slots.map((slot) => (slot.id === id ? { ...slot, state: { ...slot.state, log } } : slot));
      return copy.observe(++seq, seq, id, forked).map((v) => v.predicate);
    },
    set(id: number, fields: Partial<AtomicState>) {
      slots[id - 1].state = { ...slots[id - 1].state, ...fields };
      return monitor.observe(++seq, seq, id, slots).map((v) => v.predicate);
    },
    log(id: number, ...recs: LogRecord['rec'][]) {
      let log = slots[id - 1].state.log;
      for (const rec of recs) log = log.append('t1', rec);
      return this.set(id, { log });
    },
  };
}

describe('atomic commit safety checks', () => {
  it('a run by the rules passes: every yes, then commit everywhere', () => {
    const w = watch(3);
    expect([...w.log(2, 'yes'), ...w.log(3, 'yes'), ...w.log(1, 'commit'), ...w.log(2, 'commit'), ...w.log(3, 'commit')]).toEqual([]);
  });

  it('atomicity: one commits what another aborts', () => {
    const w = watch(3);
    w.log(2, 'yes');
    w.log(3, 'yes');
    w.log(1, 'commit');
    expect(w.log(3, 'abort')).toEqual(['atomicity']);
    // Reported once per transaction: a second node aborting it adds nothing new.
    expect(w.log(2, 'abort')).toEqual([]);
  });

  it('validity: a commit without every yes vote', () => {
    const w = watch(3);
    w.log(2, 'yes');
    expect(w.log(1, 'commit')).toEqual(['validity']);
  });

  it('decisionFinal: a node that decided changes its mind (a decision lost in a crash, then the opposite)', () => {
    const w = watch(3);
    w.log(2, 'yes');
    w.log(3, 'yes');
    expect(w.set(1, { outgoing: [{ tx: 't1', decision: 'commit', waiting: [2, 3], logged: false }] })).toEqual([]);
    w.set(1, { outgoing: [] });
    expect(w.log(1, 'abort')).toEqual(['decisionFinal']);
  });

  it('durableLogKept: a recovered node lost a record it wrote', () => {
    const w = watch(3);
    w.log(2, 'yes');
    expect(w.set(2, { log: TxLog.empty() })).toEqual(['durableLogKept']);
  });

  it('a clone (a checkpoint) keeps its own history: what one side sees later, the other does not', () => {
    const w = watch(3);
    w.log(2, 'yes');
    w.log(3, 'yes');
    w.log(1, 'commit');
    // On a copy, S3 aborts: atomicity breaks there...
    expect(w.fork(3, 'abort')).toEqual(['atomicity']);
    // ...and the original, which never saw it, still finds it broken when it happens here, once.
    expect(w.log(3, 'abort')).toEqual(['atomicity']);
    expect(w.log(2, 'abort')).toEqual([]);
  });
});
