import { describe, expect, it } from 'vitest';
import { raft } from '../engine/raft';
import { Run } from '../engine/run';
import type { TraceRecord } from '../engine/sim/types';
import { toActions, toSimConfig } from '../scenario/config';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';
import { longestList } from './messageFields';
import { SpaceTimeLog, type SpaceTimeQuery } from './spacetime';

function scenario(fields: Record<string, unknown> = {}): Scenario {
  const r = parseScenario({ version: 1, protocol: 'raft', nodes: 5, seed: 7, ...fields });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** The same run replayed on its own, every trace record kept: what the diagram must agree with. */
function records(s: Scenario, until: number): TraceRecord<{ type: string }>[] {
  const run = new Run(toSimConfig(s), toActions(s));
  const out: TraceRecord<{ type: string }>[] = [];
  run.sim.onEvent((r) => out.push(r));
  run.runUntil(until);
  return out;
}

const whole = (to: number, axis: SpaceTimeQuery['axis'] = 'time'): SpaceTimeQuery => ({ axis, from: 0, to, limit: 100_000 });

describe('space-time log: every message from send to its end', () => {
  const s = scenario({
    network: { dropRate: 0.2, duplicateRate: 0.2 },
    actions: [{ at: 400, type: 'crash', node: 2 }, { at: 700, type: 'recover', node: 2 }, { at: 500, type: 'request', node: 3, command: 'set x 1' }],
  });

  it('matches the trace: deliveries, losses, sends, and what is in flight at the playhead', () => {
    const c = new Controller(s);
    // A moment with messages on the wire.
    let now = 900;
    for (c.seekTime(now); c.snapshot().messages.every((m) => m.lostAt !== null); c.seekTime(++now)) { /* on */ }
    const w = c.spaceTimeWindow(whole(now));
    const recs = records(s, now);
    const ends = recs.filter((r) => r.msg !== undefined);
    const byId = new Map(w.arrows.map((a) => [a.id, a]));
    // Every finished message is an arrow ending at its record, delivered or lost as the trace says.
    for (const r of ends) {
      const a = byId.get(r.msg!.id)!;
      expect(a, `message ${r.msg!.id}`).toBeDefined();
      expect(a.end).toEqual({ t: r.t, seq: r.seq });
      expect(a.fate).toBe(r.kind === 'lost' || r.rule === 'user.drop' ? 'lost' : 'delivered');
      expect(recs[a.sent.seq - 1].t).toBe(a.sent.t);
      expect(a.sent.seq).toBeLessThan(a.end!.seq);
    }
    expect(ends.some((r) => r.kind === 'lost')).toBe(true);
    expect(w.arrows.some((a) => a.duplicateOf !== null)).toBe(true);
    const flying = w.arrows.filter((a) => a.fate === 'in-flight');
    expect(flying.map((a) => a.id)).toEqual(c.snapshot().messages.filter((m) => m.lostAt === null).map((m) => m.id));
    expect(flying.length + ends.length).toBe(w.arrows.length);
    for (const a of flying) {
      expect(a.end).toBeNull();
      expect(a.deliverAt).toBeGreaterThan(now);
    }
    expect(w.total).toBe(w.arrows.length);
  });

  it('marks crashes, recoveries, elections, leaders, commits and the client request on their lanes', () => {
    const c = new Controller(s);
    c.seekTime(900);
    const w = c.spaceTimeWindow(whole(900));
    const kinds = new Set(w.marks.map((m) => m.kind));
    for (const k of ['crash', 'recover', 'election', 'leader', 'commit', 'request'] as const) expect(kinds, k).toContain(k);
    expect(w.marks.find((m) => m.kind === 'request')).toMatchObject({ node: 3, t: 500, label: 'set x 1' });
    expect(w.down).toEqual([{ node: 2, from: { t: 400, seq: expect.any(Number) }, to: { t: 700, seq: expect.any(Number) } }]);
  });

  it('a window holds only what overlaps it, and nothing after the playhead', () => {
    const c = new Controller(s);
    c.seekTime(900);
    c.seekTime(450);
    const w = c.spaceTimeWindow({ axis: 'time', from: 300, to: 2000, limit: 100_000 });
    expect(w.now.t).toBe(450);
    for (const a of w.arrows) {
      expect(a.sent.t).toBeLessThanOrEqual(450);
      expect(a.end === null ? a.deliverAt : a.end.t).toBeGreaterThanOrEqual(300);
      if (a.end !== null) expect(a.end.t).toBeLessThanOrEqual(450);
    }
    // Node 2 crashed at 400 and has not recovered yet at 450.
    expect(w.down).toEqual([{ node: 2, from: expect.objectContaining({ t: 400 }), to: null }]);
    expect(w.marks.every((m) => m.t >= 300 && m.t <= 450)).toBe(true);
  });

  it('in event order the window is a range of events', () => {
    const c = new Controller(s);
    c.seekTime(900);
    const w = c.spaceTimeWindow({ axis: 'events', from: 100, to: 150, limit: 100_000 });
    expect(w.arrows.length).toBeGreaterThan(0);
    for (const a of w.arrows) {
      expect(a.sent.seq).toBeLessThanOrEqual(150);
      expect(a.end?.seq ?? Infinity).toBeGreaterThanOrEqual(100);
    }
  });

  it('a heal restores every cut link, as the simulator\'s heal does: no link stays tinted as cut after it', () => {
    const c = new Controller(scenario({ actions: [{ at: 100, type: 'cut', from: 1, to: 2 }, { at: 100, type: 'partition', groups: [[1], [2, 3, 4, 5]] }, { at: 200, type: 'heal' }] }));
    c.seekTime(300);
    expect(c.spaceTimeWindow(whole(300)).network.map((n) => [n.groups, n.cuts])).toEqual([[null, []], [null, ['1>2']], [[[1], [2, 3, 4, 5]], ['1>2']], [null, []]]);
  });

  it('acting in the past forgets the discarded future', () => {
    const c = new Controller(s);
    c.seekTime(900);
    c.seekTime(300);
    c.act({ type: 'partition', groups: [[1, 2], [3, 4, 5]] });
    c.seekTime(900);
    const w = c.spaceTimeWindow(whole(900));
    const recs = records(c.scenario(), 900);
    const ends = new Map(recs.filter((r) => r.msg !== undefined).map((r) => [r.msg!.id, r]));
    for (const a of w.arrows.filter((x) => x.end !== null)) expect(a.end!.seq).toBe(ends.get(a.id)!.seq);
    expect(w.arrows.filter((x) => x.end !== null)).toHaveLength(ends.size);
    expect(w.network.map((n) => n.groups)).toEqual([null, [[1, 2], [3, 4, 5]]]);
  });

  it('thins a crowded window to the limit, and says how many it holds', () => {
    const c = new Controller(s);
    c.seekTime(900);
    const w = c.spaceTimeWindow({ ...whole(900), limit: 50 });
    expect(w.arrows.length).toBeLessThanOrEqual(50);
    expect(w.total).toBeGreaterThan(100);
  });
});

describe('space-time log: what a long run costs it', () => {
  // S2 is down while five commands are committed: on its return the leader's LogRequests carry a long suffix.
  const s = scenario({
    actions: [{ at: 400, type: 'crash', node: 2 },
      ...Array.from({ length: 12 }, (_, i) => ({ at: 500 + i * 20, type: 'request', node: 1 + (i % 5), command: `set k${i} ${i}` })),
      { at: 1200, type: 'recover', node: 2 }],
  });

  it('keeps a finished message as the engine made it: its sentence is made only for the arrows a window returns', () => {
    const recs = records(s, 2000);
    let described = 0;
    const log = new SpaceTimeLog((m) => {
      described++;
      return raft.describe(m as Parameters<typeof raft.describe>[0]);
    });
    let next = 1;
    for (const r of recs) {
      if (r.msg !== undefined) next = Math.max(next, r.msg.id + 1);
      log.record(r, next);
    }
    const ended = recs.filter((r) => r.msg !== undefined);
    const long = ended.filter((r) => longestList(r.msg!.msg) > 8);
    expect(ended.length).toBeGreaterThan(300);
    expect(long.length).toBeGreaterThan(0);
    // Only a message carrying a long list is described at once, so that keeping it keeps no list.
    expect(described).toBe(long.length);
    described = 0;
    const now = { t: recs.at(-1)!.t, seq: recs.at(-1)!.seq };
    const w = log.query({ ...whole(now.t), limit: 40 }, now, [], 5);
    expect(w.total).toBe(ended.length);
    expect(w.arrows).toHaveLength(40);
    expect(described).toBeLessThanOrEqual(40);
    // Made late, the sentences and fields are the ones the message had.
    const all = log.query(whole(now.t), now, [], 5);
    const byId = new Map(ended.map((r) => [r.msg!.id, r.msg!]));
    for (const a of all.arrows) {
      const env = byId.get(a.id)!;
      expect(a.label).toBe(raft.describe(env.msg as Parameters<typeof raft.describe>[0]));
      expect(a).toMatchObject({ from: env.from, to: env.to, type: env.msg.type, sent: { t: env.sentAt }, deliverAt: env.deliverAt, duplicateOf: env.duplicateOf });
    }
    expect(all.arrows.some((a) => typeof a.fields.suffix === 'number' && a.fields.suffix > 8)).toBe(true);
    // A commit's label is made from its entries, counted from 1.
    const commits = recs.filter((r) => r.applied !== undefined && r.node !== null);
    const labels = all.marks.filter((m) => m.kind === 'commit').map((m) => [m.seq, m.label]);
    expect(labels).toEqual(commits.map((r) => {
      const first = r.applied![0].index + 1;
      const last = r.applied!.at(-1)!.index + 1;
      return [r.seq, `commit ${first === last ? first : `${first}–${last}`}`];
    }));
  });
});
