import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../scenario/codec';
import { parseScenarioJson } from '../scenario/codec';

const ROOT = join(import.meta.dirname, '..', '..');
const GOLDEN = join(ROOT, 'src/engine/golden');

function cli(script: 'sim' | 'fuzz' | 'link', ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, `src/cli/${script}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.trim().split('\n') };
}

describe('npm run sim', () => {
  it('writes one JSON line per event and a summary; a link and its file give the same trace hash', () => {
    const file = join(GOLDEN, 'replication.json');
    const a = cli('sim', file, '--until', '700');
    expect(a.code).toBe(0);
    const events = a.lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ seq: 1, t: 0, kind: 'start', node: 1, rule: 'raft.init', text: 'S1 starts as a follower in term 0' });
    expect(events.find((e) => e.kind === 'deliver')).toHaveProperty('msg.type');
    const summary = JSON.parse(a.lines.at(-1)!).summary;
    expect(summary).toMatchObject({ protocol: 'raft', events: events.length, endTime: 700, violations: [] });
    expect(summary.traceHash).toMatch(/^[0-9a-f]{16}$/);

    const parsed = parseScenarioJson(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error('fixture');
    const b = cli('sim', `https://quorum.example/#s=${encodeScenario(parsed.scenario)}`, '--until', '700');
    expect(JSON.parse(b.lines.at(-1)!).summary.traceHash).toBe(summary.traceHash);
  });

  it('--states adds every node\'s state in the documented shape', () => {
    const r = cli('sim', join(GOLDEN, 'election.json'), '--until', '100', '--states');
    const last = JSON.parse(r.lines.at(-2)!);
    expect(last.nodes).toHaveLength(5);
    expect(Object.keys(last.nodes[0])).toEqual(['id', 'up', 'currentTerm', 'votedFor', 'currentRole', 'currentLeader', 'log', 'commitLength']);
  });

  it('--states for Paxos gives each node\'s promise, acceptance and learned value', () => {
    const parsed = parseScenarioJson(JSON.stringify({ version: 1, protocol: 'paxos', nodes: 3, actions: [{ at: 10, type: 'request', node: 1, command: 'hello' }] }));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const r = cli('sim', encodeScenario(parsed.scenario), '--until', '500', '--states');
    expect(r.code).toBe(0);
    const last = JSON.parse(r.lines.at(-2)!);
    expect(last.nodes[1]).toEqual({ id: 2, up: true, promised: [1, 1], accepted: { ballot: [1, 1], value: 'hello' }, learned: 'hello' });
  });

  it('--states for Multi-Paxos gives promised, leader, accepted and decided slots, and applied', () => {
    const parsed = parseScenarioJson(JSON.stringify({ version: 1, protocol: 'multipaxos', nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 100, type: 'request', node: 2, command: 'set a 1' }] }));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const r = cli('sim', encodeScenario(parsed.scenario), '--until', '400', '--states');
    expect(r.code).toBe(0);
    const node = JSON.parse(r.lines.at(-2)!).nodes[2];
    expect(node).toEqual({ id: 3, up: true, promised: [1, 1], leader: 1, accepted: { 1: { ballot: [1, 1], value: 'set a 1' } }, decided: { 1: 'set a 1' }, applied: 1 });
  });

  it('exits 1 when a safety check fails', () => {
    const doc = JSON.parse(readFileSync(join(GOLDEN, 'figure8.json'), 'utf8'));
    const parsed = parseScenarioJson(JSON.stringify({ ...doc, bugs: ['commitOldTermByCount'] }));
    if (!parsed.ok) throw new Error('fixture');
    const r = cli('sim', encodeScenario(parsed.scenario), '--until', '800');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.lines.at(-1)!).summary.violations[0].predicate).toBe('leaderCompleteness');
  });

  it('--lesson runs a built-in lesson to its end and checks its claims', () => {
    const r = cli('sim', '--lesson', 'raft-figure8');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.lines.at(-1)!).summary;
    expect(summary.endTime).toBe(800);
    expect(summary.claims.failed).toBe(0);
    expect(summary.claims.checked).toBeGreaterThan(20);
  });

  it('a claim that does not hold exits 3 and is named; a safety violation still exits 1', () => {
    const doc = JSON.parse(readFileSync(join(GOLDEN, 'figure8.json'), 'utf8'));
    const narration = [{ at: 300, text: 'S1 leads', claims: ['leader = S1', 'safe'] }];
    const wrong = parseScenarioJson(JSON.stringify({ ...doc, narration }));
    if (!wrong.ok) throw new Error(wrong.errors.join());
    const r = cli('sim', encodeScenario(wrong.scenario), '--until', '800');
    expect(r.code).toBe(3);
    const claims = JSON.parse(r.lines.at(-1)!).summary.claims;
    expect(claims).toMatchObject({ checked: 2, failed: 1 });
    expect(claims.failures).toEqual([{ step: 0, at: 300, claim: 'leader = S1', found: expect.stringMatching(/^the leader is S\d$/) }]);

    const broken = parseScenarioJson(JSON.stringify({ ...doc, narration, bugs: ['commitOldTermByCount'] }));
    if (!broken.ok) throw new Error(broken.errors.join());
    expect(cli('sim', encodeScenario(broken.scenario), '--until', '800').code).toBe(1);
  });

  it.each([
    [['--lesson', 'raft-nothing'], /^no lesson "raft-nothing"; the lessons are raft-election, /],
    [['no-such-file.json'], /^no such file: no-such-file\.json$/],
    [['%%%broken'], /^invalid scenario: the scenario text is damaged/],
    [[join(GOLDEN, 'election.json'), '--until', 'soon'], /^--until expects a whole number, found "soon"$/],
    [[join(GOLDEN, 'election.json'), '--fast'], /^unknown option --fast/],
    [[], /^usage: npm run sim/],
  ])('bad input %j exits 2 with one readable line', (args, message) => {
    const r = cli('sim', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  // Issue 18: this exited 1 (the code for a safety violation) with a stack trace.
  it('a document nested 5,000 levels deep, as a file or a link, is bad input: exit 2', () => {
    const doc = `{"version":1,"protocol":"raft","nodes":3,"actions":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    const file = join(mkdtempSync(join(tmpdir(), 'quorum-')), 'deep.json');
    writeFileSync(file, doc);
    for (const arg of [file, `https://quorum.example/#s=${LZString.compressToEncodedURIComponent(doc)}`]) {
      const r = cli('sim', arg);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe('invalid scenario: (scenario): nested too deeply: more than 16 levels of objects and lists');
    }
  });
});

describe('npm run fuzz', () => {
  it('reports liveness and a final summary line; exits 0 when safe', () => {
    const r = cli('fuzz', '--protocol', 'raft', '--schedules', '50', '--seed', '3', '--workers', '2');
    expect(r.code).toBe(0);
    // Each worker's own rate, then coverage, liveness and the total.
    expect(r.lines.slice(0, 2)).toEqual([expect.stringMatching(/^worker 1: \d+ schedules, [\d.]+ schedules\/s$/), expect.stringMatching(/^worker 2: /)]);
    expect(r.lines.slice(0, 2).reduce((n, l) => n + Number(/: (\d+) schedules/.exec(l)![1]), 0)).toBe(50);
    expect(r.lines.at(-3)).toMatch(/^coverage: median \d+ events per schedule; a fault before the first decision in \d+(\.\d)?% of schedules$/);
    expect(r.lines.at(-2)).toMatch(/^liveness=\d+(\.\d)?%$/);
    expect(r.lines.at(-1)).toMatch(/^schedules=50 events=\d+ violations=0 rate=[\d.]+ schedules\/s$/);
    // Two workers or one: the same schedules, so the same totals.
    const serial = cli('fuzz', '--protocol', 'raft', '--schedules', '50', '--seed', '3', '--workers', '1');
    expect(serial.lines.at(-1)!.replace(/rate=.*/, '')).toBe(r.lines.at(-1)!.replace(/rate=.*/, ''));
    expect(serial.lines.slice(-3, -1)).toEqual(r.lines.slice(-3, -1));
  });

  it('with a bug: prints the failing scenario, which npm run sim replays to the same violation, and exits 1', () => {
    const r = cli('fuzz', '--protocol', 'raft', '--schedules', '1000', '--bug', 'doubleVote');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^violation in schedule \d+: singleVote/);
    const replay = cli('sim', encodeScenario((parseScenarioJson(r.lines[1]) as { ok: true; scenario: never }).scenario), '--until', '20000');
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.lines.at(-1)!).summary.violations[0].predicate).toBe('singleVote');
  });

  it('with the restating check off, the outcome check still catches forgetVoteOnRestart', () => {
    const r = cli('fuzz', '--protocol', 'raft', '--schedules', '1000', '--bug', 'forgetVoteOnRestart', '--off', 'singleVote');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^violation in schedule \d+: electionSafety/);
  });

  it('3PC: with crashes only it stays atomic; with partitions it commits on one side and aborts on the other, and sim replays that', () => {
    expect(cli('fuzz', '--protocol', '3pc', '--schedules', '100', '--crash-only', '--workers', '1').code).toBe(0);
    const r = cli('fuzz', '--protocol', '3pc', '--schedules', '1000', '--seed', '6', '--workers', '1');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^violation in schedule \d+: atomicity/);
    const replay = cli('sim', encodeScenario((parseScenarioJson(r.lines[1]) as { ok: true; scenario: never }).scenario), '--until', '20000');
    expect(JSON.parse(replay.lines.at(-1)!).summary.violations[0].predicate).toBe('atomicity');
  });

  it('rejects an unknown bug with one line', () => {
    const r = cli('fuzz', '--protocol', 'raft', '--schedules', '5', '--bug', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^unknown bug "nope" for raft: expected one of doubleVote/);
  });
});

describe('npm run link', () => {
  it('prints a link that opens the same scenario: sim on it gives the file\'s trace hash', () => {
    const file = join(GOLDEN, 'replication.json');
    const r = cli('link', file, '--base', 'https://example.org/quorum/', '--t', '700');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/example\.org\/quorum\/#s=2\.[0-9a-z]+\.[0-9a-z]+\.[A-Za-z0-9+\-$]+&t=700\n$/);
    const viaLink = cli('sim', r.stdout.trim(), '--until', '700');
    const viaFile = cli('sim', file, '--until', '700');
    expect(JSON.parse(viaLink.lines.at(-1)!).summary.traceHash).toBe(JSON.parse(viaFile.lines.at(-1)!).summary.traceHash);
  });

  it('a bad base URL exits 2 with one line', () => {
    const r = cli('link', join(GOLDEN, 'replication.json'), '--base', 'nowhere');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('--base expects an http(s) or file URL, found "nowhere"');
  });
});
