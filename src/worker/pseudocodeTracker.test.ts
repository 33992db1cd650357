import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from '../scenario/config';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';

function scenario(fields: Record<string, unknown> = {}): Scenario {
  const r = parseScenario({ version: 1, protocol: 'raft', nodes: 5, seed: 7, ...fields });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** Every event of a fresh run of the scenario that ran `line`, with its node. */
function eventsRunning(s: Scenario, line: string, until: number): { seq: number; node: number }[] {
  const run = new Run(toSimConfig(s), toActions(s));
  const found: { seq: number; node: number }[] = [];
  run.sim.onEvent((rec) => { if (rec.lines?.some((l) => l.id === line)) found.push({ seq: rec.seq, node: rec.node! }); });
  run.runUntil(until);
  return found;
}

describe('controller: the pseudocode panel\'s data', () => {
  it('shows the latest handler run at or before now, and stepping or seeking back restores it exactly', () => {
    const c = new Controller(scenario());
    // From before the servers' initialisations, which opening has run.
    c.seekEvent(0);
    const views: string[] = [];
    for (let i = 0; i < 700; i++) {
      const code = c.snapshot().code!;
      if (code.current !== null) expect(code.current.seq).toBeLessThanOrEqual(c.events);
      views.push(JSON.stringify(code));
      c.stepForward();
    }
    for (const i of [699, 5, 300, 256, 257, 511, 0, 42]) {
      c.seekEvent(i);
      expect(JSON.stringify(c.snapshot().code), `event ${i}`).toBe(views[i]);
    }
    c.seekEvent(400);
    c.stepBack();
    expect(JSON.stringify(c.snapshot().code)).toBe(views[399]);
  });

  it('the current event\'s lines carry their values: S1 votes in term 1', () => {
    const c = new Controller(scenario());
    while (c.snapshot().code?.current?.rule !== 'raft.voteRequest') c.stepForward();
    const run = c.snapshot().code!.current!;
    expect(run.lines.map((l) => l.id)).toContain('voteRequest.grantIf');
    expect(run.lines.find((l) => l.id === 'voteRequest.newer')!.values).toEqual(['cTerm 1 > currentTerm 0']);
  });

  it('each line comes once, in the order lines first ran, with its distinct values: a leader replicating to each follower', () => {
    const s = scenario();
    const run = new Run(toSimConfig(s), toActions(s));
    let raw: { id: string; value: string | null }[] | null = null;
    let seq = -1;
    run.sim.onEvent((rec) => {
      if (raw !== null || rec.lines === undefined) return;
      const ids = rec.lines.map((l) => l.id);
      if (new Set(ids).size < ids.length) {
        raw = rec.lines.map((l) => ({ id: l.id, value: l.value === null ? null : l.value() }));
        seq = rec.seq;
      }
    });
    run.runUntil(3000);
    expect(raw, 'an event that ran a line more than once').not.toBeNull();
    const c = new Controller(s);
    c.seekEvent(seq);
    const shown = c.snapshot().code!.current!;
    expect(shown.seq).toBe(seq);
    const ids = [...new Set(raw!.map((l) => l.id))];
    expect(shown.lines.map((l) => l.id)).toEqual(ids);
    for (const line of shown.lines) {
      expect(line.values).toEqual([...new Set(raw!.filter((l) => l.id === line.id && l.value !== null).map((l) => l.value))]);
    }
    expect(shown.lines.some((l) => l.values.length > 1), 'some line shows more than one value').toBe(true);
  });

  it('a delta snapshot carries the panel\'s data only when it changed', () => {
    const c = new Controller(scenario());
    c.stepForward();
    expect(c.snapshot(true).code).not.toBeNull();
    expect(c.snapshot(true).code).toBeNull();
    c.stepForward();
    expect(c.snapshot(true).code).not.toBeNull();
  });

  it('seekLine goes to the previous and next event that ran a line, on any node or on one', () => {
    const s = scenario();
    const grants = eventsRunning(s, 'logRequest.yes', 3000);
    expect(grants.length).toBeGreaterThan(10);
    const c = new Controller(s);
    c.seekTime(3000);
    c.seekEvent(0);
    expect(c.seekLine('logRequest.yes', 'next', null)).toBeNull();
    expect(c.events).toBe(grants[0].seq);
    expect(c.seekLine('logRequest.yes', 'next', null)).toBeNull();
    expect(c.events).toBe(grants[1].seq);
    expect(c.seekLine('logRequest.yes', 'previous', null)).toBeNull();
    expect(c.events).toBe(grants[0].seq);
    const node = grants[2].node;
    const onNode = grants.filter((g) => g.node === node);
    c.seekEvent(0);
    c.seekLine('logRequest.yes', 'next', node);
    expect(c.events).toBe(onNode[0].seq);
    expect(c.snapshot().code!.current!.node).toBe(node);
    expect(c.seekLine('logRequest.yes', 'previous', node)).toMatch(/^No earlier event on S\d ran that line/);
    expect(c.events).toBe(onNode[0].seq);
  });

  it('next looks beyond the run computed so far, and finds the same event a fresh run does', () => {
    const s = scenario();
    const c = new Controller(s);
    expect(c.seekLine('logRequest.yes', 'next', 4)).toBeNull();
    expect(c.events).toBe(eventsRunning(s, 'logRequest.yes', 3000).find((g) => g.node === 4)!.seq);
    expect(c.seekLine('voteRequest.grantIf', 'next', 9)).toMatch(/^No event on S9 runs that line in the next 20,000 events/);
  });

  it('acting in the past forgets the runs of the discarded future', () => {
    const c = new Controller(scenario());
    c.seekTime(3000);
    c.seekEvent(5);
    c.act({ type: 'crash', node: 3 });
    const at = c.events;
    expect(c.seekLine('voteRequest.grant', 'next', null)).toBeNull();
    // The first grant of the new timeline, not the one the discarded future had.
    expect(c.events).toBe(eventsRunning(c.scenario(), 'voteRequest.grant', 3000).find((g) => g.seq > at)!.seq);
  });
});
