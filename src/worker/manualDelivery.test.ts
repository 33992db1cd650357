import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from '../scenario/config';
import type { Scenario } from '../scenario/schema';
import { lessonById } from '../scenario/lessons';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';

function scenario(fields: Record<string, unknown> = {}): Scenario {
  const r = parseScenario({ version: 2, protocol: 'raft', nodes: 3, seed: 7, ...fields });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

function replayedHash(c: Controller): string {
  const s = c.scenario();
  const run = new Run(toSimConfig(s), toActions(s));
  while (run.sim.world.events < c.events && run.step() !== null) { /* replay */ }
  return run.sim.traceHash;
}

/** Plays as the worker does, a frame of 16 ms at a time, until the run pauses by itself. */
function playUntilPaused(c: Controller, frames = 10_000): void {
  c.play();
  for (let i = 0; i < frames && c.playing; i++) c.advance(16);
}

describe('controller: manual delivery', () => {
  it('playing pauses at the moment the first timer would fire, and lists the choices', () => {
    const c = new Controller(scenario({ network: { manual: true } }));
    playUntilPaused(c);
    expect(c.playing).toBe(false);
    const snap = c.snapshot();
    expect(snap.manual).toBe(true);
    const timers = snap.pending.filter((p) => p.kind === 'timer');
    expect(timers).toHaveLength(3);
    expect(c.time).toBe(Math.min(...timers.map((t) => t.at)));
    expect(timers.filter((t) => t.due)).toHaveLength(1);
    // Pressing play again with a choice due does not move the run.
    playUntilPaused(c, 5);
    expect(c.time).toBe(Math.min(...timers.map((t) => t.at)));
  });

  it('choices are recorded as actions: the share link replays them to the same hash', () => {
    const c = new Controller(scenario({ network: { manual: true } }));
    playUntilPaused(c);
    const due = c.snapshot().pending.find((p) => p.kind === 'timer' && p.due)!;
    if (due.kind !== 'timer') throw new Error('expected a timer');
    c.act({ type: 'fire', node: due.node, timer: due.name });
    for (let i = 0; i < 6; i++) {
      const msgs = c.snapshot().pending.filter((p) => p.kind === 'message');
      const last = msgs.at(-1);
      if (last === undefined || last.kind !== 'message') break;
      c.act({ type: 'deliver', message: last.id });
    }
    expect(c.scenario().actions.map((a) => a.type)).toEqual(['fire', 'deliver', 'deliver', 'deliver', 'deliver', 'deliver', 'deliver']);
    expect(replayedHash(c)).toBe(c.traceHash);
  });

  it('acting in the past discards the choices after it, as any action does', () => {
    const c = new Controller(scenario({ network: { manual: true } }));
    playUntilPaused(c);
    const due = c.snapshot().pending.find((p) => p.kind === 'timer' && p.due)!;
    if (due.kind !== 'timer') throw new Error('expected a timer');
    c.act({ type: 'fire', node: due.node, timer: due.name });
    const back = c.events;
    const m = c.snapshot().pending.find((p) => p.kind === 'message')!;
    if (m.kind !== 'message') throw new Error('expected a message');
    c.act({ type: 'deliver', message: m.id });
    const other = c.snapshot().pending.find((p) => p.kind === 'message' && !p.held);
    c.act({ type: 'hold', message: other?.kind === 'message' ? other.id : 0 });
    c.seekEvent(back);
    const notice = c.act({ type: 'drop', message: m.id });
    expect(notice).toMatch(/2 later events and 2 later actions were discarded/);
    expect(c.scenario().actions.map((a) => a.type)).toEqual(['fire', 'drop']);
    expect(replayedHash(c)).toBe(c.traceHash);
  });

  it('a held message shows where it stopped, and a paused node says so', () => {
    const c = new Controller(scenario());
    c.act({ type: 'timeout', node: 1 });
    const m = c.snapshot().messages[0];
    c.act({ type: 'hold', message: m.id });
    c.act({ type: 'pause', node: 2 });
    c.act({ type: 'drift', node: 3, rate: 2 });
    const snap = c.snapshot();
    expect(snap.messages.find((x) => x.id === m.id)?.heldAt).toBe(m.sentAt + 1);
    expect(snap.pending).toMatchObject([{ kind: 'message', id: m.id, held: true }]);
    expect(snap.nodes.map((n) => [n.paused, n.clockRate])).toEqual([[false, 1], [true, 1], [false, 2]]);
  });
});

describe('controller: a lesson that plays the network by itself', () => {
  it('plays its scripted choices without pausing for them, then pauses for the student', async () => {
    const { lessonById, lessonScenario } = await import('../scenario/lessons');
    const lesson = lessonById('raft-split-forever')!;
    const r = parseScenario(lessonScenario(lesson));
    if (!r.ok) throw new Error(r.errors.join('; '));
    const c = new Controller({ ...r.scenario, narration: [] });
    playUntilPaused(c);
    // Paused once the script is done and a choice is due: the script ran whole.
    expect(c.scenario().actions).toHaveLength(r.scenario.actions.length);
    expect(c.time).toBeGreaterThanOrEqual(r.scenario.actions.at(-1)!.at);
    expect(c.snapshot().pending.some((p) => p.due)).toBe(true);
  });

  it('Next reaches a step past a choice that is due: the clock moves on, nothing is delivered, and Play pauses for the choice again', () => {
    const flp = parseScenario(lessonById('paxos-flp')!.scenario);
    if (!flp.ok) throw new Error(flp.errors.join('; '));
    const c = new Controller(flp.scenario);
    const moments = flp.scenario.narration.map((n) => n.at);
    for (const at of moments.slice(1)) {
      expect(c.narrationNext()).toBe(true);
      // At the lesson's own pace (0.01): a frame of 16 ms moves the clock 0.16 ms.
      for (let i = 0; i < 10_000 && c.playing; i++) c.advance(0.16);
      expect(c.time).toBe(at);
    }
    expect(c.snapshot().narrationStep).toBe(moments.length - 1);
    expect(c.snapshot().pending.some((p) => p.due)).toBe(true);
    expect(replayedHash(c)).toBe(c.traceHash);
    // The student's Play (not Next) stops for the choice at once.
    const at = c.time;
    playUntilPaused(c, 5);
    expect(c.time).toBe(at);
  });
});
