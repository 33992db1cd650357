import { describe, expect, it } from 'vitest';
import { Outbox } from '../sim/protocol';
import { commitLogEntries } from './commit';
import { ctxFor, stateWith } from './fixtures.test-helper';
import type { LogEntry, RaftMessage } from './types';

const t = (term: number, command: string): LogEntry => ({ term, command });

describe('Raft slide 9: the leader committing log entries', () => {
  const ctx = ctxFor(1, 5);
  const base = stateWith(ctx, { currentTerm: 4, currentRole: 'leader', currentLeader: 1, log: [t(2, 'a'), t(4, 'b')] });

  it('commits the largest length a majority (leader included) has acknowledged, when it ends in the current term', () => {
    const out = new Outbox<RaftMessage>();
    const s = commitLogEntries({ ...base, ackedLength: [0, 2, 2, 2, 0, 0] }, out, ctx);
    expect(s.commitLength).toBe(2);
    expect(out.effects).toEqual([{ kind: 'apply', index: 0, command: 'a' }, { kind: 'apply', index: 1, command: 'b' }]);
  });

  it('does not commit without a majority', () => {
    const s = commitLogEntries({ ...base, ackedLength: [0, 2, 2, 0, 0, 0] }, new Outbox(), ctx);
    expect(s.commitLength).toBe(0);
  });

  it('Figure 8: an entry of an older term is not committed by counting acknowledgements', () => {
    const s = commitLogEntries({ ...base, ackedLength: [0, 2, 1, 1, 1, 0] }, new Outbox(), ctx);
    expect(s.commitLength).toBe(0);
  });

  it('mutant commitOldTermByCount commits the older-term entry anyway', () => {
    const bad = ctxFor(1, 5, ['commitOldTermByCount']);
    const s = commitLogEntries({ ...base, ackedLength: [0, 2, 1, 1, 1, 0] }, new Outbox(), bad);
    expect(s.commitLength).toBe(1);
  });

  it('an older entry commits indirectly with a current-term entry after it', () => {
    const s = commitLogEntries({ ...base, ackedLength: [0, 2, 2, 2, 1, 1] }, new Outbox(), ctx);
    expect(s.commitLength).toBe(2);
  });
});
