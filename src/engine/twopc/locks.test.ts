import { describe, expect, it } from 'vitest';
import { toActions, toSimConfig } from '../../scenario/config';
import { parseScenario } from '../../scenario/validate';
import { Run } from '../run';
import { parseTx } from './transaction';
import type { AtomicState } from './types';
import { ctxFor, msg, records, sent, state } from './fixtures.test-helper';
import { twopc } from './index';
import { atomicView } from './view';

const handle = (s: Parameters<typeof twopc.handle>[0], input: Parameters<typeof twopc.handle>[1], self = 4) => twopc.handle(s, input, ctxFor(self));
const t2 = { id: 't2', failing: [], keys: ['x'] };
/** S4 voted yes on t1, which writes x and y, and heard no decision: in doubt, holding both locks. */
const inDoubtOnT1 = () => state({ log: [{ tx: 't1', rec: 'yes', keys: ['x', 'y'] }] });

describe('locks by key: a transaction in doubt makes a later writer of its keys wait', () => {
  it('a transaction names the keys it writes: "tx t2 on x,y"', () => {
    expect(parseTx('tx t2 on x,y no 3')).toEqual({ id: 't2', failing: [3], keys: ['x', 'y'] });
    expect(parseTx('tx t2')).toEqual({ id: 't2', failing: [] });
    expect(parseTx('tx t2 on')).toBeNull();
  });

  it('the yes vote logs its keys, so the locks survive in the durable log', () => {
    const step = handle(state({ working: { id: 't1', failing: [], keys: ['x'] } }), msg(1, { type: 'Prepare', tx: 't1' }));
    expect(step.state.log.keysOf('t1')).toEqual(['x']);
  });

  it('a later transaction on a locked key waits for the lock, and at Prepare votes no: its writes never happened', () => {
    const begun = handle(inDoubtOnT1(), msg(1, { type: 'Begin', tx: t2 }));
    expect(begun.state.working).toBeNull();
    expect(begun.state.lockWait).toEqual({ tx: t2, key: 'x', behind: 't1' });
    expect(begun.text()).toContain('t1 holds it, in doubt');
    const voted = handle(begun.state, msg(1, { type: 'Prepare', tx: 't2' }));
    expect(sent(voted.effects)[0].msg).toEqual({ type: 'Vote', tx: 't2', vote: 'no' });
    expect(records(voted.state)).toEqual(['yes t1', 'abort t2']);
    expect(voted.state.lockWait).toBeNull();
  });

  it('a transaction on other keys goes ahead', () => {
    const begun = handle(inDoubtOnT1(), msg(1, { type: 'Begin', tx: { id: 't3', failing: [], keys: ['z'] } }));
    expect(begun.state.working?.id).toBe('t3');
    expect(begun.state.lockWait).toBeNull();
  });

  it('the decision on t1 releases x: the waiting transaction takes its locks and can vote yes', () => {
    const begun = handle(inDoubtOnT1(), msg(1, { type: 'Begin', tx: t2 }));
    const decided = handle(begun.state, msg(1, { type: 'Decision', tx: 't1', decision: 'commit' }));
    expect(decided.state.working).toEqual(t2);
    expect(decided.state.lockWait).toBeNull();
    const voted = handle(decided.state, msg(1, { type: 'Prepare', tx: 't2' }));
    expect(sent(voted.effects)[0].msg).toEqual({ type: 'Vote', tx: 't2', vote: 'yes' });
  });

  it('the view says who waits for which key, and which keys each lock covers', () => {
    const v = atomicView(handle(inDoubtOnT1(), msg(1, { type: 'Begin', tx: t2 })).state);
    expect(v.lockKeys).toEqual({ t1: ['x', 'y'] });
    expect(v.txs.find((t) => t.tx === 't2')?.waitsFor).toBe('x');
  });

  it('why blocking hurts, in a whole run: S4 misses t1\'s decision and holds x in doubt, so t2 on x aborts and t3 on y commits', () => {
    // Messages 12 and 18 are S1's Decision(t1) to S4 and its first resend (ids are fixed by the scenario and seed).
    const parsed = parseScenario({ version: 2, protocol: '2pc', nodes: 4, seed: 5, timing: { latencyMin: 10, latencyMax: 10 }, actions: [
      { at: 10, type: 'request', node: 1, command: 'tx t1 on x' }, { at: 20, type: 'request', node: 1, command: 'tx t2 on x' },
      { at: 85, type: 'drop', message: 12 }, { at: 135, type: 'drop', message: 18 },
      { at: 400, type: 'request', node: 1, command: 'tx t3 on y' }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    run.runUntil(139);
    expect((run.sim.node(4).state as AtomicState).lockWait).toMatchObject({ key: 'x', behind: 't1' });
    run.runUntil(1000);
    expect(run.violations).toEqual([]);
    const s1 = run.sim.node(1).state as AtomicState;
    expect(['t1', 't2', 't3'].map((tx) => s1.log.recordsOf(tx)[0])).toEqual(['commit', 'abort', 'commit']);
    // t2's only no vote came from S4, whose writes waited for x.
    expect(records(run.sim.node(2).state as AtomicState)).toContain('yes t2');
    expect(records(run.sim.node(4).state as AtomicState)).not.toContain('yes t2');
  });
});
