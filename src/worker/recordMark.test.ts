import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/sim/types';
import { recordMark } from './recordMark';
import { laneMarkKind } from './spacetime';

const rec = (fields: Partial<TraceRecord<{ type: string }>>) => ({ kind: 'deliver', rule: 'raft.voteRequest', node: 1, ...fields }) as TraceRecord<{ type: string }>;
const applied = [{ index: 0, command: 'set x 1' }];

describe('what an event marks, for the timeline and the lanes alike', () => {
  it.each([
    ['an election timeout', rec({ rule: 'raft.electionTimeout' }), 'election', 'election'],
    ['a Multi-Paxos prepare', rec({ rule: 'multipaxos.prepare' }), 'election', 'election'],
    ['a new Raft leader', rec({ rule: 'raft.becomeLeader' }), 'leader', 'leader'],
    ["the Raft leader's commit", rec({ rule: 'raft.logResponse', applied }), 'commit', 'commit'],
    ['a Raft follower applying', rec({ rule: 'raft.logRequest', applied }), 'apply', 'commit'],
    ['a Multi-Paxos decision applied', rec({ rule: 'multipaxos.decide', applied }), 'commit', 'commit'],
    ['a Paxos learner learning', rec({ rule: 'paxos.learn' }), 'commit', 'commit'],
    ["a client's request", rec({ kind: 'action', rule: 'user.request', action: { at: 1, type: 'request', node: 1, command: 'set x 1' } }), 'request', 'request'],
    ['a refused request', rec({ kind: 'refused', rule: 'user.request', action: { at: 1, type: 'request', node: 1, command: 'set x 1' } }), 'request', 'request'],
    ['a crash', rec({ kind: 'action', rule: 'user.crash', action: { at: 1, type: 'crash', node: 1 } }), 'crash', 'crash'],
    ['a refused crash', rec({ kind: 'refused', rule: 'user.crash', action: { at: 1, type: 'crash', node: 1 } }), null, null],
    ['a partition', rec({ kind: 'action', rule: 'user.heal', action: { at: 1, type: 'heal' } }), 'fault', null],
    ['a forced timeout', rec({ kind: 'action', rule: 'user.timeout', action: { at: 1, type: 'timeout', node: 1 } }), null, null],
    ['a vote', rec({}), null, null],
    ['a 2PC decision', rec({ rule: '2pc.decide' }), 'commit', 'commit'],
    ['a 3PC participant in doubt', rec({ rule: '3pc.inDoubt' }), 'blocked', null],
    ['a message delivered by hand', rec({ kind: 'deliver', rule: 'raft.voteRequest', action: { at: 1, type: 'deliver', message: 3 } }), null, null],
    ['a commit on a response delivered by hand', rec({ kind: 'deliver', rule: 'raft.logResponse', applied, action: { at: 1, type: 'deliver', message: 4 } }), 'commit', 'commit'],
    ['a process pause', rec({ kind: 'action', rule: 'user.pause', action: { at: 1, type: 'pause', node: 2 } }), 'fault', null],
  ] as const)('%s', (_, r, mark, lane) => {
    expect(recordMark(r)).toBe(mark);
    expect(laneMarkKind(r)).toBe(lane);
  });
});
