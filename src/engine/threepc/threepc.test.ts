import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { toActions, toSimConfig } from '../../scenario/config';
import { Run } from '../run';
import { ctxFor, msg, records, sent, state, timers } from '../twopc/fixtures.test-helper';
import type { AtomicState } from '../twopc/types';
import { threepc } from './index';
import { takeOverAfter } from './timing';

const t1 = { id: 't1', failing: [] };
const handle = (s: AtomicState, input: Parameters<typeof threepc.handle>[1], self = 1, bugs: string[] = []) => threepc.handle(s, input, ctxFor(self, 4, bugs));
const yes = [{ tx: 't1', rec: 'yes' as const }];

describe('3PC coordinator: pre-commit before commit', () => {
  it('every yes vote: PreCommit to every participant, nothing decided yet', () => {
    const step = handle(state({ round: { tx: t1, phase: 'votes', votes: { 2: 'yes', 3: 'yes' }, preAcked: [] } }), msg(4, { type: 'Vote', tx: 't1', vote: 'yes' }));
    expect(step.state.log.length).toBe(0);
    expect(step.state.round?.phase).toBe('precommit');
    expect(sent(step.effects)).toEqual([2, 3, 4].map((to) => ({ to, msg: { type: 'PreCommit', tx: 't1' } })));
    expect(timers(step.effects)).toEqual(['preacks']);
  });

  it('every PreAck: commit, written before it is sent', () => {
    const step = handle(state({ round: { tx: t1, phase: 'precommit', votes: {}, preAcked: [2, 3] } }), msg(4, { type: 'PreAck', tx: 't1' }));
    expect(records(step.state)).toEqual(['commit t1']);
    expect(sent(step.effects).map((m) => m.msg.type)).toEqual(['Decision', 'Decision', 'Decision']);
  });

  it('a PreAck missing after a round trip: its sender has crashed (bounded delays), so commit anyway', () => {
    expect(records(handle(state({ round: { tx: t1, phase: 'precommit', votes: {}, preAcked: [2] } }), { kind: 'timer', name: 'preacks' }).state)).toEqual(['commit t1']);
  });

  it('asked about a transaction it has no record of, it does not presume abort', () => {
    expect(sent(handle(state(), msg(2, { type: 'AskDecision', tx: 't1' })).effects)).toEqual([]);
  });
});

describe('3PC participant', () => {
  it('PreCommit is written and acknowledged; the timer waits for the commit', () => {
    const step = handle(state({ log: yes }), msg(1, { type: 'PreCommit', tx: 't1' }), 3);
    expect(records(step.state)).toEqual(['yes t1', 'precommit t1']);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'PreAck', tx: 't1' } }]);
  });

  it('a participant already decided ignores PreCommit', () => {
    expect(sent(handle(state({ log: [...yes, { tx: 't1', rec: 'abort' }] }), msg(1, { type: 'PreCommit', tx: 't1' }), 3).effects)).toEqual([]);
  });

  it('timers are staggered by rank, S2 first, by more than a termination run', () => {
    const [a, b, c] = [2, 3, 4].map((id) => takeOverAfter(ctxFor(id)));
    expect(b - a).toBe(c - b);
    expect(b - a).toBeGreaterThan(2 * (2 * 20 + 1) + 20);
    expect(a).toBeGreaterThan(300 + 20);
  });

  it('the coordinator silent past every bound: it becomes backup and asks every other participant its state', () => {
    const step = handle(state({ log: yes }), { kind: 'timer', name: 'wait' }, 2);
    expect(step.state.termination).toEqual({ tx: 't1', phase: 'collect', reports: {} });
    expect(sent(step.effects)).toEqual([3, 4].map((to) => ({ to, msg: { type: 'StateReq', tx: 't1' } })));
  });

  it('one that recovered in doubt asks every node instead of leading', () => {
    const recovered = handle(threepc.crash(state({ log: yes }), ctxFor(2)), { kind: 'recover' }, 2);
    const step = handle(recovered.state, { kind: 'timer', name: 'wait' }, 2);
    expect(step.state.termination).toBeNull();
    expect(sent(step.effects).map((m) => [m.to, m.msg.type])).toEqual([[1, 'AskDecision'], [3, 'AskDecision'], [4, 'AskDecision']]);
  });

  it('a StateReq gets its state, and gives the backup time', () => {
    const step = handle(state({ log: [...yes, { tx: 't1', rec: 'precommit' }] }), msg(2, { type: 'StateReq', tx: 't1' }), 3);
    expect(sent(step.effects)).toEqual([{ to: 2, msg: { type: 'StateReport', tx: 't1', status: 'precommitted' } }]);
    expect(timers(step.effects)).toEqual(['wait']);
  });
});

describe('3PC termination: the backup\'s rule', () => {
  const backup = (reports: Record<number, 'uncertain' | 'precommitted' | 'committed' | 'aborted'>, own = yes) =>
    handle(state({ log: own, termination: { tx: 't1', phase: 'collect', reports } }), { kind: 'timer', name: 'collect' }, 2);

  it('anyone committed: commit', () => {
    expect(records(backup({ 3: 'committed', 4: 'uncertain' }).state)).toEqual(['yes t1', 'commit t1']);
  });

  it('anyone aborted: abort', () => {
    expect(records(backup({ 3: 'aborted', 4: 'precommitted' }).state)).toEqual(['yes t1', 'abort t1']);
  });

  it('all uncertain: abort (the coordinator cannot have committed)', () => {
    const step = backup({ 3: 'uncertain', 4: 'uncertain' });
    expect(records(step.state)).toEqual(['yes t1', 'abort t1']);
    expect(sent(step.effects)).toEqual([3, 4].map((to) => ({ to, msg: { type: 'Decision', tx: 't1', decision: 'abort' } })));
  });

  it('once decided, its termination run is over but it remembers deciding as backup (the class still sees the role)', () => {
    const step = backup({ 3: 'committed', 4: 'uncertain' });
    expect(step.state.termination).toBeNull();
    expect(step.state.backupDecided).toEqual({ tx: 't1', decision: 'commit' });
    expect(threepc.crash(step.state, ctxFor(2)).backupDecided).toBeNull();
  });

  it('anyone pre-committed: pre-commit the uncertain ones, then, a round trip later, commit', () => {
    const step = backup({ 3: 'precommitted', 4: 'uncertain' });
    expect(sent(step.effects)).toEqual([{ to: 4, msg: { type: 'PreCommit', tx: 't1' } }]);
    expect(records(step.state)).toEqual(['yes t1', 'precommit t1']);
    const done = handle(step.state, { kind: 'timer', name: 'collect' }, 2);
    expect(records(done.state)).toEqual(['yes t1', 'precommit t1', 'commit t1']);
    expect(done.state.termination).toBeNull();
  });
});

/** The same four nodes, transaction and fault times, with or without a partition. */
function runWith(actions: object[]) {
  const parsed = parseScenario({ version: 2, protocol: '3pc', nodes: 4, seed: 3, timing: { latencyMin: 10, latencyMax: 10 },
    actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }, ...actions] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
  run.runUntil(2000);
  return run;
}

describe('3PC under its assumptions and beyond them', () => {
  it('the coordinator crashes after sending PreCommit: the participants commit without it', () => {
    const run = runWith([{ at: 81, type: 'crash', node: 1 }]);
    expect(run.violations).toEqual([]);
    for (const id of [2, 3, 4]) expect(records(run.sim.node(id).state as AtomicState)).toContain('commit t1');
  });

  it('a partition as PreCommit is on its way: one side commits, the other aborts, and the checker says so', () => {
    const run = runWith([{ at: 85, type: 'partition', groups: [[1, 2], [3, 4]] }]);
    const decided = [1, 2, 3, 4].map((id) => records(run.sim.node(id).state as AtomicState).filter((r) => r.endsWith(' t1') && /^(commit|abort)/.test(r)));
    expect(decided).toEqual([['commit t1'], ['commit t1'], ['abort t1'], ['abort t1']]);
    expect(run.violations.map((v) => v.predicate)).toContain('atomicity');
  });
});
