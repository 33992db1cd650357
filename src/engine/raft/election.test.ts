import { describe, expect, it } from 'vitest';
import { onElectionTimeout, onRecover, onStart } from './election';
import { crashed } from './state';
import { ctxFor, entries, sent, stateWith, timers } from './fixtures.test-helper';

describe('Raft slide 1: initialisation, recovery and election timeout', () => {
  it('starts every node as a follower of term 0 with its election timer running', () => {
    const ctx = ctxFor(2);
    const step = onStart(stateWith(ctx, {}), ctx);
    expect({ ...step.state, log: step.state.log.slice() }).toMatchObject({ currentTerm: 0, votedFor: null, log: [], commitLength: 0, currentRole: 'follower' });
    expect(timers(step.effects)).toEqual(['start:election']);
  });

  it('on timeout: term + 1, candidate, votes for itself, asks every other node with its log length and last term', () => {
    const ctx = ctxFor(3);
    const step = onElectionTimeout(stateWith(ctx, { currentTerm: 4, log: entries(1, 2, 4) }), ctx);
    expect(step.state).toMatchObject({ currentTerm: 5, currentRole: 'candidate', votedFor: 3, votesReceived: [3] });
    const out = sent(step.effects);
    expect(out.map((s) => s.to)).toEqual([1, 2, 4, 5]);
    for (const s of out) expect(s.msg).toEqual({ type: 'VoteRequest', candidateId: 3, term: 5, logLength: 3, logTerm: 4 });
    expect(timers(step.effects)).toEqual(['start:election']);
    expect(step.text()).toBe('S3 times out and starts an election for term 5');
  });

  it('uses lastTerm 0 for an empty log', () => {
    const ctx = ctxFor(1);
    const out = sent(onElectionTimeout(stateWith(ctx, {}), ctx).effects);
    expect(out[0].msg).toMatchObject({ logLength: 0, logTerm: 0 });
  });

  it('a leader has no election timer: a forced timeout is refused and changes nothing', () => {
    const ctx = ctxFor(1);
    const leader = stateWith(ctx, { currentTerm: 2, currentRole: 'leader', votedFor: 1 });
    const step = onElectionTimeout(leader, ctx);
    expect(step.refused).toBe(true);
    expect(step.state).toBe(leader);
    expect(step.effects).toEqual([]);
  });

  it('a crash keeps exactly currentTerm, votedFor, log and commitLength', () => {
    const ctx = ctxFor(2);
    const before = stateWith(ctx, {
      currentTerm: 3, votedFor: 1, log: entries(1, 3), commitLength: 1,
      currentRole: 'leader', currentLeader: 2, votesReceived: [1, 2], sentLength: [0, 2, 2, 2, 2, 2], ackedLength: [0, 1, 2, 0, 0, 0], pending: ['set a 1'],
    });
    const after = crashed(before, ctx);
    expect(after).toEqual(stateWith(ctx, { currentTerm: 3, votedFor: 1, log: before.log, commitLength: 1 }));
  });

  it('recovery restarts as a follower from persistent state, keeping votedFor, and starts the election timer', () => {
    const ctx = ctxFor(2);
    const persisted = stateWith(ctx, { currentTerm: 3, votedFor: 1, log: entries(1, 3), commitLength: 1 });
    const step = onRecover(persisted, ctx);
    expect(step.state).toEqual(persisted);
    expect(timers(step.effects)).toEqual(['start:election']);
  });

  it('mutant forgetVoteOnRestart loses votedFor on recovery', () => {
    const ctx = ctxFor(2, 5, ['forgetVoteOnRestart']);
    const step = onRecover(stateWith(ctx, { currentTerm: 3, votedFor: 1 }), ctx);
    expect(step.state.votedFor).toBeNull();
  });

  it('mutant forgetTermOnRestart starts again at term 0 on recovery', () => {
    const ctx = ctxFor(2, 5, ['forgetTermOnRestart']);
    const step = onRecover(stateWith(ctx, { currentTerm: 3, votedFor: 1 }), ctx);
    expect(step.state).toMatchObject({ currentTerm: 0, votedFor: 1 });
  });
});
