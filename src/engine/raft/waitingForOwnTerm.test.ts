import { describe, expect, it } from 'vitest';
import { type LeaderFacts, olderTermWait } from './waitingForOwnTerm';

const leader = (over: Partial<LeaderFacts>): LeaderFacts => ({ currentTerm: 3, log: [], commitLength: 0, currentRole: 'leader', ...over });
const entry = (term: number, command = 'set x 1') => ({ term, command });

describe('olderTermWait', () => {
  it('names the uncommitted older-term entries of a leader with none of its own term', () => {
    expect(olderTermWait(leader({ log: [entry(1), entry(2), entry(2)], commitLength: 1 }))).toEqual({ first: 2, last: 3, term: 3 });
  });

  it('is silent once the leader has an entry of its own term: they commit with it', () => {
    expect(olderTermWait(leader({ log: [entry(1), entry(2), entry(3, 'noop')], commitLength: 1 }))).toBeNull();
  });

  it('is silent when everything is committed, and on followers and candidates', () => {
    expect(olderTermWait(leader({ log: [entry(1), entry(2)], commitLength: 2 }))).toBeNull();
    expect(olderTermWait(leader({ currentRole: 'follower', log: [entry(1)], commitLength: 0 }))).toBeNull();
    expect(olderTermWait(leader({ currentRole: 'candidate', log: [entry(1)], commitLength: 0 }))).toBeNull();
  });

  it('counts indices from the whole log when given only its tail', () => {
    expect(olderTermWait(leader({ log: [entry(2), entry(2)], commitLength: 40 }), 40)).toEqual({ first: 41, last: 42, term: 3 });
  });

  it('is silent when the run breaks the rule: a leader that commits by counting waits for no entry of its term', () => {
    expect(olderTermWait(leader({ log: [entry(1), entry(2)], commitLength: 1 }), 0, ['commitOldTermByCount'])).toBeNull();
    expect(olderTermWait(leader({ log: [entry(1), entry(2)], commitLength: 1 }), 0, ['minorityQuorum'])).toEqual({ first: 2, last: 2, term: 3 });
  });
});
