import { describe, expect, it } from 'vitest';
import { raftView } from './raft';

// S2 leads term 2 and holds S1's entry of term 1, not committed: Figure 8's wait.
const leaderWithOldEntry = { id: 2, up: true, logStart: 0, state: { currentRole: 'leader', currentTerm: 2, commitLength: 0, log: [{ term: 1, command: 'set x 1' }] } };

describe('the Raft logs note', () => {
  it('says why a leader\'s older-term entry waits, under the rule', () => {
    expect(raftView.tableNote([leaderWithOldEntry], [])).toMatch(/^Leader S2 cannot commit entry 1 \(an older term\) by counting/);
  });

  it('says nothing of that rule in a run that breaks it: there the leader commits by counting', () => {
    expect(raftView.tableNote([leaderWithOldEntry], ['commitOldTermByCount'])).toBeNull();
  });
});
