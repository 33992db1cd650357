import { describe, expect, it } from 'vitest';
import { applied, ctxFor, entries, sent, stateWith, timers } from './fixtures.test-helper';
import { onLogRequest } from './follower';
import type { LogEntry, RaftMessage } from './types';

const logRequest = (term: number, prefixLen: number, prefixTerm: number, leaderCommit: number, suffix: LogEntry[]) =>
  ({ type: 'LogRequest', leaderId: 1, term, prefixLen, prefixTerm, leaderCommit, suffix }) as Extract<RaftMessage, { type: 'LogRequest' }>;

describe('Raft slide 6: followers receiving LogRequest', () => {
  const ctx = ctxFor(2, 3);

  it('accepts the leader of its term, restarts its election timer and acknowledges prefixLen + suffix.length', () => {
    const step = onLogRequest(stateWith(ctx, { currentTerm: 2, log: entries(1) }), logRequest(2, 1, 1, 0, entries(2)), ctx);
    expect(step.state).toMatchObject({ currentLeader: 1, currentRole: 'follower' });
    expect(timers(step.effects)).toEqual(['start:election']);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'LogResponse', follower: 2, term: 2, ack: 2, success: true } }]);
  });

  it('a candidate of the same term steps down to follower', () => {
    const cand = stateWith(ctx, { currentTerm: 2, currentRole: 'candidate', votedFor: 2, votesReceived: [2] });
    const step = onLogRequest(cand, logRequest(2, 0, 0, 0, []), ctx);
    expect(step.state).toMatchObject({ currentRole: 'follower', currentLeader: 1, votedFor: 2 });
  });

  it('a higher term is adopted and votedFor cleared', () => {
    const step = onLogRequest(stateWith(ctx, { currentTerm: 1, votedFor: 3 }), logRequest(4, 0, 0, 0, []), ctx);
    expect(step.state).toMatchObject({ currentTerm: 4, votedFor: null, currentLeader: 1 });
  });

  it('rejects an older term without resetting its timer', () => {
    const step = onLogRequest(stateWith(ctx, { currentTerm: 3 }), logRequest(2, 0, 0, 0, []), ctx);
    expect(sent(step.effects)[0].msg).toEqual({ type: 'LogResponse', follower: 2, term: 3, ack: 0, success: false });
    expect(timers(step.effects)).toEqual([]);
  });

  it.each([
    ['log too short for the prefix', entries(1), 2, 1],
    ['term at prefixLen - 1 differs', entries(1, 1), 2, 2],
  ])('logOk fails: %s', (_name, log, prefixLen, prefixTerm) => {
    const before = stateWith(ctx, { currentTerm: 2, log });
    const step = onLogRequest(before, logRequest(2, prefixLen, prefixTerm, 0, entries(2)), ctx);
    expect(sent(step.effects)[0].msg).toMatchObject({ success: false, ack: 0 });
    expect(step.state.log).toBe(before.log);
  });

  it('forwards commands it held once it learns the leader', () => {
    const step = onLogRequest(stateWith(ctx, { currentTerm: 2, pending: ['set a 1'] }), logRequest(2, 0, 0, 0, []), ctx);
    expect(sent(step.effects)[0]).toEqual({ to: 1, msg: { type: 'ClientRequest', command: 'set a 1' } });
    expect(step.state.pending).toEqual([]);
  });
});

describe('Raft slide 7: updating the follower\'s log (AppendEntries)', () => {
  const ctx = ctxFor(2, 3);
  const t = (term: number, command: string): LogEntry => ({ term, command });

  it('on a conflict keeps exactly the first prefixLen entries, then appends the suffix', () => {
    const log = [t(1, 'a'), t(1, 'b'), t(2, 'c'), t(2, 'd')];
    const step = onLogRequest(stateWith(ctx, { currentTerm: 3, log }), logRequest(3, 2, 1, 0, [t(3, 'x')]), ctx);
    expect(step.state.log.slice()).toEqual([t(1, 'a'), t(1, 'b'), t(3, 'x')]);
  });

  it('mutant truncateOffByOne keeps prefixLen - 1 and shifts the suffix', () => {
    const bad = ctxFor(2, 3, ['truncateOffByOne']);
    const log = [t(1, 'a'), t(1, 'b'), t(2, 'c')];
    const step = onLogRequest(stateWith(bad, { currentTerm: 3, log }), logRequest(3, 2, 1, 0, [t(3, 'x')]), bad);
    expect(step.state.log.slice()).toEqual([t(1, 'a'), t(3, 'x')]);
  });

  it('a stale or duplicated LogRequest whose entries already match does not truncate', () => {
    const log = [t(1, 'a'), t(2, 'b'), t(2, 'c')];
    const before = stateWith(ctx, { currentTerm: 2, log });
    const step = onLogRequest(before, logRequest(2, 0, 0, 0, [t(1, 'a')]), ctx);
    expect(step.state.log).toBe(before.log);
    expect(sent(step.effects)[0].msg).toMatchObject({ success: true, ack: 1 });
  });

  it('appends only the suffix entries beyond the end of its log', () => {
    const log = [t(1, 'a'), t(2, 'b')];
    const step = onLogRequest(stateWith(ctx, { currentTerm: 2, log }), logRequest(2, 1, 1, 0, [t(2, 'b'), t(2, 'c')]), ctx);
    expect(step.state.log.slice()).toEqual([t(1, 'a'), t(2, 'b'), t(2, 'c')]);
  });

  it('delivers newly committed entries in order up to leaderCommit', () => {
    const log = [t(1, 'a'), t(1, 'b'), t(1, 'c')];
    const step = onLogRequest(stateWith(ctx, { currentTerm: 1, log, commitLength: 1 }), logRequest(1, 3, 1, 3, []), ctx);
    expect(step.state.commitLength).toBe(3);
    expect(applied(step.effects)).toEqual([1, 2]);
  });

  it('never moves commitLength backwards on an older leaderCommit', () => {
    const log = [t(1, 'a'), t(1, 'b')];
    const step = onLogRequest(stateWith(ctx, { currentTerm: 1, log, commitLength: 2 }), logRequest(1, 2, 1, 1, []), ctx);
    expect(step.state.commitLength).toBe(2);
    expect(applied(step.effects)).toEqual([]);
  });
});
