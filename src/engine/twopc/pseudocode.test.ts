import { describe, expect, it } from 'vitest';
import type { Input } from '../sim/protocol';
import { threepc } from '../threepc';
import { ctxFor, type Fields, state } from './fixtures.test-helper';
import { twopc } from './index';
import type { AtomicMessage } from './types';

/** Which pseudocode lines each handler marks: node, state and input -> line ids. */
const msg = (from: number, m: AtomicMessage): Input<AtomicMessage> => ({ kind: 'message', from, msg: m });
const t1 = { id: 't1', failing: [] };
const yes = { log: [{ tx: 't1', rec: 'yes' as const }] };
const votes = (v: Record<number, 'yes' | 'no'>): Fields => ({ round: { tx: t1, phase: 'votes', votes: v, preAcked: [] } });

type Row = [name: string, self: number, state: Fields, input: Input<AtomicMessage>, lines: string[]];
const TWOPC: Row[] = [
  ['a transaction begins', 1, {}, { kind: 'request', command: 'tx t1' }, ['begin.busyIf', 'begin.send']],
  ['one arrives while another runs', 1, votes({}), { kind: 'request', command: 'tx t2' }, ['begin.busyIf', 'begin.queue']],
  ['a participant starts its work', 2, {}, msg(1, { type: 'Begin', tx: t1 }), ['onBegin.newIf', 'onBegin.lock', 'onBegin.timer']],
  ['Prepare after the work time', 1, { round: { tx: t1, phase: 'work', votes: {}, preAcked: [] } }, { kind: 'timer', name: 'work' }, ['prepare.send']],
  ['a yes vote, written first', 2, { working: t1 }, msg(1, { type: 'Prepare', tx: 't1' }), ['onPrepare.againIf', 'onPrepare.canIf', 'onPrepare.log', 'onPrepare.yes']],
  ['a no vote', 2, { working: { id: 't1', failing: [2] } }, msg(1, { type: 'Prepare', tx: 't1' }), ['onPrepare.againIf', 'onPrepare.canIf', 'onPrepare.else', 'onPrepare.no']],
  ['the last yes: commit', 1, votes({ 2: 'yes', 3: 'yes' }), msg(4, { type: 'Vote', tx: 't1', vote: 'yes' }),
    ['onVote.record', 'onVote.noIf', 'onVote.allIf', 'onVote.commit', 'decide.log', 'decide.send']],
  ['a no: abort', 1, votes({}), msg(4, { type: 'Vote', tx: 't1', vote: 'no' }), ['onVote.record', 'onVote.noIf', 'onVote.abort', 'decide.log', 'decide.send']],
  ['a vote missing in time', 1, votes({}), { kind: 'timer', name: 'votes' }, ['voteTimeout.abort', 'decide.log', 'decide.send']],
  ['a decision arrives', 2, yes, msg(1, { type: 'Decision', tx: 't1', decision: 'commit' }), ['onDecision.log', 'onDecision.ack']],
  ['the last acknowledgement', 1, { outgoing: [{ tx: 't1', decision: 'commit', waiting: [2], logged: true }] }, msg(2, { type: 'Ack', tx: 't1' }),
    ['onAck.record', 'onAck.endIf', 'onAck.end']],
  ['not voted: abort alone', 2, { working: t1 }, { kind: 'timer', name: 'wait' }, ['timeout.votedIf', 'timeout.abort']],
  ['in doubt: ask', 2, yes, { kind: 'timer', name: 'wait' }, ['timeout.votedIf', 'timeout.else', 'timeout.ask']],
  ['no record: presumed abort', 1, {}, msg(2, { type: 'AskDecision', tx: 't1' }), ['onAsk.knownIf', 'onAsk.presume']],
  ['a participant recovers in doubt', 2, yes, { kind: 'recover' }, ['recover.log', 'recover.inDoubt']],
];

const THREEPC: Row[] = [
  ['the last yes: pre-commit', 1, votes({ 2: 'yes', 3: 'yes' }), msg(4, { type: 'Vote', tx: 't1', vote: 'yes' }),
    ['onVote.record', 'onVote.noIf', 'onVote.allIf', 'onVote.precommit', 'precommit.send']],
  ['PreCommit at a participant', 2, yes, msg(1, { type: 'PreCommit', tx: 't1' }), ['onPreCommit.openIf', 'onPreCommit.log', 'onPreCommit.ack']],
  ['the coordinator is silent: terminate', 2, yes, { kind: 'timer', name: 'wait' }, ['timeout.votedIf', 'timeout.else', 'timeout.terminate']],
  ['a backup asks', 3, yes, msg(2, { type: 'StateReq', tx: 't1' }), ['onStateReq.report', 'onStateReq.wait']],
  ['all uncertain: abort', 2, { ...yes, termination: { tx: 't1', phase: 'collect', reports: { 3: 'uncertain' } } }, { kind: 'timer', name: 'collect' },
    ['termDecide.commitIf', 'termDecide.abortIf', 'termDecide.precommitIf', 'termDecide.uncertain']],
  ['no record: no answer', 1, {}, msg(2, { type: 'AskDecision', tx: 't1' }), ['onAsk.knownIf', 'onAsk.runningIf']],
];

describe.each([['2PC', twopc, TWOPC], ['3PC', threepc, THREEPC]] as const)('%s pseudocode lines', (_name, protocol, rows) => {
  it.each(rows)('%s', (_row, self, fields, input, lines) => {
    expect(protocol.handle(state(fields), input, ctxFor(self)).lines.map((l) => l.id)).toEqual(lines);
  });
});

describe('pseudocode values', () => {
  it('the backup names every state it heard', () => {
    const step = threepc.handle(state({ ...yes, termination: { tx: 't1', phase: 'collect', reports: { 3: 'precommitted', 4: 'uncertain' } } }), { kind: 'timer', name: 'collect' }, ctxFor(2));
    expect(step.lines[0].value!()).toBe('no: S2 uncertain, S3 precommitted, S4 uncertain');
  });
});
