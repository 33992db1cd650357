import { describe, expect, it } from 'vitest';
import { MULTIPAXOS_PREDICATES } from '../../engine/invariants/multipaxos';
import { PAXOS_PREDICATES } from '../../engine/invariants/paxos';
import { RAFT_PREDICATES } from '../../engine/invariants/raft';
import { parseScenario } from '../validate';
import { checkClaims } from './check';
import { parseClaim } from './syntax';
import { PREDICATES } from './vocabulary';

const raft = { protocol: 'raft', nodes: 5, at: 500 };

function parseError(text: string, ctx = raft): string {
  const p = parseClaim(text, ctx);
  if (p.ok) throw new Error(`"${text}" parsed`);
  return p.error;
}

/** Three servers; S1 is made to lead term 1, then "set x 1" commits; S3 crashes at 400. */
const scenario = {
  version: 2, protocol: 'raft', nodes: 3, seed: 5, options: { noopOnElection: false },
  actions: [{ at: 10, type: 'timeout', node: 1 }, { at: 100, type: 'request', node: 1, command: 'set x 1' }, { at: 400, type: 'crash', node: 3 }],
};

function judge(at: number, ...claims: string[]) {
  const parsed = parseScenario({ ...scenario, narration: [{ at, text: 'step', claims }] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return checkClaims(parsed.scenario).steps[0].results.map((r) => [r.claim, r.holds, r.found]);
}

describe('claims: parsing', () => {
  it('reads what a lecturer types, spaces and case aside', () => {
    for (const text of ['S3 role = leader', 's3 ROLE=leader', 'S2 log length >= 3', 'S1, S2 log[1] = "set x 1"', 'all committed = set a 1, set b 2',
      'live term in 1, 2', 'S2 down', 'leader = none', 'leaders = 1', 'not safe', 'electionSafety broken', 'S4 became leader in 300..400',
      'delivered LogResponse S2->S1 success=false in 0..500', 'lost VoteRequest *->S2', 'first to time out in 100..200 = S4', 'S1 log has set x 1',
      'S1 sentLength[S2] = 1', 'S1 kv x = 1']) {
      expect(parseClaim(text, raft).ok, text).toBe(true);
    }
  });

  it('says what was expected, in the claim\'s terms', () => {
    expect(parseError('S7 role = leader')).toBe('there is no S7 in a cluster of 5 (S1 to S5)');
    expect(parseError('S3 mood = happy')).toMatch(/^expected a raft field \(role, term, votedFor/);
    expect(parseError('delivered Prepare S1->S2')).toMatch(/^expected a raft message \(VoteRequest/);
    expect(parseError('delivered LogRequest S1->S2 ballot=1')).toMatch(/^expected a field of LogRequest \(leaderId, term/);
    expect(parseError('S1 timed out in 400..600')).toBe('a claim looks at the run up to its step\'s moment (500 ms): the window 400..600 ends after it');
    expect(parseError('S1 timed out in 300..200')).toBe('expected a window that ends after it starts, found 300..200');
    expect(parseError('S1 term > two')).toBe('expected a number after >, found "two"');
    expect(parseError('S1 role has leader')).toBe('"has" is for a list (log, committed); "role" is one value');
    expect(parseError('chosen = blue')).toMatch(/^"chosen" is for single-decree Paxos/);
    expect(parseError('leader = S1', { protocol: 'paxos', nodes: 3, at: 0 })).toMatch(/^single-decree Paxos has no leader/);
    expect(parseError('fooSafety holds')).toMatch(/^expected a raft safety check \(electionSafety/);
    expect(parseError('')).toBe('expected a claim, found an empty line');
  });

  it('names the same safety checks as the monitors', () => {
    expect(PREDICATES.raft).toEqual(Object.keys(RAFT_PREDICATES));
    expect(PREDICATES.paxos).toEqual(Object.keys(PAXOS_PREDICATES));
    expect(PREDICATES.multipaxos).toEqual(Object.keys(MULTIPAXOS_PREDICATES));
  });

  it('a scenario with a bad claim opens nothing and names the step and the claim', () => {
    const parsed = parseScenario({ ...scenario, narration: [{ at: 50, text: 'ok', claims: ['leader = S1'] }, { at: 60, text: 'bad', claims: ['safe', 'S9 up'] }] });
    expect(parsed).toEqual({ ok: false, errors: ['narration[1].claims[1]: there is no S9 in a cluster of 3 (S1 to S3)'] });
  });
});

describe('claims: judged on the run at the step\'s moment', () => {
  it('state claims read the servers then, and a failed one says what the run shows', () => {
    expect(judge(50, 'leader = S1', 'S1 term = 1', 'S2 role = leader', 'S2 votedFor = S1', 'not S2 votedFor = S1')).toEqual([
      ['leader = S1', true, null],
      ['S1 term = 1', true, null],
      ['S2 role = leader', false, 'S2 role is follower'],
      ['S2 votedFor = S1', true, null],
      ['not S2 votedFor = S1', false, 'it does: S2 votedFor is S1'],
    ]);
  });

  it('logs, commits and the key-value store, on servers that are up or down', () => {
    expect(judge(450, 'all committed = set x 1', 'S3 down', 'live log length = 1', 'S1 log has set x 1', 'S1 log lacks set y 2', 'S3 kv x = 1', 'all log[1] term = 2')).toEqual([
      ['all committed = set x 1', true, null],
      ['S3 down', true, null],
      ['live log length = 1', true, null],
      ['S1 log has set x 1', true, null],
      ['S1 log lacks set y 2', true, null],
      ['S3 kv x = 1', true, null],
      ['all log[1] term = 2', false, 'S1 log[1] term is 1; S2 log[1] term is 1; S3 log[1] term is 1'],
    ]);
  });

  it('messages and timeouts count only inside their window', () => {
    expect(judge(200, 'delivered LogRequest S1->S2 suffix=1 in 100..200', 'delivered LogRequest S1->S2 suffix=1 in 0..99',
      'S1 was forced to time out in 10..10', 'S1 timer ran out', 'S1 became leader in 10..50', 'first to time out = S1')).toEqual([
      ['delivered LogRequest S1->S2 suffix=1 in 100..200', true, null],
      ['delivered LogRequest S1->S2 suffix=1 in 0..99', false, 'none delivered in 0..99 ms'],
      ['S1 was forced to time out in 10..10', true, null],
      ['S1 timer ran out', false, 'in 0..200 ms S1 did not have its timer run out'],
      ['S1 became leader in 10..50', true, null],
      ['first to time out = S1', true, null],
    ]);
  });

  it('safety claims see the violations found so far', () => {
    const broken = parseScenario({ ...scenario, bugs: ['minorityQuorum'], nodes: 4, actions: [{ at: 10, type: 'partition', groups: [[1, 2], [3, 4]] },
      { at: 20, type: 'timeout', node: 1 }, { at: 20, type: 'timeout', node: 3 }],
    narration: [{ at: 300, text: 'two leaders', claims: ['safe', 'electionSafety broken', 'termMonotonic holds'] }] });
    if (!broken.ok) throw new Error(broken.errors.join('; '));
    expect(checkClaims(broken.scenario).steps[0].results.map((r) => [r.claim, r.holds])).toEqual([
      ['safe', false], ['electionSafety broken', true], ['termMonotonic holds', true],
    ]);
  });
});
