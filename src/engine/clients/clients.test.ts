import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { toActions, toSimConfig } from '../../scenario/config';
import { splitBrain } from '../../scenario/clientLessons';
import type { ScenarioInput } from '../../scenario/schema';
import { Run } from '../run';
import type { RaftState } from '../raft/types';
import { ClientLayer } from './layer';
import { applyEntry, EMPTY_MACHINE } from './machine';
import { READ_PATHS } from './types';
import { operationsOf } from './operations';
import { operationText } from '../linearizability/history';

function open(doc: Partial<ScenarioInput>): Run {
  const parsed = parseScenario({ version: 2, protocol: 'raft', nodes: 5, seed: 4, ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
}

function history(run: Run): string[] {
  return operationsOf(run.sim.world.clients!.history).map((o) => `c${o.client} ${operationText(o)}`);
}

/** S1 leads term 1; at 300 it is cut off with S2, and {S3, S4, S5} elect S4 (the client lessons' split brain). */
const split = (reads: string): Partial<ScenarioInput> => splitBrain({ reads: reads as 'log', healAt: 1500 });

describe('the state machine applies each (client, seq) once', () => {
  it('a retried command that reaches the log twice takes effect once, and both copies answer the same', () => {
    const once = applyEntry(EMPTY_MACHINE, 'c1#1 incr n', 1);
    const twice = applyEntry(once.machine, 'c1#1 incr n', 1);
    expect(once.reply).toEqual({ kind: 'ok', value: '1' });
    expect(twice.machine.kv).toEqual({ n: '1' });
    expect(twice.reply).toEqual({ kind: 'ok', value: '1' });
    // An older sequence number than the last applied changes nothing and answers nobody.
    const next = applyEntry(twice.machine, 'c1#2 incr n', 1);
    expect(applyEntry(next.machine, 'c1#1 incr n', 1)).toMatchObject({ machine: next.machine, reply: null });
  });

  it('compare-and-set and increment-and-get answer with what they found', () => {
    let m = applyEntry(EMPTY_MACHINE, 'set x 1', 1).machine;
    expect(applyEntry(m, 'c1#1 cas x 2 3', 1).reply).toEqual({ kind: 'fail', error: 'x is 1, not 2' });
    m = applyEntry(m, 'c1#2 cas x 1 3', 1).machine;
    expect(m.kv.x).toBe('3');
    expect(applyEntry(m, 'c2#1 get x', 1).reply).toEqual({ kind: 'ok', value: '3' });
    expect(applyEntry(m, 'c2#1 get nothing', 1).reply).toEqual({ kind: 'ok', value: null });
    expect(applyEntry(applyEntry(m, 'set s word', 1).machine, 'c2#1 incr s', 2).reply).toEqual({ kind: 'fail', error: 's is word, not a number' });
  });
});

describe('clients in a Raft run', () => {
  it('follow a redirect to the leader, and read back what they wrote through the log', () => {
    const run = open({ clients: { count: 2 }, actions: [
      { at: 600, type: 'invoke', client: 1, op: 'set x 1', node: 1 },
      { at: 700, type: 'invoke', client: 2, op: 'get x' },
      { at: 900, type: 'invoke', client: 1, op: 'incr n' },
      { at: 1000, type: 'invoke', client: 2, op: 'cas x 1 2' },
      { at: 1300, type: 'invoke', client: 2, op: 'get x' },
    ] });
    const rules: string[] = [];
    run.sim.onEvent((rec) => { if (rec.kind === 'client') rules.push(rec.rule); });
    run.runUntil(2000);
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c2 get x → 1', 'c1 incr n → 1', 'c2 cas x 1 2 → ok', 'c2 get x → 2']);
    expect(rules).toContain('client.redirect');
    expect(run.safe).toBe(true);
  });

  it('retries are applied exactly once: a client that times out before the commit sends its increment again, and n is 1', () => {
    // The client gives up waiting after 25 ms, less than a commit takes, and tries again.
    const run = open({ clients: { count: 1, timeout: 25, tries: 6 }, actions: [{ at: 600, type: 'invoke', client: 1, op: 'incr n' }] });
    run.runUntil(1500);
    const leader = run.sim.nodes().find((n) => (n.state as RaftState).currentRole === 'leader')!;
    const log = (leader.state as RaftState).log.slice().map((e) => e.command).filter((c) => c.endsWith('incr n'));
    expect(log.length).toBeGreaterThan(1);
    expect(new Set(log)).toEqual(new Set(['c1#1 incr n']));
    expect(history(run)).toEqual(['c1 incr n → 1']);
    expect(run.sim.world.clients!.servers.slice(1).map((s) => s.machine.kv.n)).toEqual(['1', '1', '1', '1', '1']);
  });

  it('an operation whose outcome the client never learns is unknown; one every server refused is failed', () => {
    const run = open({ clients: { count: 2, tries: 2 }, actions: [
      // No leader yet: S1 and S2 turn the client away.
      { at: 0, type: 'invoke', client: 1, op: 'set x 1', node: 1 },
      { at: 700, type: 'crash', node: 3 }, { at: 700, type: 'crash', node: 4 },
      { at: 750, type: 'invoke', client: 2, op: 'set y 1', node: 3 },
    ] });
    run.runUntil(2000);
    expect(history(run)).toEqual(['c1 set x 1 → failed', 'c2 set y 1 → ?']);
  });

  it('a client still waiting cannot start another operation: the action is recorded as refused', () => {
    const run = open({ clients: { count: 1 }, actions: [
      { at: 600, type: 'invoke', client: 1, op: 'set x 1' }, { at: 601, type: 'invoke', client: 1, op: 'set x 2' },
    ] });
    const refused: string[] = [];
    run.sim.onEvent((rec) => { if (rec.kind === 'refused' && rec.rule === 'client.invoke') refused.push(rec.text()); });
    run.runUntil(1000);
    expect(refused).toEqual(['Client 1 is still waiting for "set x 1" and cannot start "set x 2"']);
  });
});

describe('read paths in a split brain', () => {
  const reads = (path: string, bugs: string[] = []) => {
    const run = open({ ...split(path), bugs });
    run.runUntil(3000);
    return run;
  };

  it.each(['leader', 'local'])('%s: the old leader answers from its own store, and the live check catches the stale read', (path) => {
    const run = reads(path);
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 1']);
    const v = run.violations.find((x) => x.predicate === 'linearizable')!;
    expect(v).toMatchObject({ key: 'x', operations: [1, 2, 3], stale: [3], t: 1130 });
  });

  it.each(['log', 'readIndex'])('%s: the old leader cannot answer; the read waits, tries elsewhere, and nothing stale is returned', (path) => {
    const run = reads(path);
    expect(run.violations).toEqual([]);
    const read = operationsOf(run.sim.world.clients!.history).find((o) => o.op.f === 'get')!;
    expect(read.outcome === 'ok' ? read.value : 'no value').not.toBe('1');
  });

  it('the mutant readIndexSkipsHeartbeat answers without the heartbeat round, and is caught', () => {
    expect(reads('readIndex', ['readIndexSkipsHeartbeat']).violations.map((v) => v.predicate)).toEqual(['linearizable']);
  });

  it('with more tries, a read index read reaches the new leader after the heal and returns the newest value', () => {
    const run = open(splitBrain({ reads: 'readIndex', tries: 6, healAt: 1500 }));
    run.runUntil(4000);
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok', 'c2 get x → 2']);
  });
});

describe('clients and time travel', () => {
  it('a restored checkpoint replays the same client history and trace hash', () => {
    const run = open({ ...split('leader') });
    run.runUntil(850);
    const cp = run.checkpoint();
    run.runUntil(3000);
    const hash = run.sim.traceHash;
    const seen = history(run);
    run.restore(cp);
    expect(history(run)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ?']);
    run.runUntil(3000);
    expect(run.sim.traceHash).toBe(hash);
    expect(history(run)).toEqual(seen);
    expect(run.violations.filter((v) => v.predicate === 'linearizable')).toHaveLength(1);
  });
});

describe('clients of Multi-Paxos', () => {
  it('write and read through the log; the leader-local read is stale in a split brain and caught', () => {
    const run = open({ protocol: 'multipaxos', ...split('log') });
    run.runUntil(3000);
    expect(run.violations).toEqual([]);
    expect(history(run).slice(0, 2)).toEqual(['c1 set x 1 → ok', 'c1 set x 2 → ok']);
    const stale = open({ protocol: 'multipaxos', ...split('leader') });
    stale.runUntil(3000);
    expect(stale.violations.map((v) => v.predicate)).toEqual(['linearizable']);
  });
});

describe('bad input about clients', () => {
  const errors = (doc: Record<string, unknown>) => {
    const p = parseScenario({ version: 2, protocol: 'raft', nodes: 3, ...doc });
    return p.ok ? [] : p.errors;
  };
  it.each([
    [{ actions: [{ at: 0, type: 'invoke', client: 1, op: 'get x' }] }, 'actions[0].client: the scenario has no clients (add "clients": { "count": 1 })'],
    [{ clients: { count: 2 }, actions: [{ at: 0, type: 'invoke', client: 3, op: 'get x' }] }, 'actions[0].client: expected a client from 1 to 2, found 3'],
    [{ clients: {}, actions: [{ at: 0, type: 'invoke', client: 1, op: 'fetch x' }] }, 'actions[0].op: expected "get <key>", "set <key> <value>", "del <key>", "cas <key> <old> <new>", "incr <key>", "acquire <lock> <lease ms>", "release <lock>" or "write <key> <value>", found "fetch x"'],
    [{ protocol: 'paxos', clients: {} }, 'clients: only a protocol that replicates the store has clients (raft or multipaxos), found "paxos"'],
    [{ clients: { reads: 'clock' } }, 'clients.reads: expected one of local, leader, log, readIndex, lease, found "clock"'],
    [{ protocol: 'multipaxos', clients: { reads: 'quorum' } }, 'clients.reads: expected one of local, leader, log, readIndex, lease, found "quorum"'],
  ])('%j -> %s', (doc, message) => {
    expect(errors(doc)).toContain(message);
  });

  it.each(['raft', 'multipaxos'])('%s offers every read path: a scenario naming any of them opens', (protocol) => {
    for (const reads of READ_PATHS) expect(errors({ protocol, clients: { reads } }), reads).toEqual([]);
  });

  it('a run built without validation, on a read path its protocol lacks, stops with a clear error', () => {
    expect(() => new ClientLayer({ count: 1, timeout: 100, tries: 1, reads: 'clock' as 'log' }, 'multipaxos', 3, [], 150))
      .toThrow('multipaxos has no read path "clock" (it has local, leader, log, readIndex, lease)');
  });
});
