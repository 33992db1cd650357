import { describe, expect, it } from 'vitest';
import { RAFT_PSEUDOCODE } from '../../../engine/raft/pseudocode';
import type { CodeRun } from '../../../worker/protocol';
import { codeBlocks, paperSegments } from './codeBlocks';

const run: CodeRun = {
  seq: 9, t: 130, node: 3, rule: 'raft.becomeLeader',
  lines: [
    { id: 'voteResponse.count', value: 'yes' }, { id: 'voteResponse.lead', value: null },
    { id: 'replicateLog.prefixLen', value: 'S1: prefixLen 0' }, { id: 'replicateLog.prefixLen', value: 'S2: prefixLen 0' },
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
