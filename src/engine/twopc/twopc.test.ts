import { describe, expect, it } from 'vitest';
import { ctxFor, type Fields, msg, records, sent, state, timers } from './fixtures.test-helper';
import { twopc } from './index';
import { inDoubt, locks } from './log';
import { parseTx } from './transaction';
import type { AtomicState, Round } from './types';

const t1 = { id: 't1', failing: [] };
const voting = (votes: Round['votes'] = {}): Fields => ({ round: { tx: t1, phase: 'votes', votes, preAcked: [] } });
const handle = (s: AtomicState, input: Parameters<typeof twopc.handle>[1], self = 1, bugs: string[] = []) => twopc.handle(s, input, ctxFor(self, 4, bugs));

describe('transactions: "tx <id> [no <node>...]"', () => {
  it('reads the id and the participants that vote no', () => {
    expect(parseTx('tx t1')).toEqual({ id: 't1', failing: [] });
    expect(parseTx('tx pay-7 no 3 2 3')).toEqual({ id: 'pay-7', failing: [2, 3] });
  });

  it('refuses anything else', () => {
    for (const bad of ['set x 1', 'tx', 'tx a b', 'tx t1 no', 'tx t1 no x']) expect(parseTx(bad), bad).toBeNull();
  });
});

describe('2PC coordinator: begin, prepare', () => {
  it('a transaction begins at every participant: Begin, then the work timer', () => {
    const step = handle(state(), { kind: 'request', command: 'tx t1' });
    expect(step.state.round).toMatchObject({ tx: t1, phase: 'work' });
    expect(sent(step.effects).map((m) => m.to)).toEqual([2, 3, 4]);
    expect(timers(step.effects)).toEqual(['work']);
  });

  it('one asked for while another runs is queued, and begins once that one is decided', () => {
    const queued = handle(state(voting({ 2: 'yes', 3: 'yes' })), { kind: 'request', command: 'tx t2' });
    expect(queued.state.queue.map((t) => t.id)).toEqual(['t2']);
    const decided = handle(queued.state, msg(4, { type: 'Vote', tx: 't1', vote: 'yes' }));
    expect(decided.state.round).toMatchObject({ tx: { id: 't2' }, phase: 'work' });
    expect(sent(decided.effects).filter((m) => m.msg.type === 'Begin').map((m) => m.to)).toEqual([2, 3, 4]);
  });

  it('refuses a transaction at a participant, a reused id, and a command that is not one', () => {
    expect(handle(state(), { kind: 'request', command: 'tx t1' }, 2).refused).toBe(true);
    expect(handle(state({ log: [{ tx: 't1', rec: 'commit' }] }), { kind: 'request', command: 'tx t1' }).refused).toBe(true);
    expect(handle(state(), { kind: 'request', command: 'set x 1' }).refused).toBe(true);
  });

  it('the work timer sends Prepare to every participant and starts the vote timer', () => {
    const step = handle(state({ round: { tx: t1, phase: 'work', votes: {}, preAcked: [] } }), { kind: 'timer', name: 'work' });
    expect(sent(step.effects)).toEqual([2, 3, 4].map((to) => ({ to, msg: { type: 'Prepare', tx: 't1' } })));
    expect(step.state.round?.phase).toBe('votes');
    expect(timers(step.effects)).toEqual(['votes']);
  });
});

describe('2PC participant: work and vote', () => {
  it('Begin takes the locks and starts the timer for Prepare', () => {
    const step = handle(state(), msg(1, { type: 'Begin', tx: t1 }), 2);
    expect(locks(step.state)).toEqual(['t1']);
    expect(timers(step.effects)).toEqual(['wait']);
  });

  it('a yes vote is in the durable log before the reply leaves (one step: log, then send)', () => {
    const step = handle(state({ working: t1 }), msg(1, { type: 'Prepare', tx: 't1' }), 2);
    expect(records(step.state)).toEqual(['yes t1']);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'Vote', tx: 't1', vote: 'yes' } }]);
    expect(inDoubt(step.state)).toEqual(['t1']);
  });

  it('a participant whose part fails votes no and aborts at once, releasing its locks', () => {
    const step = handle(state({ working: { id: 't1', failing: [2] } }), msg(1, { type: 'Prepare', tx: 't1' }), 2);
    expect(records(step.state)).toEqual(['abort t1']);
    expect(sent(step.effects)[0].msg).toEqual({ type: 'Vote', tx: 't1', vote: 'no' });
    expect(locks(step.state)).toEqual([]);
  });

  it('one that holds no writes of T (lost in a crash) votes no', () => {
    expect(sent(handle(state(), msg(1, { type: 'Prepare', tx: 't1' }), 2).effects)[0].msg).toMatchObject({ vote: 'no' });
  });

  it('a repeated Prepare gets the same vote again, and nothing is written twice', () => {
    const step = handle(state({ log: [{ tx: 't1', rec: 'yes' }] }), msg(1, { type: 'Prepare', tx: 't1' }), 2);
    expect(step.state.log).toHaveLength(1);
    expect(sent(step.effects)[0].msg).toMatchObject({ vote: 'yes' });
  });
});

describe('2PC coordinator: collecting votes and deciding', () => {
  it('the last yes vote: commit is written to the log in the same step that sends it', () => {
    const step = handle(state(voting({ 2: 'yes', 3: 'yes' })), msg(4, { type: 'Vote', tx: 't1', vote: 'yes' }));
    expect(records(step.state)).toEqual(['commit t1']);
    expect(sent(step.effects)).toEqual([2, 3, 4].map((to) => ({ to, msg: { type: 'Decision', tx: 't1', decision: 'commit' } })));
    expect(step.state.round).toBeNull();
  });

  it('one no vote aborts at once', () => {
    const step = handle(state(voting({ 2: 'yes' })), msg(3, { type: 'Vote', tx: 't1', vote: 'no' }));
    expect(records(step.state)).toEqual(['abort t1']);
  });

  it('a missing vote at the vote timeout aborts', () => {
    const step = handle(state(voting({ 2: 'yes', 3: 'yes' })), { kind: 'timer', name: 'votes' });
    expect(records(step.state)).toEqual(['abort t1']);
  });

  it('mutant majorityCommit: two yes of three commit, as if it were consensus', () => {
    const step = handle(state(voting({ 2: 'yes' })), msg(3, { type: 'Vote', tx: 't1', vote: 'yes' }), 1, ['majorityCommit']);
    expect(records(step.state)).toEqual(['commit t1']);
  });

  it('mutant sendDecisionBeforeLog: the decision leaves before it is written', () => {
    const step = handle(state(voting({ 2: 'yes', 3: 'yes' })), msg(4, { type: 'Vote', tx: 't1', vote: 'yes' }), 1, ['sendDecisionBeforeLog']);
    expect(records(step.state)).toEqual([]);
    expect(sent(step.effects)).toHaveLength(3);
  });

  it('acknowledgements from every participant let it write "end"', () => {
    let s = state({ log: [{ tx: 't1', rec: 'commit' }], outgoing: [{ tx: 't1', decision: 'commit', waiting: [2, 3], logged: true }] });
    s = handle(s, msg(2, { type: 'Ack', tx: 't1' })).state;
    expect(s.outgoing[0].waiting).toEqual([3]);
    s = handle(s, msg(3, { type: 'Ack', tx: 't1' })).state;
    expect(records(s)).toEqual(['commit t1', 'end t1']);
    expect(s.outgoing).toEqual([]);
  });

  it('the resend timer sends the decision again to those that have not acknowledged', () => {
    const s = state({ outgoing: [{ tx: 't1', decision: 'abort', waiting: [4], logged: true }] });
    expect(sent(handle(s, { kind: 'timer', name: 'resend' }).effects)).toEqual([{ to: 4, msg: { type: 'Decision', tx: 't1', decision: 'abort' } }]);
  });
});

describe('2PC participant: the decision, timeouts, doubt', () => {
  it('a decision is written, the locks released, and acknowledged', () => {
    const step = handle(state({ log: [{ tx: 't1', rec: 'yes' }] }), msg(1, { type: 'Decision', tx: 't1', decision: 'commit' }), 3);
    expect(records(step.state)).toEqual(['yes t1', 'commit t1']);
    expect(locks(step.state)).toEqual([]);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'Ack', tx: 't1' } }]);
  });

  it('before voting, its timer lets it abort alone', () => {
    const step = handle(state({ working: t1 }), { kind: 'timer', name: 'wait' }, 2);
    expect(records(step.state)).toEqual(['abort t1']);
    expect(locks(step.state)).toEqual([]);
  });

  it('after a yes it may not: in doubt, it keeps its locks and asks the coordinator', () => {
    const step = handle(state({ log: [{ tx: 't1', rec: 'yes' }] }), { kind: 'timer', name: 'wait' }, 2);
    expect(records(step.state)).toEqual(['yes t1']);
    expect(locks(step.state)).toEqual(['t1']);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'AskDecision', tx: 't1' } }]);
  });

  it('mutant inDoubtDecidesAlone: in doubt, it aborts alone', () => {
    expect(records(handle(state({ log: [{ tx: 't1', rec: 'yes' }] }), { kind: 'timer', name: 'wait' }, 2, ['inDoubtDecidesAlone']).state)).toEqual(['yes t1', 'abort t1']);
  });
});

describe('2PC: asking and recovery', () => {
  it('the coordinator answers from its log', () => {
    const step = handle(state({ log: [{ tx: 't1', rec: 'commit' }] }), msg(3, { type: 'AskDecision', tx: 't1' }));
    expect(sent(step.effects)).toEqual([{ to: 3, msg: { type: 'Decision', tx: 't1', decision: 'commit' } }]);
  });

  it('while still collecting votes it does not answer', () => {
    expect(sent(handle(state(voting()), msg(3, { type: 'AskDecision', tx: 't1' })).effects)).toEqual([]);
  });

  it('with no record (it crashed before deciding) it presumes abort, and writes it', () => {
    const step = handle(state(), msg(3, { type: 'AskDecision', tx: 't1' }));
    expect(records(step.state)).toEqual(['abort t1']);
    expect(sent(step.effects)[0].msg).toEqual({ type: 'Decision', tx: 't1', decision: 'abort' });
  });

  it('a crash keeps only the log; the coordinator recovers and resends decisions without "end"', () => {
    const before = state({ log: [{ tx: 't1', rec: 'commit' }, { tx: 't1', rec: 'end' }, { tx: 't2', rec: 'abort' }], ...voting() });
    const down = twopc.crash(before, ctxFor(1));
    expect(down.round).toBeNull();
    const step = handle(down, { kind: 'recover' });
    expect(step.state.outgoing.map((o) => o.tx)).toEqual(['t2']);
    expect(sent(step.effects).map((m) => m.msg)).toEqual([2, 3, 4].map(() => ({ type: 'Decision', tx: 't2', decision: 'abort' })));
  });

  it('a participant recovers in doubt from its yes vote: locks again, and it asks; unvoted work is gone', () => {
    const down = twopc.crash(state({ log: [{ tx: 't1', rec: 'yes' }], working: { id: 't2', failing: [] } }), ctxFor(2));
    const step = handle(down, { kind: 'recover' }, 2);
    expect(locks(step.state)).toEqual(['t1']);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'AskDecision', tx: 't1' } }]);
  });

  it('mutant forgetVoteOnRestart: the yes vote is gone and the transaction rolled back', () => {
    const step = handle(twopc.crash(state({ log: [{ tx: 't1', rec: 'yes' }] }), ctxFor(2)), { kind: 'recover' }, 2, ['forgetVoteOnRestart']);
    expect(records(step.state)).toEqual(['abort t1']);
  });
});
