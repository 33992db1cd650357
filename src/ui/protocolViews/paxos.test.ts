import { describe, expect, it } from 'vitest';
import { initialState } from '../../engine/paxos/state';
import type { PaxosState } from '../../engine/paxos/types';
import { proposerText } from './paxos';

const proposer = (over: Partial<PaxosState>): PaxosState => ({ ...initialState(), value: 'mine', ballot: [2, 1], ...over });

describe('the Paxos table\'s proposer column', () => {
  it('says when a proposer sends a value it adopted from a promise instead of its own', () => {
    expect(proposerText(proposer({ phase: 'accept', proposal: 'theirs', acceptedBy: [2] }), 3)).toBe('accept (2, S1): "theirs" (adopted, not its own "mine") · 1 of 3 accepts');
  });

  it('names the ballot that was preempted and the value it will retry', () => {
    expect(proposerText(proposer({ phase: 'backoff' }), 3)).toBe('preempted at (2, S1): backs off, then retries "mine"');
  });

  it('once a value is chosen by another ballot, says so rather than counting its own acceptances', () => {
    expect(proposerText(proposer({ phase: 'done', proposal: 'mine', acceptedBy: [1], learned: 'mine' }), 3)).toBe('done: "mine" is chosen, its own value');
  });
});
