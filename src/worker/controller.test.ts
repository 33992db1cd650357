import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Run } from '../engine/run';
import { Simulation } from '../engine/sim/simulation';
import { toActions, toSimConfig } from '../scenario/config';
import { LESSONS, lessonScenario } from '../scenario/lessons';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { Controller, MAX_MESSAGES_SHOWN } from './controller';
import type { NodeView, TraceView, UserAction } from './protocol';

function scenario(fields: Record<string, unknown> = {}): Scenario {
  const r = parseScenario({ version: 1, protocol: 'raft', nodes: 5, seed: 7, ...fields });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** The run a share link would reproduce: the controller's scenario, replayed from scratch to the same event. */
function replayed(c: Controller): { hash: string; events: number } {
  const s = c.scenario();
  const run = new Run(toSimConfig(s), toActions(s));
  while (run.sim.world.events < c.events && run.step() !== null) { /* replay */ }
  return { hash: run.sim.traceHash, events: run.sim.world.events };
}

const stateOf = (c: Controller) => JSON.stringify(c.snapshot().nodes.map((n) => [n.up, n.state, n.timers]));

describe('controller: stepping and seeking', () => {
  it('step back restores the exact earlier state, event by event', () => {
    const c = new Controller(scenario());
    // From before the servers' initialisations, which opening has run.
    c.seekEvent(0);
    const states: string[] = [];
    for (let i = 0; i < 600; i++) {
      states.push(stateOf(c));
      c.stepForward();
    }
    for (let i = 599; i >= 0; i -= 37) {
      c.seekEvent(i);
      expect(c.events).toBe(i);
      expect(stateOf(c)).toBe(states[i]);
    }
    c.seekEvent(600);
    c.stepBack();
    expect(stateOf(c)).toBe(states[599]);
  });

  it('seeking to a time runs every event at or before it and none after', () => {
    const c = new Controller(scenario());
    c.seekTime(2000);
    expect(c.snapshot().trace.list.at(-1)!.t).toBeLessThanOrEqual(2000);
    c.stepForward();
    expect(c.snapshot().trace.list.at(-1)!.t).toBeGreaterThan(2000);
  });

  it('seeking back and forth lands on the same run (same trace hash)', () => {
    const c = new Controller(scenario({ network: { dropRate: 0.1, duplicateRate: 0.1 } }));
    c.seekTime(5000);
    const hash = c.traceHash;
    c.seekTime(1200);
    c.seekTime(3100);
    c.seekTime(5000);
    expect(c.traceHash).toBe(hash);
  });

  it('playing advances virtual time by the amount asked, fractional display time included', () => {
    const c = new Controller(scenario());
    c.advance(10.5);
    expect(c.time).toBeCloseTo(10.5);
    expect(c.snapshot().time).toBeCloseTo(10.5);
  });
});

describe('controller: user actions', () => {
  it('records actions into the timeline; a replay of that scenario reproduces the live run', () => {
    const c = new Controller(scenario());
    c.seekTime(1000);
    c.act({ type: 'request', node: 2, command: 'set x 1' });
    c.advance(300);
    const leader = c.snapshot().nodes.find((n) => (n.state as { currentRole: string }).currentRole === 'leader')!;
    c.act({ type: 'crash', node: leader.id });
    c.advance(1500);
    expect(c.scenario().actions.map((a) => a.type)).toEqual(['request', 'crash']);
    expect(replayed(c)).toEqual({ hash: c.traceHash, events: c.events });
  });

  it('acting in the past discards the future and says so', () => {
    const c = new Controller(scenario({ actions: [{ at: 3000, type: 'crash', node: 1 }] }));
    c.seekTime(4000);
    c.seekTime(1000);
    const notice = c.act({ type: 'timeout', node: 3 });
    expect(notice).toMatch(/^You acted at 1\.000 s, before the end of the run: [\d,]+ later events and 1 later action were discarded\.$/);
    expect(c.scenario().actions).toEqual([{ at: 1001, type: 'timeout', node: 3 }]);
    expect(c.snapshot().frontier.events).toBe(c.events);
  });

  it('Undo takes back an action that discarded a lesson\'s later actions: its script whole, at the moment of acting', () => {
    const parsed = parseScenario(lessonScenario(LESSONS.find((l) => l.id === 'raft-replication')!));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const c = new Controller(parsed.scenario);
    const script = c.scenario().actions;
    const before = { time: c.time, hash: c.traceHash, state: stateOf(c) };
    expect(c.act({ type: 'crash', node: 1 })).toMatch(/later actions? (was|were) discarded/);
    expect(c.scenario().actions).not.toEqual(script);
    expect(c.undoDiscard()).toBeNull();
    expect(c.scenario().actions).toEqual(script);
    expect({ time: c.time, hash: c.traceHash, state: stateOf(c) }).toEqual(before);
    // Its narration runs as written again: Next reaches the next step's moment.
    expect(c.narrationNext()).toBe(true);
    // Only once, and only the latest action.
    expect(c.undoDiscard()).toMatch(/^Nothing to undo/);
  });

  it('an operation the run refuses discards nothing: a lesson\'s later actions stay, its refusal is recorded, and its claims still hold', () => {
    const lesson = LESSONS.find((l) => l.id === 'raft-fencing')!;
    const parsed = parseScenario(lessonScenario(lesson));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const end = Math.max(...parsed.scenario.narration.map((n) => n.at));
    const c = new Controller(parsed.scenario);
    c.seekTime(end);
    const judged = () => c.snapshot().claims!.flatMap((s) => s.results.map((r) => r.holds));
    expect(judged().every(Boolean)).toBe(true);
    c.seekTime(400);
    const script = c.scenario().actions;
    expect(c.act({ type: 'invoke', client: 1, op: 'frobnicate' })).toBeNull();
    expect(c.scenario().actions.filter((a) => !(a.type === 'invoke' && a.op === 'frobnicate'))).toEqual(script);
    expect(c.snapshot().trace.list.at(-1)).toMatchObject({ kind: 'refused', text: expect.stringMatching(/cannot send "frobnicate"/) });
    c.seekTime(end);
    expect(judged().every(Boolean)).toBe(true);
  });

  it('Undo is offered for the latest action only: one taken since, which discards nothing, ends the offer', () => {
    const c = new Controller(scenario({ actions: [{ at: 3000, type: 'crash', node: 1 }] }));
    c.seekTime(4000);
    c.seekTime(1000);
    c.act({ type: 'timeout', node: 3 });
    expect(c.act({ type: 'timeout', node: 2 })).toBeNull();
    expect(c.undoDiscard()).toMatch(/^Nothing to undo/);
    expect(c.scenario().actions).toHaveLength(2);
  });

  it('paused, an action takes effect at once', () => {
    const c = new Controller(scenario());
    c.seekTime(400);
    c.act({ type: 'crash', node: 3 });
    expect(c.snapshot().nodes[2].up).toBe(false);
    expect(c.time).toBe(401);
    expect(c.snapshot().trace.list.at(-1)!.text).toBe('S3 crashes: its volatile state and timers are lost');
  });

  it('acting at the end of the run discards nothing', () => {
    const c = new Controller(scenario());
    c.advance(500);
    expect(c.act({ type: 'timeout', node: 1 })).toBeNull();
  });

  it('quick actions between two frames are all kept: the present is not the future', () => {
    const c = new Controller(scenario());
    c.advance(500);
    expect(c.act({ type: 'request', node: 2, command: 'set x 1' })).toBeNull();
    expect(c.act({ type: 'request', node: 4, command: 'set x 2' })).toBeNull();
    c.advance(500);
    expect(c.scenario().actions.map((a) => a.type === 'request' && a.command)).toEqual(['set x 1', 'set x 2']);
    expect(replayed(c)).toEqual({ hash: c.traceHash, events: c.events });
  });

  it('property: any mix of play, step, seek and actions stays replayable from the shared scenario', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 700 }) }),
      fc.record({ op: fc.constant('step' as const), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ op: fc.constant('back' as const), n: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ op: fc.constant('seek' as const), t: fc.integer({ min: 0, max: 4000 }) }),
      fc.record({ op: fc.constant('act' as const), action: fc.oneof(
        fc.record({ type: fc.constant('crash' as const), node: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ type: fc.constant('recover' as const), node: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ type: fc.constant('timeout' as const), node: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ type: fc.constant('request' as const), node: fc.integer({ min: 1, max: 5 }), command: fc.constant('set x 1') }),
        fc.record({ type: fc.constant('partition' as const), groups: fc.constant([[1, 2]]) }),
        fc.record({ type: fc.constant('heal' as const) }),
      ) as fc.Arbitrary<UserAction> }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
      const c = new Controller(scenario({ network: { dropRate: 0.05, duplicateRate: 0.05 } }));
      for (const o of ops) {
        if (o.op === 'advance') c.advance(o.ms);
        else if (o.op === 'step') for (let i = 0; i < o.n; i++) c.stepForward();
        else if (o.op === 'back') for (let i = 0; i < o.n; i++) c.stepBack();
        else if (o.op === 'seek') c.seekTime(o.t);
        else c.act(o.action);
      }
      expect(replayed(c)).toEqual({ hash: c.traceHash, events: c.events });
    }), { numRuns: 60, seed: 4 });
  });
});

describe('controller: delta snapshots', () => {
  it('carry only what changed, and merged they equal the full snapshot', () => {
    const c = new Controller(scenario({ network: { dropRate: 0.1, duplicateRate: 0.1 } }));
    const nodes = new Map<number, unknown>();
    let trace: unknown[] = [];
    const apply = () => {
      const d = c.snapshot(true);
      if (d.reset) nodes.clear();
      for (const n of d.nodes) nodes.set(n.id, n);
      trace = d.trace.reset ? d.trace.list : trace.concat(d.trace.list).slice(-150);
      return d;
    };
    expect(apply().reset).toBe(true);
    for (let i = 0; i < 40; i++) {
      c.advance(37);
      const d = apply();
      expect(d.reset).toBe(false);
      expect(d.nodes.length).toBeLessThanOrEqual(5);
    }
    c.advance(0);
    expect(c.snapshot(true).nodes).toEqual([]);
    c.seekTime(300);
    expect(apply().reset).toBe(true);
    c.advance(700);
    apply();
    const full = c.snapshot();
    expect([...nodes.values()].sort((a, b) => (a as { id: number }).id - (b as { id: number }).id)).toEqual(full.nodes);
    expect(trace).toEqual(full.trace.list);
  });

  it('moving frames taken between snapshots match them and leave the deltas whole', () => {
    const c = new Controller(scenario({ network: { dropRate: 0.1, duplicateRate: 0.1 } }));
    const nodes = new Map<number, unknown>();
    const apply = () => {
      const d = c.snapshot(true);
      if (d.reset) nodes.clear();
      for (const n of d.nodes) nodes.set(n.id, n);
    };
    apply();
    for (let i = 0; i < 30; i++) {
      c.advance(23);
      // The page skips this frame: only the drawing worker hears of it.
      expect(c.movingNow()).toEqual(c.movingFrame(c.snapshot()));
      c.advance(23);
      apply();
    }
    expect([...nodes.values()].sort((a, b) => (a as { id: number }).id - (b as { id: number }).id)).toEqual(c.snapshot().nodes);
  });

  it('while playing carry only the newest trace records, and the whole tail again once paused', () => {
    const c = new Controller(scenario({ network: { dropRate: 0.1, duplicateRate: 0.1 } }));
    let trace: { seq: number }[] = [];
    const apply = () => {
      const d = c.snapshot(true);
      trace = d.trace.reset ? d.trace.list : trace.concat(d.trace.list).slice(-150);
      return d;
    };
    apply();
    c.play();
    for (let i = 0; i < 10; i++) {
      c.advance(400);
      const d = apply();
      expect(d.trace.list.length).toBeLessThanOrEqual(40);
      // Whatever was cut, the view holds the newest records without a gap.
      expect(trace.at(-1)!.seq).toBe(c.events);
      trace.forEach((r, k) => { if (k > 0) expect(r.seq).toBe(trace[k - 1].seq + 1); });
    }
    expect(trace.length).toBeLessThan(150);
    // The event log scrolls out of sight: nothing is sent, and then the newest again, gapless.
    c.traceShown = false;
    c.advance(400);
    expect(apply().trace.list).toEqual([]);
    c.traceShown = true;
    c.advance(5);
    apply();
    expect(trace.at(-1)!.seq).toBe(c.events);
    trace.forEach((r, k) => { if (k > 0) expect(r.seq).toBe(trace[k - 1].seq + 1); });
    c.pause();
    apply();
    expect(trace).toEqual(c.snapshot().trace.list);
    expect(trace).toHaveLength(150);
  });
});

describe('controller: safety', () => {
  it('a violation stops the run right after the event that broke safety', () => {
    const c = new Controller(scenario({ nodes: 3, bugs: ['doubleVote', 'minorityQuorum'], actions: [
      { at: 5, type: 'timeout', node: 1 }, { at: 5, type: 'timeout', node: 2 }, { at: 5, type: 'timeout', node: 3 },
    ] }));
    c.play();
    const broke = c.advance(5000);
    expect(broke).toBe(true);
    expect(c.playing).toBe(false);
    const snap = c.snapshot();
    expect(snap.safety!.violations.length).toBeGreaterThan(0);
    expect(snap.safety!.violations[0].seq).toBe(snap.events);
    expect(snap.safety!.predicates.find((p) => p.name === snap.safety!.violations[0].predicate)!.ok).toBe(false);
    expect(snap.safety!.violations[0].context.length).toBeGreaterThan(0);
  });
});

describe('controller: narration', () => {
  const narrated = () => scenario({ narration: [{ at: 300, text: 'first' }, { at: 900, text: 'second' }] });

  it('a narration step pauses the run at exactly its time', () => {
    const c = new Controller(narrated());
    c.play();
    c.advance(500);
    expect(c.playing).toBe(false);
    expect(c.time).toBe(300);
    expect(c.snapshot().narrationStep).toBe(0);
  });

  it('next plays on to the following step; previous jumps back', () => {
    const c = new Controller(narrated());
    c.play();
    c.advance(500);
    expect(c.narrationNext()).toBe(true);
    c.advance(2000);
    expect(c.time).toBe(900);
    expect(c.snapshot().narrationStep).toBe(1);
    expect(c.narrationNext()).toBe(false);
    c.narrationPrev();
    expect(c.time).toBe(300);
    c.narrationPrev();
    expect(c.time).toBe(0);
    expect(c.snapshot().narrationStep).toBe(-1);
  });

  it('a lesson\'s first step is the same moment opened and reached with Previous: after the initialisations at time 0', () => {
    const firstAtZero = LESSONS.filter((l) => l.scenario.narration?.[0]?.at === 0 && (l.scenario.narration?.length ?? 0) > 1);
    expect(firstAtZero.length).toBeGreaterThan(20);
    const seen = (c: Controller) => {
      const snap = c.snapshot(true);
      return JSON.stringify({ time: snap.time, events: c.events, step: snap.narrationStep, code: snap.code, nodes: snap.nodes });
    };
    for (const lesson of firstAtZero) {
      const parsed = parseScenario(lessonScenario(lesson));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const c = new Controller(parsed.scenario);
      const opened = seen(c);
      // The servers' initialisations have run: the pseudocode panel shows the last of them.
      expect(c.snapshot().code?.current?.t, lesson.id).toBe(0);
      c.seekTime(c.scenario().narration[1].at);
      c.narrationPrev();
      expect(seen(c), lesson.id).toBe(opened);
    }
  });

  it('step back then step forward comes back to a step: the leader\'s crash at 600 ms, its step at 601', () => {
    const parsed = parseScenario(lessonScenario(LESSONS.find((l) => l.id === 'raft-leader-crash')!));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const c = new Controller(parsed.scenario);
    expect(c.narrationNext()).toBe(true);
    c.advance(10_000);
    expect([c.time, c.snapshot().narrationStep]).toEqual([601, 1]);
    const events = c.events;
    c.stepBack();
    expect(c.time).toBeLessThan(600);
    expect(c.snapshot().narrationStep).toBe(0);
    c.stepForward();
    // The crash ran (at 600 ms) and no event comes before 601: the step's moment, and its text in force.
    expect([c.time, c.events, c.snapshot().narrationStep]).toEqual([601, events, 1]);
    expect(c.snapshot().nodes[0].up).toBe(false);
    c.stepForward();
    expect(c.time).toBeGreaterThan(601);
  });

  it('at every lesson step, step back then step forward again and again lands on that step, passing none', () => {
    for (const lesson of LESSONS) {
      const parsed = parseScenario(lessonScenario(lesson));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const c = new Controller(parsed.scenario);
      for (const step of c.scenario().narration) {
        c.seekTime(step.at);
        if (c.events === 0) continue;
        const here = [c.time, c.events, c.snapshot().narrationStep];
        c.stepBack();
        do c.stepForward(); while (c.time < step.at);
        expect([c.time, c.events, c.snapshot().narrationStep], `${lesson.id} at ${step.at} ms`).toEqual(here);
      }
    }
  });

  it('two steps with no event between them are two places: `.` from the first lands on the second (Multi-Paxos failover, 431 and 440 ms)', () => {
    const parsed = parseScenario(lessonScenario(LESSONS.find((l) => l.id === 'multipaxos-failover')!));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const c = new Controller(parsed.scenario);
    const k = c.scenario().narration.findIndex((n) => n.at === 431);
    expect(c.scenario().narration[k + 1].at).toBe(440);
    c.seekTime(440);
    const events = c.events;
    c.stepBack();
    c.stepForward();
    expect([c.time, c.events, c.snapshot().narrationStep]).toEqual([431, events, k]);
    c.stepForward();
    expect([c.time, c.events, c.snapshot().narrationStep]).toEqual([440, events, k + 1]);
    c.stepForward();
    expect(c.events).toBe(events + 1);
    expect(c.time).toBeGreaterThan(440);
  });

  it("restart goes back to time 0 of the scenario as opened: its own actions run again, the user's are gone", () => {
    const opened = scenario({ actions: [{ at: 200, type: 'partition', groups: [[1, 2]] }], narration: [{ at: 201, text: 'split' }] });
    const c = new Controller(opened);
    c.seekTime(100);
    c.act({ type: 'crash', node: 3 });
    c.setNarration([...c.scenario().narration, { at: 50, text: 'mine' }]);
    c.setSpeed(2);
    c.restart();
    expect(c.time).toBe(0);
    expect(c.events).toBe(new Controller(opened).events);
    expect(c.speed).toBe(2);
    expect(c.scenario().actions).toEqual(opened.actions);
    expect(c.scenario().narration.map((n) => n.text)).toEqual(['mine', 'split']);
    c.seekTime(250);
    expect(c.snapshot().network.groups).toEqual([[1, 2], [3, 4, 5]]);
    expect(c.snapshot().nodes.every((n) => n.up)).toBe(true);
  });

  it('a scenario that names a speed opens at it; one that does not keeps the speed in use', () => {
    const c = new Controller(scenario({ speed: 0.2 }));
    expect(c.speed).toBe(0.2);
    c.setSpeed(5);
    c.load(scenario());
    expect(c.speed).toBe(5);
    c.load(scenario({ speed: 0.5 }));
    expect(c.speed).toBe(0.5);
  });

  it('each step\'s claims are judged on the scenario as it stands, and judged again when an action or an edit changes it', () => {
    const opened = scenario({ actions: [{ at: 10, type: 'timeout', node: 1 }], narration: [
      { at: 100, text: 'S1 leads', claims: ['leader = S1', 'S1 term = 1'] }, { at: 600, text: 'still', claims: ['leader = S1'] }] });
    const c = new Controller(opened);
    const judged = (delta = true) => c.snapshot(delta).claims?.map((s) => [s.step, s.at, s.results.map((r) => r.holds)]) ?? null;
    expect(judged()).toEqual([[0, 100, [true, true]], [1, 600, [true]]]);
    expect(judged()).toBeNull();
    // Crashing the leader at 300 ms falsifies the later step only.
    c.seekTime(300);
    c.act({ type: 'crash', node: 1 });
    expect(judged()).toEqual([[0, 100, [true, true]], [1, 600, [false]]]);
    expect(c.snapshot().claims![1].results[0].found).toMatch(/^no server leads|^the leader is S[2-5]$/);
    // An action after the last step changes nothing, and nothing is judged again.
    c.seekTime(700);
    c.act({ type: 'crash', node: 2 });
    expect(judged()).toBeNull();
    // A claim typed wrong in the page is reported, not thrown.
    c.setNarration([...c.scenario().narration, { at: 650, text: 'typo', claims: ['S1 rol = leader'] }]);
    expect(c.snapshot().claims!.at(-1)!.results).toEqual([{ claim: 'S1 rol = leader', holds: false, found: expect.stringMatching(/^cannot be checked: expected a raft field/) }]);
    expect(c.scenario().narration.at(-1)).toEqual({ at: 650, text: 'typo', claims: ['S1 rol = leader'] });
  });

  it('narration written in the app travels in the scenario', () => {
    const c = new Controller(scenario());
    c.setNarration([{ at: 700, text: 'b' }, { at: 100, text: 'a' }]);
    expect(c.scenario().narration).toEqual([{ at: 100, text: 'a' }, { at: 700, text: 'b' }]);
  });

  it("exports the trace so far in the runner's format, ending in the same hash", () => {
    const c = new Controller(scenario());
    c.seekTime(800);
    c.act({ type: 'request', node: 2, command: 'set x 1' });
    c.advance(300);
    const lines = c.exportTrace().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(c.events + 1);
    expect(lines[0]).toMatchObject({ seq: 1, t: 0, kind: 'start', rule: 'raft.init' });
    expect(lines.at(-1).summary.traceHash).toBe(c.traceHash);
  });
});

describe('controller: message fields for the view', () => {
  it('keeps a Paxos ballot as it is, and gives a Raft suffix as its length', () => {
    const paxos = parseScenario({ version: 1, protocol: 'paxos', nodes: 3, actions: [{ at: 5, type: 'request', node: 1, command: 'v' }] });
    if (!paxos.ok) throw new Error('fixture');
    const c = new Controller(paxos.scenario);
    c.seekTime(6);
    expect(c.snapshot().messages.find((m) => m.type === 'Prepare')!.fields).toEqual({ ballot: [1, 1] });
    const raft = new Controller(scenario({ actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 300, type: 'request', node: 1, command: 'set a 1' }] }));
    raft.seekTime(301);
    expect(raft.snapshot().messages.find((m) => m.type === 'LogRequest')!.fields.suffix).toBe(1);
  });
});

describe('controller: timeline markers as deltas', () => {
  it('the markers each delta snapshot adds, folded as the view folds them, equal the whole list', () => {
    const c = new Controller(scenario({ actions: Array.from({ length: 40 }, (_, i) => ({ at: 300 + i * 25, type: 'request', node: 1 + (i % 5), command: `set k ${i}` })) }));
    c.play();
    let held: { seq: number }[] = [];
    const fold = () => {
      const m = c.snapshot(true).markers;
      if (m !== null) held = m.reset ? m.list : held.concat(m.list);
    };
    for (let i = 0; i < 40; i++) { c.advance(37); fold(); }
    expect(held.length).toBeGreaterThan(10);
    expect(held).toEqual(c.snapshot().markers!.list);
    // Acting in the past discards later markers. The view saw the seek first (as the app shows
    // it), so the delta after the action must replace its markers, not append to them.
    c.seekTime(600);
    fold();
    c.act({ type: 'crash', node: 2 });
    fold();
    expect(held).toEqual(c.snapshot().markers!.list);
    expect(held.every((m) => m.seq <= c.events)).toBe(true);
  });
});

/** Counts the events the simulator processes while `f` runs (live or replayed). */
function eventsProcessed(f: () => void): number {
  const step = vi.spyOn(Simulation.prototype, 'step');
  try {
    f();
    return step.mock.results.filter((r) => r.value !== null).length;
  } finally {
    step.mockRestore();
  }
}

/** Every record of a run to `until`, as the event log shows them, from a plain replay of its scenario. */
function wholeTrace(s: Scenario, until: number): TraceView[] {
  const run = new Run(toSimConfig(s), toActions(s));
  const out: TraceView[] = [];
  run.sim.onEvent((rec) => out.push({ seq: rec.seq, t: rec.t, kind: rec.kind, node: rec.node, rule: rec.rule, text: rec.text() }));
  run.runUntil(until);
  return out;
}

describe('controller: time travel over a long run', () => {
  const busy = () => scenario({
    network: { dropRate: 0.1, duplicateRate: 0.1 },
    actions: Array.from({ length: 120 }, (_, i) => ({ at: 500 + i * 100, type: 'request', node: 1 + (i % 5), command: `set k ${i}` })),
  });

  it('a checkpoint holds the next few actions, not every action the scenario has still to run', () => {
    // A command every 100 ms for 300 s: before, each checkpoint copied the queue with every action to come.
    const s = scenario({ actions: Array.from({ length: 3000 }, (_, i) => ({ at: 500 + i * 100, type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` })) });
    const checkpoint = vi.spyOn(Simulation.prototype, 'checkpoint');
    try {
      const c = new Controller(s);
      c.seekTime(10_000);
      c.seekTime(4_000);
      c.act({ type: 'crash', node: 2 });
      c.seekTime(12_000);
      const worlds = checkpoint.mock.results.map((r) => r.value as ReturnType<Simulation<unknown, { type: string }>['checkpoint']>);
      expect(worlds.length).toBeGreaterThan(10);
      for (const w of worlds) expect(w.queue.filter((item) => item.kind === 'action').length).toBeLessThanOrEqual(64);
      // Given a few at a time, the actions make the same run as all queued at once.
      expect(replayed(c)).toEqual({ hash: c.traceHash, events: c.events });
    } finally {
      checkpoint.mockRestore();
    }
  });

  it('a seek forward restores the nearest checkpoint before the target instead of replaying from where it stands', () => {
    const c = new Controller(busy());
    c.seekTime(12_000);
    const end = c.events;
    expect(end).toBeGreaterThan(2000);
    c.seekTime(0);
    const replayed = eventsProcessed(() => c.seekTime(11_900));
    // Checkpoints come every 256 events: replaying more means the seek ran from the start.
    expect(replayed).toBeLessThanOrEqual(256);
    const hash = c.traceHash;
    c.seekTime(0);
    eventsProcessed(() => c.seekEvent(end - 10));
    expect(eventsProcessed(() => c.seekEvent(end - 3))).toBeLessThanOrEqual(256);
    c.seekTime(11_900);
    expect(c.traceHash).toBe(hash);
  });

  it('the event log at any earlier moment shows exactly the records of the run, replayed from a checkpoint', () => {
    const s = busy();
    const whole = wholeTrace(s, 12_000);
    const c = new Controller(s);
    c.seekTime(12_000);
    for (const seq of [1, 149, 150, 151, 700, 1999, whole.length - 300, whole.length]) {
      c.seekEvent(seq);
      expect(c.snapshot().trace.list).toEqual(whole.slice(Math.max(0, seq - 150), seq));
    }
  });

  it('a violation shows the eight events that led to it, even after seeking away and back', () => {
    const s = scenario({ bugs: ['minorityQuorum'], network: { dropRate: 0.2, duplicateRate: 0 }, seed: 3,
      actions: [{ at: 400, type: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 2000, type: 'heal' }] });
    const c = new Controller(s);
    c.play();
    let broke = false;
    for (let i = 0; i < 200 && !broke; i++) broke = c.advance(50);
    expect(broke).toBe(true);
    const v = c.snapshot().safety!.violations[0];
    const whole = wholeTrace(s, c.time);
    expect(v.context).toEqual(whole.slice(v.seq - 8, v.seq));
    c.seekTime(0);
    c.seekEvent(v.seq + 300);
    expect(c.snapshot().safety!.violations[0].context).toEqual(v.context);
  });

  it('playing with a budget stops when told, behind the clock, and goes on from there the next frame', () => {
    const c = new Controller(busy());
    c.play();
    let asked = 0;
    c.advance(10_000, () => ++asked >= 3);
    // Asked every 16 events: the third time, it stops.
    expect(c.events).toBeLessThanOrEqual(3 * 16 + 8);
    expect(c.time).toBeLessThan(10_000);
    expect(c.playing).toBe(true);
    const before = c.events;
    c.advance(10);
    expect(c.events).toBeGreaterThan(before);
  });

  it('a seek in slices reports its progress, ends on the same run, and can be cancelled where it stands', () => {
    const s = busy();
    const c = new Controller(s);
    c.beginSeek(12_000);
    let slices = 0;
    let asked = 0;
    const seen: number[] = [];
    while (!c.work(() => ++asked % 5 === 0)) {
      slices++;
      const p = c.progress()!;
      expect(p).toMatchObject({ from: 0, target: 12_000 });
      seen.push(p.now);
    }
    expect(slices).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(c.progress()).toBeNull();
    expect(c.time).toBe(12_000);
    const whole = new Controller(s);
    whole.seekTime(12_000);
    expect(c.traceHash).toBe(whole.traceHash);

    const cancelled = new Controller(s);
    cancelled.beginSeek(12_000);
    cancelled.work(() => true);
    cancelled.cancelSeek();
    expect(cancelled.progress()).toBeNull();
    expect(cancelled.time).toBeGreaterThan(0);
    expect(cancelled.time).toBeLessThan(12_000);
    expect(replayed(cancelled)).toEqual({ hash: cancelled.traceHash, events: cancelled.events });
  });
});

describe('controller: the scenario in snapshots', () => {
  it('goes to the view once without its actions, then only as their number, and not again after a seek back', () => {
    const c = new Controller(scenario({ title: 'Long' }));
    let held: { base: Omit<Scenario, 'actions'> | null; actions: number } = { base: null, actions: -1 };
    const apply = () => {
      const d = c.snapshot(true).scenario;
      if (d !== null) held = { base: d.base ?? held.base, actions: d.actions };
      return d;
    };
    const { actions: _none, ...base } = c.scenario();
    expect(apply()).toEqual({ base, actions: 0 });
    for (let i = 0; i < 30; i++) {
      c.advance(100);
      c.act({ type: 'request', node: 1 + (i % 5), command: `set x ${i}` });
      expect(apply()).toEqual({ base: null, actions: i + 1 });
    }
    c.seekTime(500);
    expect(apply()).toBeNull();
    // Acting at 0.5 s keeps the requests made at 0.101 to 0.401 s and discards the rest.
    c.act({ type: 'timeout', node: 2 });
    expect(apply()).toEqual({ base: null, actions: 5 });
    c.setNarration([{ at: 100, text: 'Here' }]);
    expect(apply()!.base).toMatchObject({ title: 'Long', narration: [{ at: 100, text: 'Here' }] });
    const { actions, ...rest } = c.scenario();
    expect(held).toEqual({ base: rest, actions: actions.length });
    // A snapshot that is not a delta says everything again.
    expect(c.snapshot().scenario).toEqual({ base: rest, actions: 5 });
  });
});

describe('controller: exporting the trace in slices', () => {
  it('gives the same text as in one go, however it is sliced', () => {
    const c = new Controller(scenario({ network: { dropRate: 0.1, duplicateRate: 0.1 } }));
    c.seekTime(8000);
    const whole = c.exportTrace();
    const x = c.beginExport();
    let slices = 1;
    const times: number[] = [];
    while (!x.work(() => true)) {
      slices++;
      times.push(x.time);
    }
    expect(slices).toBeGreaterThan(2);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(x.text()).toBe(whole);
  });
});

describe('controller: a burst of commands at one moment', () => {
  // The browser bench's stall: under load its page fell behind and then sent hundreds of
  // commands at one instant. ~40 events each then fall within about 100 ms of virtual time,
  // with tens of thousands of messages in flight; snapshots carried all of them, megabytes a frame.
  const lossy = () => scenario({ protocol: 'multipaxos', seed: 1, network: { dropRate: 0.2, duplicateRate: 0.2 }, options: { noopOnElection: true } });
  const inFlightIds = (c: Controller) => {
    const s = c.scenario();
    const run = new Run(toSimConfig(s), toActions(s));
    while (run.sim.world.events < c.events && run.step() !== null) { /* replay */ }
    return run.sim.inFlight().map((env) => env.id);
  };

  it('a snapshot carries every message in flight normally, and at most MAX_MESSAGES_SHOWN, the earliest sent, in a burst', () => {
    const c = new Controller(lossy());
    c.setSpeed(100);
    c.play();
    c.advance(5_000);
    for (let i = 0; i < 5; i++) c.act({ type: 'request', node: 1 + i, command: `set k${i} ${i}` });
    c.advance(15);
    const flying = (m: { lostAt: number | null }) => m.lostAt === null;
    expect(c.snapshot().messages.filter(flying).map((m) => m.id)).toEqual(inFlightIds(c));
    for (let i = 0; i < 750; i++) c.act({ type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` });
    c.advance(25);
    const all = inFlightIds(c);
    expect(all.length).toBeGreaterThan(3 * MAX_MESSAGES_SHOWN);
    const shown = c.snapshot().messages;
    expect(shown.length).toBe(MAX_MESSAGES_SHOWN);
    expect(shown.filter(flying).map((m) => m.id)).toEqual(all.slice(0, MAX_MESSAGES_SHOWN));
    expect(c.movingNow().messages.length).toBe(MAX_MESSAGES_SHOWN);
  });
});

describe('controller: a leader\'s lease in its node view', () => {
  it('follows the engine\'s lease event by event through delta snapshots, though the Raft state does not change with it', () => {
    const parsed = parseScenario(lessonScenario(LESSONS.find((l) => l.id === 'raft-read-lease')!));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const c = new Controller(parsed.scenario);
    const engine = (c as unknown as { run: Run }).run.sim.world.clients!;
    const held: Record<number, NodeView> = {};
    for (const n of c.snapshot().nodes) held[n.id] = n;
    let renewed = 0;
    while (c.time < 700) {
      c.stepForward();
      for (const n of c.snapshot(true).nodes) held[n.id] = n;
      for (const id of [1, 3]) {
        const lease = engine.servers[id].lease;
        expect(held[id].lease?.lease ?? null, `S${id} at event ${c.events}`).toBe(lease);
        if (lease !== null) expect(held[id].lease!.waiting).toBe(engine.servers[id].reads.length);
      }
      if (held[3].lease?.lease.until != null) renewed++;
    }
    expect(renewed).toBeGreaterThan(0);
    // S3 keeps its (run out) lease as leader of term 1; S1 leads term 3 with a lease of its own under way.
    expect(held[3].lease?.lease.until).toBe(359);
    expect(held[1].lease?.lease.term).toBe(3);
  });
});
