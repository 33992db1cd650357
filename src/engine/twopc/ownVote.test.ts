import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../scenario/codec';
import { toActions, toSimConfig } from '../../scenario/config';
import { parseScenario } from '../../scenario/validate';
import { Run } from '../run';
import { ctxFor, msg, records, sent, state } from './fixtures.test-helper';
import { twopc } from './index';
import type { AtomicState } from './types';

const t1 = { id: 't1', failing: [] };
const withSetting = (chance: number, self = 3) => ({ ...ctxFor(self), voteNo: { chance, seed: 7 } });

describe('a participant\'s own vote setting (the scenario\'s voteNo)', () => {
  it('set to always vote no, it votes no on a transaction the client let it commit, and says why', () => {
    const step = twopc.handle(state({ working: t1 }), msg(1, { type: 'Prepare', tx: 't1' }), withSetting(1));
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'Vote', tx: 't1', vote: 'no' } }]);
    expect(records(step.state)).toEqual(['abort t1']);
    expect(step.lines.find((l) => l.id === 'onPrepare.canIf')?.value?.()).toBe('no: it always votes no');
    expect(step.text()).toContain('always votes no');
  });

  it('at chance 0, or with no setting, it votes yes', () => {
    for (const ctx of [withSetting(0), ctxFor(3)]) {
      const step = twopc.handle(state({ working: t1 }), msg(1, { type: 'Prepare', tx: 't1' }), ctx);
      expect(sent(step.effects)[0].msg).toEqual({ type: 'Vote', tx: 't1', vote: 'yes' });
    }
  });

  it('at chance 0.3 it draws per transaction from the seed: both votes happen, near 30% no, the same on every replay', () => {
    const votes = (seed: number) => Array.from({ length: 200 }, (_, i) => {
      const ctx = { ...ctxFor(3), voteNo: { chance: 0.3, seed } };
      const step = twopc.handle(state({ working: { id: `t${i}`, failing: [] } }), msg(1, { type: 'Prepare', tx: `t${i}` }), ctx);
      return (sent(step.effects)[0].msg as { vote: string }).vote;
    });
    const no = votes(7).filter((v) => v === 'no').length;
    expect(no).toBeGreaterThan(40);
    expect(no).toBeLessThan(80);
    expect(votes(7)).toEqual(votes(7));
    expect(votes(8)).not.toEqual(votes(7));
  });

  it('from a scenario: S3 set to vote no aborts every transaction, though the client asked for none of that', () => {
    const parsed = parseScenario({ version: 2, protocol: '2pc', nodes: 4, voteNo: { 3: 1 },
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }, { at: 600, type: 'request', node: 1, command: 'tx t2' }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    run.runUntil(2000);
    expect(run.violations).toEqual([]);
    expect(records(run.sim.node(1).state as AtomicState).filter((r) => /^(commit|abort)/.test(r))).toEqual(['abort t1', 'abort t2']);
  });

  it('a bad setting is refused with a message naming the field', () => {
    const errors = (doc: object) => {
      const parsed = parseScenario({ version: 2, nodes: 4, ...doc });
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({ protocol: '2pc', voteNo: { 3: 1.5 } }).join()).toMatch(/^voteNo\.3: expected a probability from 0 to 1/);
    expect(errors({ protocol: '2pc', voteNo: { 1: 1 } }).join()).toMatch(/^voteNo\.1: S1 is the coordinator/);
    expect(errors({ protocol: '2pc', voteNo: { 7: 1 } }).join()).toMatch(/^voteNo\.7: expected a participant from 2 to 4, found 7/);
    expect(errors({ protocol: '2pc', voteNo: { x: 1 } }).join()).toMatch(/^voteNo/);
    expect(errors({ protocol: 'raft', voteNo: { 3: 1 } }).join()).toMatch(/^voteNo: only 2PC and 3PC participants vote/);
    expect(errors({ protocol: '3pc', voteNo: { 3: 0.5 } })).toEqual([]);
  });

  it('travels in a share link', () => {
    const parsed = parseScenario({ version: 2, protocol: '2pc', nodes: 4, voteNo: { 3: 1, 4: 0.25 } });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const back = decodeScenario(encodeScenario(parsed.scenario));
    expect(back.ok && back.scenario.voteNo).toEqual({ 3: 1, 4: 0.25 });
  });
});
