import { describe, expect, it } from 'vitest';
import { ctxFor, entries, sent, stateWith, timers } from './fixtures.test-helper';
import type { RaftMessage } from './types';
import { onVoteRequest } from './voting';

const request = (candidateId: number, term: number, logLength: number, logTerm: number) =>
  ({ type: 'VoteRequest', candidateId, term, logLength, logTerm }) as Extract<RaftMessage, { type: 'VoteRequest' }>;

describe('Raft slide 2: voting on a new leader', () => {
  const ctx = ctxFor(2);

  it('grants a vote to a candidate of a newer term with an up-to-date log, and restarts its election timer', () => {
    const step = onVoteRequest(stateWith(ctx, { currentTerm: 1, log: entries(1) }), request(3, 2, 1, 1), ctx);
    expect(step.state).toMatchObject({ currentTerm: 2, votedFor: 3, currentRole: 'follower' });
    expect(sent(step.effects)).toEqual([{ to: 3, msg: { type: 'VoteResponse', voterId: 2, term: 2, granted: true } }]);
    expect(timers(step.effects)).toEqual(['start:election']);
  });

  it('a higher term clears votedFor even when the vote is then refused', () => {
    const step = onVoteRequest(stateWith(ctx, { currentTerm: 1, votedFor: 1, log: entries(1, 1) }), request(3, 2, 1, 1), ctx);
    expect(step.state).toMatchObject({ currentTerm: 2, votedFor: null });
    expect(sent(step.effects)[0].msg).toMatchObject({ granted: false, term: 2 });
    expect(timers(step.effects)).toEqual([]);
  });

  it.each([
    ['higher last term wins despite a shorter log', entries(1, 1, 1), 1, 2, true],
    ['equal last term and longer log', entries(1, 2), 3, 2, true],
    ['equal last term and equal length', entries(1, 2), 2, 2, true],
    ['equal last term but shorter log', entries(1, 2, 2), 2, 2, false],
    ['lower last term, even with a longer log', entries(1, 3), 5, 2, false],
  ])('logOk: %s', (_name, log, cLen, cTerm, granted) => {
    const step = onVoteRequest(stateWith(ctx, { currentTerm: 3, log }), request(4, 4, cLen, cTerm), ctx);
    expect(sent(step.effects)[0].msg).toMatchObject({ granted });
  });

  it('refuses a second candidate in the same term', () => {
    const step = onVoteRequest(stateWith(ctx, { currentTerm: 2, votedFor: 3 }), request(4, 2, 0, 0), ctx);
    expect(step.state.votedFor).toBe(3);
    expect(sent(step.effects)[0].msg).toMatchObject({ granted: false });
  });

  it('grants again to the candidate it already voted for (a repeated request)', () => {
    const step = onVoteRequest(stateWith(ctx, { currentTerm: 2, votedFor: 3 }), request(3, 2, 0, 0), ctx);
    expect(sent(step.effects)[0].msg).toMatchObject({ granted: true });
  });

  it('refuses a candidate of an older term and tells it the current term', () => {
    const step = onVoteRequest(stateWith(ctx, { currentTerm: 5 }), request(3, 4, 9, 4), ctx);
    expect(sent(step.effects)[0].msg).toEqual({ type: 'VoteResponse', voterId: 2, term: 5, granted: false });
  });

  it('a leader seeing a higher term steps down: heartbeat off, election timer on', () => {
    const leader = stateWith(ctx, { currentTerm: 2, currentRole: 'leader', votedFor: 2, currentLeader: 2 });
    const step = onVoteRequest(leader, request(3, 3, 0, 0), ctx);
    expect(step.state).toMatchObject({ currentRole: 'follower', currentTerm: 3, currentLeader: null });
    expect(timers(step.effects)).toContain('cancel:heartbeat');
  });

  it('mutant doubleVote grants a second candidate in the same term', () => {
    const bad = ctxFor(2, 5, ['doubleVote']);
    const step = onVoteRequest(stateWith(bad, { currentTerm: 2, votedFor: 3 }), request(4, 2, 0, 0), bad);
    expect(step.state.votedFor).toBe(4);
  });

  it('mutant skipLogUpToDateCheck votes for a candidate with a stale log', () => {
    const bad = ctxFor(2, 5, ['skipLogUpToDateCheck']);
    const step = onVoteRequest(stateWith(bad, { currentTerm: 3, log: entries(1, 3) }), request(4, 4, 1, 1), bad);
    expect(sent(step.effects)[0].msg).toMatchObject({ granted: true });
  });

  it('mutant noStepDownOnHigherTerm adopts the term but stays leader', () => {
    const bad = ctxFor(2, 5, ['noStepDownOnHigherTerm']);
    const leader = stateWith(bad, { currentTerm: 2, currentRole: 'leader', votedFor: 2 });
    const step = onVoteRequest(leader, request(3, 3, 0, 0), bad);
    expect(step.state).toMatchObject({ currentTerm: 3, currentRole: 'leader' });
  });

  it('grants a repeated request from the candidate it voted for; mutant votedForNullOnly refuses it', () => {
    const voted = { currentTerm: 2, votedFor: 3 };
    expect(sent(onVoteRequest(stateWith(ctx, voted), request(3, 2, 0, 0), ctx).effects)[0].msg).toMatchObject({ granted: true });
    const bad = ctxFor(2, 5, ['votedForNullOnly']);
    const step = onVoteRequest(stateWith(bad, voted), request(3, 2, 0, 0), bad);
    expect(sent(step.effects)[0].msg).toMatchObject({ granted: false });
    expect(step.state.votedFor).toBe(3);
  });

  it('mutant noElectionTimerReset grants the vote but leaves the election timer running down', () => {
    const bad = ctxFor(2, 5, ['noElectionTimerReset']);
    const step = onVoteRequest(stateWith(bad, { currentTerm: 1 }), request(3, 2, 0, 0), bad);
    expect(step.state.votedFor).toBe(3);
    expect(timers(step.effects)).toEqual([]);
  });
});
