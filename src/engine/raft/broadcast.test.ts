import { describe, expect, it } from 'vitest';
import { onClientRequest, onHeartbeat } from './broadcast';
import { ctxFor, entries, sent, stateWith, timers } from './fixtures.test-helper';

describe('Raft slide 4: broadcasting messages, and the heartbeat', () => {
  const ctx = ctxFor(1, 3);
  const leader = stateWith(ctx, {
    currentTerm: 2, currentRole: 'leader', currentLeader: 1, votedFor: 1, log: entries(1), commitLength: 1,
    sentLength: [0, 1, 1, 0], ackedLength: [0, 1, 1, 0],
  });

  it('the leader appends the command in its term, acknowledges it itself, and replicates to every follower', () => {
    const step = onClientRequest(leader, 'set x 1', ctx);
    expect(step.state.log.slice()).toEqual([...leader.log.slice(), { term: 2, command: 'set x 1' }]);
    expect(step.state.ackedLength[1]).toBe(2);
    const out = sent(step.effects);
    expect(out).toEqual([
      { to: 2, msg: { type: 'LogRequest', leaderId: 1, term: 2, prefixLen: 1, prefixTerm: 1, leaderCommit: 1, suffix: [{ term: 2, command: 'set x 1' }] } },
      { to: 3, msg: { type: 'LogRequest', leaderId: 1, term: 2, prefixLen: 0, prefixTerm: 0, leaderCommit: 1, suffix: step.state.log.slice() } },
    ]);
  });

  it('a follower forwards the command to the leader it knows', () => {
    const follower = stateWith(ctxFor(2, 3), { currentTerm: 2, currentLeader: 1 });
    const step = onClientRequest(follower, 'set x 1', ctxFor(2, 3));
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'ClientRequest', command: 'set x 1' } }]);
    expect(step.state).toBe(follower);
  });

  it('with no leader known the command is held, visibly, not lost', () => {
    const c2 = ctxFor(2, 3);
    const step = onClientRequest(stateWith(c2, { currentTerm: 2, currentRole: 'candidate' }), 'set x 1', c2);
    expect(step.state.pending).toEqual(['set x 1']);
    expect(step.rule).toBe('raft.hold');
    expect(step.text()).toContain('holds "set x 1"');
  });

  it('the heartbeat replicates to every follower (empty suffix when up to date) and restarts itself', () => {
    const step = onHeartbeat(leader, ctx);
    const out = sent(step.effects);
    expect(out[0].msg).toMatchObject({ prefixLen: 1, suffix: [] });
    expect(out[1].msg).toMatchObject({ prefixLen: 0, suffix: leader.log.slice() });
    expect(timers(step.effects)).toEqual(['start:heartbeat']);
  });
});
