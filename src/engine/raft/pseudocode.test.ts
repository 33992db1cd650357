import { describe, expect, it } from 'vitest';
import type { Input, LineMark } from '../sim/protocol';
import { ctxFor, entries, type RaftFields, stateWith } from './fixtures.test-helper';
import { raft } from './index';
import type { RaftMessage } from './types';

/** Which pseudocode lines each handler marks, one table per handler: state and input -> line ids. */
const ctx = ctxFor(1, 5);
const ids = (lines: readonly LineMark[]) => lines.map((l) => l.id);
const values = (lines: readonly LineMark[]) => Object.fromEntries(lines.filter((l) => l.value !== null).map((l) => [l.id, l.value!()]));
const msg = (m: RaftMessage): Input<RaftMessage> => ({ kind: 'message', from: 2, msg: m });
const run = (s: RaftFields, input: Input<RaftMessage>, c = ctx) => raft.handle(stateWith(c, s), input, c);

const leader: RaftFields = {
  currentTerm: 2, currentRole: 'leader', currentLeader: 1, votedFor: 1, log: entries(1, 2), commitLength: 1,
  sentLength: [0, 2, 2, 2, 2, 2], ackedLength: [0, 2, 1, 1, 1, 1],
};
const RV = (term: number, logLength: number, logTerm: number): RaftMessage => ({ type: 'VoteRequest', candidateId: 2, term, logLength, logTerm });
const RR = (term: number, granted: boolean): RaftMessage => ({ type: 'VoteResponse', voterId: 2, term, granted });
const LQ = (term: number, prefixLen: number, prefixTerm: number, leaderCommit: number, suffixTerms: number[]): RaftMessage =>
  ({ type: 'LogRequest', leaderId: 2, term, prefixLen, prefixTerm, leaderCommit, suffix: entries(...suffixTerms).map((e, i) => ({ ...e, command: `c${i}` })) });
const LR = (term: number, ack: number, success: boolean): RaftMessage => ({ type: 'LogResponse', follower: 2, term, ack, success });
const REPLICATE = ['replicateLog.prefixLen', 'replicateLog.suffix', 'replicateLog.prefixTerm', 'replicateLog.send'];
const toFollowers = REPLICATE.concat(REPLICATE, REPLICATE, REPLICATE);

type Row = [name: string, state: RaftFields, input: Input<RaftMessage>, lines: string[]];

const TABLES: Record<string, Row[]> = {
  'on initialisation and recovery': [
    ['start', {}, { kind: 'start' }, ['init.persistent', 'init.volatile', 'init.timer']],
    ['recover', { currentTerm: 3, votedFor: 2 }, { kind: 'recover' }, ['recover.keep', 'recover.volatile', 'recover.timer']],
  ],
  'on election timeout': [
    ['a follower stands', { currentTerm: 1, log: entries(1) }, { kind: 'timer', name: 'election' },
      ['electionTimeout.isLeader', 'electionTimeout.term', 'electionTimeout.vote', 'electionTimeout.lastTerm', 'electionTimeout.send', 'electionTimeout.timer']],
    ['a leader refuses a forced timeout', leader, { kind: 'timeout' }, ['electionTimeout.isLeader', 'electionTimeout.refuse']],
  ],
  'on receiving VoteRequest': [
    ['newer term, up-to-date log: grant', { currentTerm: 1 }, msg(RV(2, 0, 0)),
      ['voteRequest.newer', 'voteRequest.stepDown', 'voteRequest.lastTerm', 'voteRequest.logOk', 'voteRequest.grantIf', 'voteRequest.grant', 'voteRequest.yes']],
    ['same term, already voted for another: refuse', { currentTerm: 2, votedFor: 3 }, msg(RV(2, 0, 0)),
      ['voteRequest.newer', 'voteRequest.lastTerm', 'voteRequest.logOk', 'voteRequest.grantIf', 'voteRequest.else', 'voteRequest.no']],
    ['newer term but a stale log: refuse', { currentTerm: 1, log: entries(1, 2) }, msg(RV(3, 5, 1)),
      ['voteRequest.newer', 'voteRequest.stepDown', 'voteRequest.lastTerm', 'voteRequest.logOk', 'voteRequest.grantIf', 'voteRequest.else', 'voteRequest.no']],
  ],
  'on receiving VoteResponse': [
    ['a vote short of a majority', { currentTerm: 2, currentRole: 'candidate', votedFor: 1, votesReceived: [1] }, msg(RR(2, true)),
      ['voteResponse.count', 'voteResponse.add', 'voteResponse.majority']],
    ['the vote that wins', { currentTerm: 2, currentRole: 'candidate', votedFor: 1, votesReceived: [1, 3] }, msg(RR(2, true)),
      ['voteResponse.count', 'voteResponse.add', 'voteResponse.majority', 'voteResponse.lead', 'voteResponse.selfAck', 'voteResponse.followers', ...toFollowers]],
    ['a denied vote', { currentTerm: 2, currentRole: 'candidate', votedFor: 1, votesReceived: [1] }, msg(RR(2, false)),
      ['voteResponse.count', 'voteResponse.newer']],
    ['a higher term: step down', { currentTerm: 2, currentRole: 'candidate', votedFor: 1, votesReceived: [1] }, msg(RR(4, false)),
      ['voteResponse.count', 'voteResponse.newer', 'voteResponse.stepDown']],
  ],
  'on a request to broadcast': [
    ['the leader appends and replicates', leader, { kind: 'request', command: 'set x 1' },
      ['broadcast.isLeader', 'broadcast.append', 'broadcast.selfAck', 'broadcast.replicate', ...toFollowers]],
    ['a follower forwards to its leader', { currentTerm: 2, currentLeader: 3 }, { kind: 'request', command: 'set x 1' },
      ['broadcast.isLeader', 'broadcast.knowsLeader', 'broadcast.forward']],
    ['no leader known: hold', { currentTerm: 2 }, { kind: 'request', command: 'set x 1' },
      ['broadcast.isLeader', 'broadcast.knowsLeader', 'broadcast.hold']],
  ],
  'periodically (heartbeat)': [
    ['the leader replicates to every follower', leader, { kind: 'timer', name: 'heartbeat' }, ['heartbeat.isLeader', 'heartbeat.replicate', ...toFollowers]],
  ],
  'on receiving LogRequest (and AppendEntries)': [
    ['a heartbeat that matches', { currentTerm: 2, log: entries(1) }, msg(LQ(2, 1, 1, 0, [])),
      ['logRequest.newer', 'logRequest.same', 'logRequest.follow', 'logRequest.logOk', 'logRequest.acceptIf', 'logRequest.append',
        'appendEntries.overlap', 'appendEntries.extend', 'appendEntries.commitIf', 'logRequest.ack', 'logRequest.yes']],
    ['new entries and a commit, from a newer term', { currentTerm: 1, log: entries(1) }, msg(LQ(2, 1, 1, 2, [2])),
      ['logRequest.newer', 'logRequest.adopt', 'logRequest.same', 'logRequest.follow', 'logRequest.logOk', 'logRequest.acceptIf', 'logRequest.append',
        'appendEntries.overlap', 'appendEntries.extend', 'appendEntries.append', 'appendEntries.commitIf', 'appendEntries.deliver', 'appendEntries.commit',
        'logRequest.ack', 'logRequest.yes']],
    ['a conflict truncates', { currentTerm: 3, log: entries(1, 1, 1) }, msg(LQ(3, 1, 1, 0, [3])),
      ['logRequest.newer', 'logRequest.same', 'logRequest.follow', 'logRequest.logOk', 'logRequest.acceptIf', 'logRequest.append',
        'appendEntries.overlap', 'appendEntries.index', 'appendEntries.conflict', 'appendEntries.truncate', 'appendEntries.extend', 'appendEntries.append',
        'appendEntries.commitIf', 'logRequest.ack', 'logRequest.yes']],
    ['a held request goes to the leader', { currentTerm: 2, pending: ['set a 1'] }, msg(LQ(2, 0, 0, 0, [])),
      ['logRequest.newer', 'logRequest.same', 'logRequest.follow', 'logRequest.forwardHeld', 'logRequest.logOk', 'logRequest.acceptIf', 'logRequest.append',
        'appendEntries.overlap', 'appendEntries.extend', 'appendEntries.commitIf', 'logRequest.ack', 'logRequest.yes']],
    ['a gap in the log: reject', { currentTerm: 2, log: entries(1) }, msg(LQ(2, 3, 2, 0, [])),
      ['logRequest.newer', 'logRequest.same', 'logRequest.follow', 'logRequest.logOk', 'logRequest.acceptIf', 'logRequest.else', 'logRequest.no']],
    ['an older term: reject', { currentTerm: 4 }, msg(LQ(2, 0, 0, 0, [])),
      ['logRequest.newer', 'logRequest.same', 'logRequest.logOk', 'logRequest.acceptIf', 'logRequest.else', 'logRequest.no']],
  ],
  'on receiving LogResponse (and CommitLogEntries)': [
    ['an ack that completes a majority commits', { ...leader, ackedLength: [0, 2, 1, 2, 1, 1] }, msg(LR(2, 2, true)),
      ['logResponse.current', 'logResponse.successIf', 'logResponse.advance', 'logResponse.commit',
        'commitLogEntries.ready', 'commitLogEntries.commitIf', 'commitLogEntries.deliver', 'commitLogEntries.commit']],
    ['an ack short of a majority', leader, msg(LR(2, 2, true)),
      ['logResponse.current', 'logResponse.successIf', 'logResponse.advance', 'logResponse.commit', 'commitLogEntries.ready', 'commitLogEntries.commitIf']],
    ['a stale ack', { ...leader, ackedLength: [0, 2, 2, 1, 1, 1] }, msg(LR(2, 1, true)),
      ['logResponse.current', 'logResponse.successIf', 'logResponse.stale']],
    ['a failure backs up and retries', leader, msg(LR(2, 0, false)),
      ['logResponse.current', 'logResponse.successIf', 'logResponse.retryIf', 'logResponse.back', 'logResponse.retry', ...REPLICATE]],
    ['a higher term: step down', leader, msg(LR(5, 0, false)), ['logResponse.current', 'logResponse.newer', 'logResponse.stepDown']],
  ],
};

describe.each(Object.entries(TABLES))('Raft pseudocode lines: %s', (_handler, rows) => {
  it.each(rows)('%s', (_name, state, input, lines) => {
    expect(ids(run(state, input).lines)).toEqual(lines);
  });
});

describe('Raft pseudocode values beside the lines', () => {
  it('VoteRequest: the term comparison, logOk with its reason, the vote', () => {
    const v = values(run({ currentTerm: 2, log: entries(1, 2) }, msg(RV(3, 1, 1))).lines);
    expect(v['voteRequest.newer']).toBe('cTerm 3 > currentTerm 2');
    expect(v['voteRequest.logOk']).toBe('logOk: no, cLogTerm 1 < lastTerm 2');
    expect(v['voteRequest.grantIf']).toBe('no: logOk is false');
  });

  it('LogResponse: the commit moves commitLength', () => {
    const s = { ...leader, log: entries(1, 2, 2, 2), commitLength: 2, sentLength: [0, 4, 4, 4, 4, 4], ackedLength: [0, 4, 2, 4, 2, 2] };
    const v = values(run(s, msg(LR(2, 4, true))).lines);
    expect(v['logResponse.advance']).toBe('ackedLength[S2] 2 → 4');
    expect(v['commitLogEntries.commit']).toBe('commitLength 2 → 4');
  });

  it('CommitLogEntries: an entry of an older term is not committed by counting (Figure 8)', () => {
    const s = { ...leader, currentTerm: 3, log: entries(1, 2), commitLength: 1, ackedLength: [0, 2, 1, 2, 1, 1] };
    const v = values(run(s, msg(LR(3, 2, true))).lines);
    expect(v['commitLogEntries.commitIf']).toMatch(/^no: log\[1\]\.term 2 ≠ currentTerm 3/);
  });
});
