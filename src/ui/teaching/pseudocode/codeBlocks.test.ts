import { describe, expect, it } from 'vitest';
import { RAFT_PSEUDOCODE } from '../../../engine/raft/pseudocode';
import type { CodeRun } from '../../../worker/protocol';
import { codeBlocks, paperSegments, sameRun, shelve } from './codeBlocks';

const run: CodeRun = {
  seq: 9, t: 130, node: 3, rule: 'raft.becomeLeader',
  lines: [
    { id: 'voteResponse.count', values: ['yes'] }, { id: 'voteResponse.lead', values: [] },
    { id: 'replicateLog.prefixLen', values: ['S1: prefixLen 0', 'S2: prefixLen 0'] },
  ],
};

describe('pseudocode panel: which handlers and lines it shows', () => {
  it('the event\'s handler first, then the functions it called, with every line and whether it ran', () => {
    const { handler, blocks } = codeBlocks(RAFT_PSEUDOCODE, run, []);
    expect(handler).toBe('voteResponse');
    expect(blocks.map((b) => b.id)).toEqual(['voteResponse', 'replicateLog']);
    expect(blocks[0].lines.length).toBe(RAFT_PSEUDOCODE.handlers.find((h) => h.id === 'voteResponse')!.lines.length);
    const rows = Object.fromEntries(blocks.flatMap((b) => b.lines).map((l) => [l.id, l]));
    expect(rows['voteResponse.count']).toMatchObject({ ran: true, values: ['yes'] });
    expect(rows['voteResponse.lead']).toMatchObject({ ran: true, values: [] });
    expect(rows['voteResponse.stepDown'].ran).toBe(false);
    expect(rows['replicateLog.prefixLen'].values).toEqual(['S1: prefixLen 0', 'S2: prefixLen 0']);
  });

  it('adds the handler of a line the narration names, and marks that line', () => {
    const { blocks } = codeBlocks(RAFT_PSEUDOCODE, run, ['commitLogEntries.commitIf']);
    expect(blocks.map((b) => b.id)).toEqual(['voteResponse', 'replicateLog', 'commitLogEntries']);
    expect(blocks[2].lines.find((l) => l.id === 'commitLogEntries.commitIf')).toMatchObject({ narrated: true, ran: false });
  });

  it('with nothing run yet, shows nothing', () => {
    expect(codeBlocks(RAFT_PSEUDOCODE, null, [])).toEqual({ handler: null, blocks: [] });
  });
});

describe('the paper\'s names beside the lectures\'', () => {
  it('splits after each lecture name that has a paper name', () => {
    expect(paperSegments('send LogRequest(…, commitLength, suffix)', RAFT_PSEUDOCODE.paperNames)).toEqual([
      { text: 'send LogRequest', paper: 'AppendEntries' }, { text: '(…, commitLength', paper: 'commitIndex' }, { text: ', suffix)' },
    ]);
  });

  it('leaves a word that only contains a name alone', () => {
    expect(paperSegments('myLogRequests', RAFT_PSEUDOCODE.paperNames)).toEqual([{ text: 'myLogRequests' }]);
  });
});

describe('the same run, again', () => {
  const copy = (r: CodeRun): CodeRun => JSON.parse(JSON.stringify(r)) as CodeRun;

  it('a copy of the run shown (a later snapshot of a node that ran nothing since) is the same', () => {
    expect(sameRun(run, copy(run))).toBe(true);
    expect(sameRun(null, null)).toBe(true);
  });

  it('another event, another value, a line more or the same number after acting in the past is not', () => {
    expect(sameRun(run, null)).toBe(false);
    expect(sameRun(run, { ...copy(run), seq: 10 })).toBe(false);
    expect(sameRun(run, { ...copy(run), t: 131 })).toBe(false);
    const value = copy(run);
    value.lines[2].values[1] = 'S2: prefixLen 1';
    expect(sameRun(run, value)).toBe(false);
    const more = copy(run);
    more.lines[2].values.push('S4: prefixLen 0');
    expect(sameRun(run, more)).toBe(false);
    const line = copy(run);
    line.lines[1].id = 'voteResponse.stepDown';
    expect(sameRun(run, line)).toBe(false);
  });
});

describe('the handlers each place in the panel keeps laid out', () => {
  const blocksOf = (r: CodeRun | null, narrated: string[] = []) => codeBlocks(RAFT_PSEUDOCODE, r, narrated).blocks;
  const timeout: CodeRun = { seq: 3, t: 100, node: 3, rule: 'raft.electionTimeout', lines: [{ id: 'electionTimeout.term', values: [] }] };

  it('keeps every handler a place has shown, in the protocol\'s order, each in the place it was shown in', () => {
    let shelves = shelve(RAFT_PSEUDOCODE, [], blocksOf(run));
    expect(shelves).toEqual([['voteResponse'], ['replicateLog']]);
    shelves = shelve(RAFT_PSEUDOCODE, shelves, blocksOf(timeout, ['commitLogEntries.commitIf']));
    // electionTimeout comes before voteResponse in the lecture, so it is kept before it.
    expect(shelves).toEqual([['electionTimeout', 'voteResponse'], ['replicateLog', 'commitLogEntries']]);
  });

  it('gives back the same shelves when every handler shown is kept already, so the panel renders nothing new', () => {
    const shelves = shelve(RAFT_PSEUDOCODE, [], blocksOf(run));
    expect(shelve(RAFT_PSEUDOCODE, shelves, blocksOf(run))).toBe(shelves);
    expect(shelve(RAFT_PSEUDOCODE, shelves, blocksOf(null))).toBe(shelves);
  });
});
