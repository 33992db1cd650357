import { describe, expect, it } from 'vitest';
import { ATOMIC_PREDICATES } from '../../engine/invariants/atomic';
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
    expect(PREDICATES['2pc']).toEqual(Object.keys(ATOMIC_PREDICATES));
    expect(PREDICATES['3pc']).toEqual(Object.keys(ATOMIC_PREDICATES));
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

/** Judges claims on any scenario at one moment: [claim, holds, what the run shows when it does not]. */
function judgeOn(input: Record<string, unknown>, at: number, ...claims: string[]) {
  const parsed = parseScenario({ version: 2, seed: 1, ...input, narration: [{ at, text: 'step', claims }] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return checkClaims(parsed.scenario).steps[0].results.map((r) => [r.claim, r.holds, r.found]);
}

describe('claims: the forms for atomic commit, clients and the student\'s network', () => {
  it('are refused where the scenario has nothing to claim them of', () => {
    const twopc = { protocol: '2pc', nodes: 4, at: 500 };
    expect(parseError('S2 tx t1 = maybe', twopc)).toBe('expected tx t1 to be one of working, in doubt, pre-committed, committed, aborted, none, found "maybe"');
    expect(parseError('S1 decision t1 = yes', twopc)).toBe('expected decision t1 to be one of commit, abort, none, found "yes"');
    expect(parseError('leader = S1', twopc)).toMatch(/^2pc has no leader: S1 is its coordinator/);
    expect(parseError('S2 became leader', twopc)).toMatch(/^2pc has no leader/);
    expect(parseError('client 1 get x returned 1')).toBe('this scenario has no clients: add "clients" to claim what a client saw');
    expect(parseError('linearizable broken')).toMatch(/^expected a raft safety check/);
    const clients = { ...raft, clients: 2 };
    expect(parseError('client 3 get x returned 1', clients)).toBe('there is no client 3 (clients 1 to 2)');
    expect(parseError('client 1 fetch x returned 1', clients)).toMatch(/^expected an operation of the store/);
    expect(parseError('client 1 get x is done', clients)).toBe('expected an outcome (ok, failed, rejected, unknown, pending, stale), found "done"');
    expect(parseError('client 1 get x tries = many', clients)).toBe('expected a number of tries, found "many"');
    expect(parseError('held VoteRequest S1->S2 in 0..10')).toBe('"held" is about the step\'s moment: leave out the window');
    for (const [text, ctx] of [['S2 tx t1 = in doubt', twopc], ['S2 tx t1 in voted yes, committed', twopc], ['S2 locks = none', twopc], ['S1 log has commit t1', twopc],
      ['delivered Vote S3->S1 vote=no', twopc], ['atomicity broken', twopc], ['S2 backup = t1', { ...twopc, protocol: '3pc' }], ['client 2 get x answered by S4', clients],
      ['linearizable holds', clients], ['S3 paused', raft], ['in flight VoteRequest S1->*', raft], ['duplicated VoteResponse *->S1 in 0..20', raft]] as const) {
      expect(parseClaim(text, ctx).ok, text).toBe(true);
    }
  });

  it('a participant\'s standing, vote, decision, locks and log: a false claim says what the participant holds', () => {
    const run = { protocol: '2pc', nodes: 4, timing: { latencyMin: 10, latencyMax: 10 }, actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1 no 3' }] };
    // Votes land at 70 ms: S3 aborts at once, S2 and S4 are in doubt until S1's abort arrives at 90 ms.
    expect(judgeOn(run, 75, 'S2 tx t1 = in doubt', 'S3 vote t1 = no', 'S2 locks = t1', 'S3 locks = none', 'S2 tx t1 = committed', 'S3 vote t1 = yes',
      'S2 locks = none', 'S1 decision t1 = commit', 'S2 log = yes t1, commit t1', 'in flight Vote S2->S1 vote=yes')).toEqual([
      ['S2 tx t1 = in doubt', true, null],
      ['S3 vote t1 = no', true, null],
      ['S2 locks = t1', true, null],
      ['S3 locks = none', true, null],
      ['S2 tx t1 = committed', false, 'S2 tx t1 is "in doubt"'],
      ['S3 vote t1 = yes', false, 'S3 vote t1 is no'],
      ['S2 locks = none', false, 'S2 locks is t1'],
      ['S1 decision t1 = commit', false, 'S1 decision t1 is none'],
      ['S2 log = yes t1, commit t1', false, 'S2 log is "yes t1"'],
      ['in flight Vote S2->S1 vote=yes', true, null],
    ]);
    expect(judgeOn(run, 95, 'S1 decision t1 = abort', 'all locks = none', 'atomicity holds', 'atomicity broken', 'in flight Vote S2->S1')).toEqual([
      ['S1 decision t1 = abort', true, null],
      ['all locks = none', true, null],
      ['atomicity holds', true, null],
      ['atomicity broken', false, 'atomicity holds'],
      ['in flight Vote S2->S1', false, 'none in flight now'],
    ]);
  });

  it('a client\'s operation: what it returned, who answered, its tries; a false claim says what the client saw', () => {
    const run = { protocol: 'raft', nodes: 3, clients: { count: 2, reads: 'log' },
      actions: [{ at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 1 }, { at: 300, type: 'invoke', client: 2, op: 'get x', node: 1 }] };
    expect(judgeOn(run, 151, 'client 1 set x 1 is pending', 'client 1 set x 1 is ok', 'client 1 set x 1 tries = 1', 'client 1 del x is ok')).toEqual([
      ['client 1 set x 1 is pending', true, null],
      ['client 1 set x 1 is ok', false, 'client 1\'s set x 1 is pending'],
      ['client 1 set x 1 tries = 1', true, null],
      ['client 1 del x is ok', false, 'client 1 has not asked for del x'],
    ]);
    expect(judgeOn(run, 600, 'client 2 get x returned 1', 'client 2 get x answered by S1', 'client 2 get x returned 2', 'client 2 get x answered by S2',
      'client 2 get x tries > 1', 'client 2 get x is stale', 'linearizable holds', 'linearizable broken')).toEqual([
      ['client 2 get x returned 1', true, null],
      ['client 2 get x answered by S1', true, null],
      ['client 2 get x returned 2', false, 'client 2\'s get x returned 1'],
      ['client 2 get x answered by S2', false, 'client 2\'s get x was answered by S1'],
      ['client 2 get x tries > 1', false, 'client 2\'s get x is on try 1'],
      ['client 2 get x is stale', false, 'client 2\'s get x is not stale'],
      ['linearizable holds', true, null],
      ['linearizable broken', false, 'linearizable holds'],
    ]);
  });

  it('the student\'s network: held, in flight and duplicated messages, a paused server', () => {
    // By hand: S1's election sends VoteRequests 1 (to S2) and 2 (to S3); the first is held, the second copied and both copies delivered.
    const run = { protocol: 'raft', nodes: 3, network: { manual: true, dropRate: 0, duplicateRate: 0 },
      actions: [{ at: 1, type: 'fire', node: 1, timer: 'election' }, { at: 2, type: 'hold', message: 1 }, { at: 3, type: 'duplicate', message: 2 },
        { at: 4, type: 'deliver', message: 2 }, { at: 5, type: 'deliver', message: 3 }, { at: 6, type: 'pause', node: 2 }] };
    expect(judgeOn(run, 10, 'held VoteRequest S1->S2', 'in flight VoteRequest S1->S2', 'duplicated VoteRequest S1->S3 in 0..10', 'S2 paused', 'S2 up',
      'held VoteRequest S1->S3', 'duplicated VoteRequest S1->S2', 'S3 paused', 'not S2 paused')).toEqual([
      ['held VoteRequest S1->S2', true, null],
      ['in flight VoteRequest S1->S2', true, null],
      ['duplicated VoteRequest S1->S3 in 0..10', true, null],
      ['S2 paused', true, null],
      ['S2 up', true, null],
      ['held VoteRequest S1->S3', false, 'none held now'],
      ['duplicated VoteRequest S1->S2', false, 'no copies delivered in 0..10 ms'],
      ['S3 paused', false, 'S3 is up'],
      ['not S2 paused', false, 'it does: S2 is paused'],
    ]);
  });

  it('locks and the storage node: refused without a storage node or clients; a false claim says what the run holds', () => {
    const clients = { ...raft, clients: 2 };
    const storage = { ...clients, storage: true };
    expect(parseError('storage x = 2', clients)).toBe('this scenario has no storage node: add "storage": {} (with clients) to claim what it holds');
    expect(parseError('client 2 token = 4', clients)).toMatch(/^a fencing token is for writing to the storage node, and this scenario has none/);
    expect(parseError('client 1 write x 3 is rejected', clients)).toBe('"write x 3" goes to the storage node, and this scenario has none (add "storage": {})');
    expect(parseError('fencing broken', clients)).toMatch(/^expected a raft safety check \(.*linearizable\), found "fencing"/);
    expect(parseError('S1 lock L = client 2')).toBe('this scenario has no clients, so no locks: add "clients" to claim who holds a lock');
    expect(parseError('S1 lock L = S2', clients)).toBe('expected a lock\'s holder ("client 2" or "none"), found "S2"');
    expect(parseError('storage x token = many', storage)).toBe('expected a token (a log index) or none, found "many"');
    expect(parseError('client 1 acquire L 0 is ok', storage)).toMatch(/^expected an operation of the store/);
    for (const text of ['storage x = 2', 'storage x token >= 4', 'client 2 token = none', 'S1,S2 lock L = none', 'client 1 write x 3 is rejected', 'fencing holds']) {
      expect(parseClaim(text, storage).ok, text).toBe(true);
    }
    const run = { protocol: 'raft', nodes: 3, clients: { count: 2 }, storage: {},
      actions: [{ at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'acquire L 500', node: 1 }, { at: 300, type: 'invoke', client: 1, op: 'write x 1' }] };
    expect(judgeOn(run, 450, 'client 1 token = 2', 'S1 lock L = client 1', 'storage x = 1', 'storage x token = 2', 'client 2 token = 1', 'S1 lock L = none',
      'storage x = 2', 'storage y = none', 'fencing holds')).toEqual([
      ['client 1 token = 2', true, null],
      ['S1 lock L = client 1', true, null],
      ['storage x = 1', true, null],
      ['storage x token = 2', true, null],
      ['client 2 token = 1', false, 'client 2\'s token is none'],
      ['S1 lock L = none', false, 'S1 has L held by client 1'],
      ['storage x = 2', false, 'the storage node holds x = 1, written by client 1 with token 2'],
      ['storage y = none', true, null],
      ['fencing holds', true, null],
    ]);
  });
});
