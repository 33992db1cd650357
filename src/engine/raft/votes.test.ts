import { describe, expect, it } from 'vitest';
import { applied, ctxFor, entries, sent, stateWith, timers } from './fixtures.test-helper';
import type { RaftMessage } from './types';
import { onVoteResponse } from './votes';

const vote = (voterId: number, term: number, granted: boolean) =>
  ({ type: 'VoteResponse', voterId, term, granted }) as Extract<RaftMessage, { type: 'VoteResponse' }>;

describe('Raft slide 3: collecting votes', () => {
  const ctx = ctxFor(1, 5);
  const candidate = stateWith(ctx, { currentTerm: 3, currentRole: 'candidate', votedFor: 1, votesReceived: [1], log: entries(1, 2) });

  it('counts a granted vote of the current term, short of a majority', () => {
    const step = onVoteResponse(candidate, vote(2, 3, true), ctx);
    expect(step.state).toMatchObject({ currentRole: 'candidate', votesReceived: [1, 2] });
    expect(step.effects).toEqual([]);
  });

  it('becomes leader on a strict majority: 3 of 5', () => {
    const two = { ...candidate, votesReceived: [1, 2] };
    const step = onVoteResponse(two, vote(4, 3, true), ctx);
    expect(step.rule).toBe('raft.becomeLeader');
    expect(step.state).toMatchObject({ currentRole: 'leader', currentLeader: 1 });
    // The leader counts its own whole log; followers start at sentLength = log.length, ackedLength = 0.
    expect(step.state.ackedLength).toEqual([0, 2, 0, 0, 0, 0]);
    expect(step.state.sentLength.slice(2)).toEqual([2, 2, 2, 2]);
    expect(timers(step.effects)).toEqual(['cancel:election', 'start:heartbeat']);
    const out = sent(step.effects);
    expect(out.map((s) => s.to)).toEqual([2, 3, 4, 5]);
    expect(out[0].msg).toEqual({ type: 'LogRequest', leaderId: 1, term: 3, prefixLen: 2, prefixTerm: 2, leaderCommit: 0, suffix: [] });
    expect(applied(step.effects)).toEqual([]);
  });

  it('two votes of four nodes are not a majority', () => {
    const four = ctxFor(1, 4);
    const step = onVoteResponse({ ...candidate, votesReceived: [1] }, vote(2, 3, true), four);
    expect(step.state.currentRole).toBe('candidate');
  });

  it('mutant minorityQuorum wins with two of four', () => {
    const bad = ctxFor(1, 4, ['minorityQuorum']);
    const step = onVoteResponse({ ...candidate, votesReceived: [1] }, vote(2, 3, true), bad);
    expect(step.state.currentRole).toBe('leader');
  });

  it('does not count the same voter twice (a duplicated message)', () => {
    const step = onVoteResponse({ ...candidate, votesReceived: [1, 2] }, vote(2, 3, true), ctx);
    expect(step.state.votesReceived).toEqual([1, 2]);
    expect(step.state.currentRole).toBe('candidate');
  });

  it('ignores votes from an older term and denied votes', () => {
    expect(onVoteResponse(candidate, vote(2, 2, true), ctx).state).toBe(candidate);
    expect(onVoteResponse(candidate, vote(2, 3, false), ctx).state).toBe(candidate);
  });

  it('a higher term in a response: adopt it, clear votedFor, step down', () => {
    const step = onVoteResponse(candidate, vote(2, 7, false), ctx);
    expect(step.state).toMatchObject({ currentTerm: 7, votedFor: null, currentRole: 'follower' });
  });

  it('noopOnElection: the new leader appends a no-op of its term and sends it in its first LogRequest', () => {
    const noop = ctxFor(1, 3, [], { noopOnElection: true });
    const step = onVoteResponse({ ...candidate, votesReceived: [1] }, vote(2, 3, true), noop);
    expect(step.state.log.slice()).toEqual([...candidate.log.slice(), { term: 3, command: 'noop' }]);
    expect(step.state.ackedLength[1]).toBe(3);
    expect(sent(step.effects)[0].msg).toMatchObject({ prefixLen: 2, suffix: [{ term: 3, command: 'noop' }] });
  });

  it('commands held while leaderless are appended when this node wins', () => {
    const three = ctxFor(1, 3);
    const step = onVoteResponse({ ...candidate, votesReceived: [1], pending: ['set a 1'] }, vote(2, 3, true), three);
    expect(step.state.log.at(-1)).toEqual({ term: 3, command: 'set a 1' });
    expect(step.state.pending).toEqual([]);
  });
});
