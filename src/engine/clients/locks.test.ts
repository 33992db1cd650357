import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { toActions, toSimConfig } from '../../scenario/config';
import type { ScenarioInput } from '../../scenario/schema';
import { Run } from '../run';
import { operationText } from '../linearizability/history';
import { lockStep } from './locks';
import { applyEntry, EMPTY_MACHINE, type Machine } from './machine';
import { operationsOf } from './operations';
import { EMPTY_STORAGE, storageWrite } from './storage';

function open(doc: Partial<ScenarioInput>): Run {
  const parsed = parseScenario({ version: 2, protocol: 'raft', nodes: 5, seed: 4, ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
}

const history = (run: Run) => operationsOf(run.sim.world.clients!.history).map((o) => `c${o.client} ${operationText(o)}`);

describe('the lock service in the state machine', () => {
  it('an acquire that succeeds answers its log index, the fencing token; the lease is judged by the leader\'s stamp', () => {
    let m: Machine = EMPTY_MACHINE;
    const apply = (command: string, index: number) => {
      const r = applyEntry(m, command, index);
      m = r.machine;
      return r.reply;
    };
    expect(apply('c1#1 acquire L 300 @100', 2)).toEqual({ kind: 'ok', value: '2' });
    expect(m.locks.L).toEqual({ client: 1, token: 2, until: 400 });
    // Inside client 1's lease (399 < 400): refused, whatever time a replica applies it at.
    expect(apply('c2#1 acquire L 300 @399', 3)).toEqual({ kind: 'fail', error: 'L is held by client 1 (token 2) until 400' });
    // At the lease's end it is free: client 2 takes it with a higher token.
    expect(apply('c2#2 acquire L 300 @400', 4)).toEqual({ kind: 'ok', value: '4' });
    expect(m.locks.L).toEqual({ client: 2, token: 4, until: 700 });
    // Client 1 cannot release what it no longer holds; client 2 can, and then anyone may take it.
    expect(apply('c1#2 release L', 5)).toEqual({ kind: 'fail', error: 'client 1 does not hold L' });
    expect(apply('c2#3 release L', 6)).toEqual({ kind: 'ok' });
    expect(m.locks).toEqual({});
    expect(apply('c1#3 acquire L 50 @450', 7)).toEqual({ kind: 'ok', value: '7' });
    // Another lock is another lock.
    expect(apply('c2#4 acquire M 50 @450', 8)).toEqual({ kind: 'ok', value: '8' });
  });

  it('exactly once: a retried acquire that reaches the log twice keeps its first token and takes no second one', () => {
    const once = applyEntry(EMPTY_MACHINE, 'c1#1 acquire L 300 @100', 2);
    const again = applyEntry(once.machine, 'c1#1 acquire L 300 @180', 3);
    expect(again.reply).toEqual({ kind: 'ok', value: '2' });
    expect(again.machine).toBe(once.machine);
  });

  it('an acquire without the leader\'s stamp, or a lock command with no client, changes nothing', () => {
    expect(applyEntry(EMPTY_MACHINE, 'c1#1 acquire L 300', 1).reply).toEqual({ kind: 'fail', error: 'the acquire carries no time to start its lease' });
    expect(applyEntry(EMPTY_MACHINE, 'acquire L 300', 1).machine).toBe(EMPTY_MACHINE);
  });

  it('property: tokens of successful acquires only grow, and no two clients hold a lock at one stamped moment', () => {
    const cmd = fc.record({ client: fc.integer({ min: 1, max: 3 }), release: fc.boolean(), lease: fc.integer({ min: 1, max: 200 }), dt: fc.integer({ min: 0, max: 150 }) });
    fc.assert(fc.property(fc.array(cmd, { maxLength: 40 }), (cmds) => {
      let locks = {};
      let at = 0;
      let last = 0;
      const spans: { client: number; from: number; to: number }[] = [];
      cmds.forEach((c, i) => {
        at += c.dt;
        const r = lockStep(locks, c.client, c.release ? { f: 'release', key: 'L' } : { f: 'acquire', key: 'L', lease: c.lease }, i + 1, at);
        locks = r.locks;
        if (!c.release && r.reply.kind === 'ok') {
          expect(Number(r.reply.value)).toBeGreaterThan(last);
          last = Number(r.reply.value);
          const mine = spans.at(-1);
          // A holder's renewal, or a release, ends the previous span early.
          if (mine !== undefined && mine.to > at) mine.to = at;
          spans.push({ client: c.client, from: at, to: at + c.lease });
        }
        if (c.release && r.reply.kind === 'ok') spans.at(-1)!.to = at;
      });
      for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBeGreaterThanOrEqual(spans[i - 1].to);
    }), { numRuns: 300 });
  });
});

describe('the storage node', () => {
  it('with fencing, rejects a token lower than the highest it accepted; equal and higher pass', () => {
    let s = storageWrite(EMPTY_STORAGE, { fencing: true }, 1, 'x', '1', 2).storage;
    expect(storageWrite(s, { fencing: true }, 1, 'x', '9', 2).accepted).toBe(true);
    s = storageWrite(s, { fencing: true }, 2, 'x', '2', 4).storage;
    const late = storageWrite(s, { fencing: true }, 1, 'x', '3', 2);
    expect([late.accepted, late.storage]).toEqual([false, s]);
    expect(s).toEqual({ kv: { x: { value: '2', client: 2, token: 4 } }, highest: 4, stale: [], writes: 2 });
  });

  it('without fencing, accepts the stale write and records it for the fencing check', () => {
    let s = storageWrite(EMPTY_STORAGE, { fencing: false }, 2, 'x', '2', 4).storage;
    s = storageWrite(s, { fencing: false }, 1, 'x', '3', 2).storage;
    expect(s.kv.x).toEqual({ value: '3', client: 1, token: 2 });
    expect(s.stale).toEqual([{ client: 1, key: 'x', value: '3', token: 2, highest: 4 }]);
  });
});

/** Client 1 takes L for 300 ms and writes; it pauses past its lease; client 2 takes L and writes; client 1 resumes and writes. */
const pausedHolder = (fencing: boolean): Partial<ScenarioInput> => ({
  clients: { count: 2, tries: 6 }, storage: { fencing },
  actions: [
    { at: 10, type: 'timeout', node: 1 },
    { at: 150, type: 'invoke', client: 1, op: 'acquire L 300', node: 1 },
    { at: 250, type: 'invoke', client: 1, op: 'write x 1' },
    { at: 300, type: 'pauseClient', client: 1 },
    { at: 600, type: 'invoke', client: 2, op: 'acquire L 300', node: 1 },
    { at: 700, type: 'invoke', client: 2, op: 'write x 2' },
    { at: 850, type: 'resumeClient', client: 1 },
    { at: 851, type: 'invoke', client: 1, op: 'write x 3' },
  ],
});

describe('fencing in a run', () => {
  it('the storage node rejects the paused holder\'s write; with the check off it lands and the fencing check fails (the mutant)', () => {
    const on = open(pausedHolder(true));
    on.runUntil(1000);
    expect(history(on)).toEqual(['c1 acquire L 300 → 2', 'c1 write x 1 → ok', 'c2 acquire L 300 → 3', 'c2 write x 2 → ok', 'c1 write x 3 → failed']);
    expect(on.violations).toEqual([]);
    const off = open(pausedHolder(false));
    off.runUntil(1000);
    expect(history(off).at(-1)).toBe('c1 write x 3 → ok');
    expect(off.violations.map((v) => [v.predicate, v.text])).toEqual([['fencing',
      'the storage node accepted "write x 3" from client 1 with token 2, after it had accepted token 3: a write with a stale token']]);
    expect(off.predicates.fencing).toMatch(/never accepts a write whose fencing token is lower/);
  });

  it('the storage node\'s answer says when it was sent: at the event that took the write, however late it reaches its client', () => {
    const run = open(pausedHolder(true));
    const took: { t: number; seq: number }[] = [];
    const answers: { t: number; seq: number; arrived: number }[] = [];
    run.sim.onEvent((rec) => {
      if (rec.rule === 'storage.accept' || rec.rule === 'storage.reject') took.push({ t: rec.t, seq: rec.seq });
      if (rec.client?.kind === 'stored') answers.push({ t: rec.client.sentAt, seq: rec.client.sentSeq, arrived: rec.t });
    });
    run.runUntil(1000);
    expect(took).toHaveLength(3);
    expect(answers.map(({ t, seq }) => ({ t, seq }))).toEqual(took);
    for (const a of answers) expect(a.arrived).toBeGreaterThan(a.t);
  });

  it('Multi-Paxos gives the same service for free: the token is the acquire\'s slot, and the stale write is rejected or, unchecked, caught', () => {
    const on = open({ protocol: 'multipaxos', ...pausedHolder(true) });
    on.runUntil(1000);
    expect(history(on)).toEqual(['c1 acquire L 300 → 1', 'c1 write x 1 → ok', 'c2 acquire L 300 → 2', 'c2 write x 2 → ok', 'c1 write x 3 → failed']);
    expect(on.violations).toEqual([]);
    const off = open({ protocol: 'multipaxos', ...pausedHolder(false) });
    off.runUntil(1000);
    expect(off.violations.map((v) => v.predicate)).toEqual(['fencing']);
  });

  it('a paused client hears nothing until it resumes: its reply waits, and so does its timeout', () => {
    const run = open({ clients: { count: 1, timeout: 100 }, actions: [
      { at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'acquire L 300', node: 1 },
      { at: 151, type: 'pauseClient', client: 1 }, { at: 900, type: 'resumeClient', client: 1 },
    ] });
    run.runUntil(899);
    expect(history(run)).toEqual(['c1 acquire L 300 → ?']);
    expect(run.sim.world.clients!.clients[1].busy?.attempt).toBe(1);
    run.runUntil(950);
    expect(history(run)).toEqual(['c1 acquire L 300 → 2']);
  });

  it('refuses what a client cannot do: a write without a token, an operation while paused, pausing twice', () => {
    const run = open({ clients: { count: 2 }, storage: {}, actions: [
      { at: 5, type: 'invoke', client: 1, op: 'write x 1' }, { at: 6, type: 'pauseClient', client: 2 },
      { at: 7, type: 'pauseClient', client: 2 }, { at: 8, type: 'invoke', client: 2, op: 'get x' }, { at: 9, type: 'resumeClient', client: 1 },
    ] });
    const refused: string[] = [];
    run.sim.onEvent((rec) => { if (rec.kind === 'refused') refused.push(rec.text()); });
    run.runUntil(10);
    expect(refused).toEqual([
      'Client 1 holds no fencing token: it must acquire a lock before "write x 1"',
      'Client 2 is already paused',
      'Client 2 is paused and cannot start "get x"',
      'Client 1 is not paused',
    ]);
  });
});

describe('bad input about locks and the storage node', () => {
  const errors = (doc: Record<string, unknown>) => {
    const p = parseScenario({ version: 2, protocol: 'raft', nodes: 3, ...doc });
    return p.ok ? [] : p.errors;
  };
  it.each([
    [{ clients: {}, actions: [{ at: 0, type: 'invoke', client: 1, op: 'acquire L 0' }] }, 'a lease is a whole number of ms above 0'],
    [{ clients: {}, actions: [{ at: 0, type: 'invoke', client: 1, op: 'acquire L -5' }] }, 'a lease is a whole number of ms above 0'],
    [{ clients: {}, actions: [{ at: 0, type: 'invoke', client: 2, op: 'acquire L 100' }] }, 'actions[0].client: expected a client from 1 to 1, found 2'],
    [{ clients: { count: 2 }, actions: [{ at: 0, type: 'invoke', client: 3, op: 'release L' }] }, 'actions[0].client: expected a client from 1 to 2, found 3'],
    [{ actions: [{ at: 0, type: 'invoke', client: 1, op: 'acquire L 100' }] }, 'actions[0].client: the scenario has no clients (add "clients": { "count": 1 })'],
    [{ clients: {}, actions: [{ at: 0, type: 'invoke', client: 1, op: 'write x 1' }] }, 'actions[0].op: "write x 1" writes to the storage node, and the scenario has none (add "storage": {})'],
    [{ storage: {} }, 'storage: the storage node takes writes from clients holding a lock, and this raft scenario has no clients (add "clients": { "count": 2 } to a raft or multipaxos scenario)'],
    [{ protocol: '2pc', nodes: 3, storage: { fencing: false } }, 'storage: the storage node takes writes from clients holding a lock, and this 2pc scenario has no clients (add "clients": { "count": 2 } to a raft or multipaxos scenario)'],
    [{ clients: {}, storage: { fencing: 'no' } }, 'storage.fencing: expected true or false'],
    [{ clients: {}, storage: { check: true } }, 'storage.check'],
    [{ clients: { count: 2 }, actions: [{ at: 0, type: 'pauseClient', client: 3 }] }, 'actions[0].client: expected a client from 1 to 2, found 3'],
    [{ actions: [{ at: 0, type: 'resumeClient', client: 1 }] }, 'actions[0].client: the scenario has no clients (add "clients": { "count": 1 })'],
  ])('%j -> %s', (doc, message) => {
    expect(errors(doc).some((e) => e.includes(message)), errors(doc).join('\n')).toBe(true);
  });
});
