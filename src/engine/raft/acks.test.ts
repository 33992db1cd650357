import { describe, expect, it } from 'vitest';
import { onLogResponse } from './acks';
import { applied, ctxFor, sent, stateWith } from './fixtures.test-helper';
import type { LogEntry, RaftMessage } from './types';

const ack = (follower: number, term: number, n: number, success: boolean) =>
  ({ type: 'LogResponse', follower, term, ack: n, success }) as Extract<RaftMessage, { type: 'LogResponse' }>;
const t = (term: number, command: string): LogEntry => ({ term, command });

describe('Raft slide 8: the leader receiving log acknowledgements', () => {
  const ctx = ctxFor(1, 5);
  const leader = stateWith(ctx, {
    currentTerm: 3, currentRole: 'leader', currentLeader: 1, votedFor: 1,
    log: [t(1, 'a'), t(3, 'b'), t(3, 'c')], commitLength: 1,
    sentLength: [0, 3, 3, 3, 3, 3], ackedLength: [0, 3, 1, 1, 1, 1],
  });

  it('a success moves sentLength and ackedLength to ack', () => {
    const step = onLogResponse(leader, ack(2, 3, 3, true), ctx);
    expect(step.state.sentLength[2]).toBe(3);
    expect(step.state.ackedLength[2]).toBe(3);
  });

  it('a stale success (smaller ack, arriving late or twice) does not move sentLength back', () => {
    const ahead = { ...leader, ackedLength: [0, 3, 3, 1, 1, 1] };
    const step = onLogResponse(ahead, ack(2, 3, 2, true), ctx);
    expect(step.state).toBe(ahead);
  });

  it('a failure steps sentLength back by one and retries with a longer suffix', () => {
    const step = onLogResponse(leader, ack(4, 3, 0, false), ctx);
    expect(step.state.sentLength[4]).toBe(2);
    expect(sent(step.effects)).toEqual([{ to: 4, msg: {
      type: 'LogRequest', leaderId: 1, term: 3, prefixLen: 2, prefixTerm: 3, leaderCommit: 1, suffix: [t(3, 'c')] } }]);
  });

  it('a higher term: adopt it, clear votedFor, step down', () => {
    const step = onLogResponse(leader, ack(2, 5, 0, false), ctx);
    expect(step.state).toMatchObject({ currentTerm: 5, votedFor: null, currentRole: 'follower' });
  });

  it('mutant noStepDownOnHigherTerm keeps leading in the adopted term', () => {
    const bad = ctxFor(1, 5, ['noStepDownOnHigherTerm']);
    const step = onLogResponse(leader, ack(2, 5, 0, false), bad);
    expect(step.state).toMatchObject({ currentTerm: 5, currentRole: 'leader' });
  });

  it('ignores acknowledgements of another term', () => {
    expect(onLogResponse(leader, ack(2, 2, 3, true), ctx).state).toBe(leader);
  });

  it('the acknowledgement that completes a majority commits (slide 9)', () => {
    const one = onLogResponse(leader, ack(2, 3, 3, true), ctx).state;
    expect(one.commitLength).toBe(1);
    const two = onLogResponse(one, ack(3, 3, 3, true), ctx);
    expect(two.state.commitLength).toBe(3);
    expect(applied(two.effects)).toEqual([1, 2]);
  });
});
