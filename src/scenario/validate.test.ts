import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, SCENARIO_VERSION } from './defaults';
import { parseScenario } from './validate';

const base = { version: SCENARIO_VERSION, protocol: 'raft', nodes: 5 };

describe('scenario validation: atomic commit', () => {
  const atomic = (protocol: string, command: string, extra: object = {}) => parseScenario({ version: SCENARIO_VERSION, protocol, nodes: 4, actions: [{ at: 10, type: 'request', node: 1, command }], ...extra });

  it.each(['2pc', '3pc'])('%s takes transactions, with the participants that vote no', (protocol) => {
    expect(atomic(protocol, 'tx t1')).toMatchObject({ ok: true });
    expect(atomic(protocol, 'tx t2 no 3 4')).toMatchObject({ ok: true });
  });

  it.each([
    ['set x 1', 'actions[0].command: expected "tx <id>", optionally "on <key>,..." and "no <participant>...", found "set x 1"'],
    ['tx t1 no 1', 'actions[0].command: expected participants from 2 to 4 after "no", found 1'],
    ['tx t1 no 7', 'actions[0].command: expected participants from 2 to 4 after "no", found 7'],
  ])('refuses %j with a clear error', (command, error) => {
    expect(atomic('2pc', command)).toEqual({ ok: false, errors: [error] });
  });

  it('knows each protocol\'s mutants and pseudocode lines', () => {
    expect(atomic('2pc', 'tx t1', { bugs: ['sendDecisionBeforeLog'], narration: [{ at: 0, text: 'x', lines: ['decide.log'] }] })).toMatchObject({ ok: true });
    expect(atomic('3pc', 'tx t1', { bugs: ['sendDecisionBeforeLog'] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^bugs\[0\]: expected one of forgetVoteOnRestart, /)] });
    expect(atomic('2pc', 'tx t1', { narration: [{ at: 0, text: 'x', lines: ['termDecide.commit'] }] })).toMatchObject({ ok: false });
  });
});

describe('scenario validation', () => {
  it('fills every default from the minimal scenario', () => {
    const r = parseScenario(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toEqual({
      ...base, seed: 1, timing: DEFAULT_TIMING, network: { dropRate: 0, duplicateRate: 0 },
      options: { noopOnElection: true, backoff: true }, bugs: [], actions: [], narration: [],
    });
  });

  it('accepts the full example of the format', () => {
    const r = parseScenario({
      ...base, title: 'optional', seed: 1, timing: DEFAULT_TIMING, network: { dropRate: 0, duplicateRate: 0 },
      options: { noopOnElection: false }, bugs: [],
      actions: [
        { at: 1000, type: 'crash', node: 1 }, { at: 1500, type: 'recover', node: 1 },
        { at: 2000, type: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 2500, type: 'heal' },
        { at: 2600, type: 'cut', from: 1, to: 2 }, { at: 2700, type: 'restore', from: 1, to: 2 },
        { at: 3000, type: 'request', node: 3, command: 'set x 1' }, { at: 3100, type: 'timeout', node: 2 },
        { at: 3200, type: 'drop', message: 57 }, { at: 3300, type: 'network', dropRate: 0.2, duplicateRate: 0 },
      ],
      narration: [{ at: 1000, text: 'The leader crashes.' }],
    });
    expect(r).toMatchObject({ ok: true });
  });

  it.each([
    [{ ...base, nodes: 12 }, 'nodes: expected a whole number from 3 to 9, found 12'],
    [{ ...base, nodes: 4.5 }, 'nodes: expected a whole number from 3 to 9, found 4.5'],
    [{ ...base, seed: 'x' }, 'seed: expected a whole number from 0 to 4294967295, found "x"'],
    [{ ...base, network: { dropRate: 2 } }, 'network.dropRate: expected a probability from 0 to 1, found 2'],
    [{ ...base, timing: { latencyMn: 3 } }, 'timing.latencyMn: unknown field'],
    [{ ...base, protocol: 'zab' }, 'protocol: expected "raft", "paxos", "multipaxos", "2pc" or "3pc", found "zab"'],
    [{ ...base, actions: [{ at: 1, type: 'crash', node: 6 }] }, 'actions[0].node: expected a node id from 1 to 5, found 6'],
    [{ ...base, actions: [{ at: -1, type: 'heal' }] }, 'actions[0].at: expected a whole number from 0 to 100000000, found -1'],
    [{ ...base, speed: 0.3 }, 'speed: expected one of the speeds 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, found 0.3'],
    [{ ...base, actions: [{ at: 1, type: 'cut', from: 2, to: 2 }] }, 'actions[0].to: expected a node other than from (2), found 2'],
    [{ ...base, actions: [{ at: 1, type: 'request', node: 1, command: 'rm -rf' }] }, 'actions[0].command: expected "set <key> <value>" or "del <key>", found "rm -rf"'],
    [{ ...base, actions: [{ at: 1, type: 'partition', groups: [[1, 2], [2, 3]] }] }, 'actions[0].groups[1][0]: expected each node in one group only, found S2 twice'],
    [{ ...base, timing: { electionTimeoutMin: 300, electionTimeoutMax: 200 } }, 'timing.electionTimeoutMax: expected at least electionTimeoutMin (300), found 200'],
    [{ ...base, bugs: ['teleport'] }, 'bugs[0]: expected one of doubleVote, skipLogUpToDateCheck, commitOldTermByCount, forgetVoteOnRestart, noStepDownOnHigherTerm, truncateOffByOne, minorityQuorum, forgetTermOnRestart, votedForNullOnly, noElectionTimerReset, readIndexSkipsHeartbeat, found "teleport"'],
    [{ ...base, version: 3 }, 'version: this scenario was made by a newer Quorum (format version 3); this one reads versions 1 to 2'],
    [[1, 2], '(scenario): expected a scenario object, found [1,2]'],
  ])('%j -> %s', (doc, message) => {
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(message);
  });

  // Issue 18: each of these was accepted.
  it.each<[unknown, string]>([
    ...['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((bug) => [
      { ...base, bugs: [bug] }, `bugs[0]: expected one of doubleVote, skipLogUpToDateCheck, commitOldTermByCount, forgetVoteOnRestart, noStepDownOnHigherTerm, truncateOffByOne, minorityQuorum, forgetTermOnRestart, votedForNullOnly, noElectionTimerReset, readIndexSkipsHeartbeat, found "${bug}"`,
    ] as [unknown, string]),
    [{ ...base, actions: [{ at: 500, type: 'network', latencyMin: 50 }] },
      'actions[0].latencyMin: expected at most the latency maximum in force at 500 ms (20), found 50'],
    // The maximum in force is the one an earlier action set, not the scenario's own.
    [{ ...base, actions: [{ at: 900, type: 'network', latencyMin: 70 }, { at: 100, type: 'network', latencyMax: 60 }] },
      'actions[0].latencyMin: expected at most the latency maximum in force at 900 ms (60), found 70'],
    [{ ...base, protocol: 'paxos', proposers: [1, 2, 1] }, 'proposers[2]: expected each node once, found S1 twice'],
    [{ ...base, proposers: [1, 2] }, 'proposers: only a Paxos scenario names its proposers (in raft the leader proposes), found [1,2]'],
    [{ ...base, protocol: 'multipaxos', proposers: [1] }, 'proposers: only a Paxos scenario names its proposers (in multipaxos the leader proposes), found [1]'],
    [{ ...base, timing: { heartbeatInterval: 1 }, network: { duplicateRate: 1 } },
      'timing.heartbeatInterval: expected at least 5 ms for 5 nodes with 100% duplication (at most 10,000 events per simulated second), found 1'],
    [{ ...base, timing: { heartbeatInterval: 3 }, actions: [{ at: 10, type: 'network', duplicateRate: 0.5 }] },
      'timing.heartbeatInterval: expected at least 4 ms for 5 nodes with 50% duplication (at most 10,000 events per simulated second), found 3'],
  ])('rejects %j: %s', (doc, message) => {
    const r = parseScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(message);
  });

  it('accepts a latency change within the bounds in force, and a fast but modest cluster', () => {
    expect(parseScenario({ ...base, actions: [{ at: 100, type: 'network', latencyMax: 80 }, { at: 200, type: 'network', latencyMin: 70 }] }).ok).toBe(true);
    expect(parseScenario({ ...base, nodes: 3, timing: { heartbeatInterval: 1, electionTimeoutMin: 5, electionTimeoutMax: 10, latencyMin: 1, latencyMax: 1 } }).ok).toBe(true);
    expect(parseScenario({ ...base, protocol: 'paxos', proposers: [1, 3] }).ok).toBe(true);
  });

  it('an unknown action type says which types exist', () => {
    const r = parseScenario({ ...base, actions: [{ at: 1, type: 'explode' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^actions\[0\]\.type: expected an action whose type is one of crash, recover/);
  });
});

describe('narration steps may name pseudocode lines', () => {
  it('accepts line ids of the scenario\'s protocol', () => {
    expect(parseScenario({ version: 1, protocol: 'raft', nodes: 3, narration: [{ at: 0, text: 'x', lines: ['voteRequest.grant'] }] }).ok).toBe(true);
  });

  it('names an unknown line id, and where it is', () => {
    const r = parseScenario({ version: 1, protocol: 'paxos', nodes: 3, narration: [{ at: 0, text: 'x', lines: ['voteRequest.grant'] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^narration\[0\]\.lines\[0\]: expected a line id of the paxos pseudocode \(such as "[a-zA-Z]+\.[a-zA-Z]+"\), found "voteRequest.grant"$/);
  });
});

describe('the network by hand: new action types', () => {
  it('accepts every choice the student can make, and manual delivery from the start', () => {
    const r = parseScenario({
      ...base, network: { manual: true },
      actions: [
        { at: 1, type: 'fire', node: 1, timer: 'election' }, { at: 2, type: 'deliver', message: 1 },
        { at: 3, type: 'hold', message: 2 }, { at: 4, type: 'release', message: 2 }, { at: 5, type: 'duplicate', message: 3 },
        { at: 6, type: 'pause', node: 2 }, { at: 7, type: 'resume', node: 2 }, { at: 8, type: 'drift', node: 3, rate: 1.5 },
        { at: 9, type: 'partition', groups: [[1], [2, 3], [4]] }, { at: 10, type: 'heal', nodes: [1] },
        { at: 11, type: 'network', manual: false },
      ],
    });
    expect(r).toMatchObject({ ok: true });
  });

  it.each([
    [{ type: 'fire', node: 1, timer: 'retry' }, 'actions[0].timer: expected one of the raft timers "election", "heartbeat", "transfer", found "retry"'],
    [{ type: 'fire', node: 6, timer: 'election' }, 'actions[0].node: expected a node id from 1 to 5, found 6'],
    [{ type: 'deliver', message: 0 }, `actions[0].message: expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, found 0`],
    [{ type: 'hold' }, 'actions[0].message: expected "message", found nothing'],
    [{ type: 'drift', node: 1, rate: 20 }, 'actions[0].rate: expected a clock rate from 0.1 to 10, found 20'],
    [{ type: 'pause', node: 7 }, 'actions[0].node: expected a node id from 1 to 5, found 7'],
    [{ type: 'heal', nodes: [2, 2] }, 'actions[0].nodes[1]: expected each node once, found S2 twice'],
    [{ type: 'heal', nodes: [] }, 'actions[0].nodes: expected at least one node, found []'],
    [{ type: 'network', manual: 'yes' }, 'actions[0].manual: expected true or false, found "yes"'],
    [{ type: 'teleport' }, 'actions[0].type: expected an action whose type is one of crash, recover, partition, heal, cut, restore, request, timeout, transfer, drop, network, invoke, deliver, hold, release, duplicate, fire, pause, resume, drift, pauseClient, resumeClient, found "teleport"'],
  ])('%o is refused: %s', (action, error) => {
    const r = parseScenario({ ...base, actions: [{ at: 1, ...action }] });
    expect(r).toEqual({ ok: false, errors: [error] });
  });
});
