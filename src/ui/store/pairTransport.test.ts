import { describe, expect, it } from 'vitest';
import { Run } from '../../engine/run';
import { toActions, toSimConfig } from '../../scenario/config';
import { comparisonPair } from '../../scenario/pair';
import type { Scenario } from '../../scenario/schema';
import { Controller } from '../../worker/controller';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { PairTransport, type Side, SIDES } from './pairTransport';

/** A run's worker as sim.worker.ts handles these commands, without its real clock: the test ticks it. */
class FakeWorker {
  readonly c: Controller;
  constructor(scenario: Scenario, private readonly emit: (msg: FromWorker) => void) {
    this.c = new Controller(scenario);
  }

  post(cmd: ToWorker): void {
    const c = this.c;
    switch (cmd.type) {
      case 'play': c.play(); break;
      case 'pause': c.pause(); break;
      case 'stepForward': c.pause(); c.stepForward(); break;
      case 'stepBack': c.pause(); c.stepBack(); break;
      case 'seekTime': c.seekTime(cmd.time, cmd.stopAtViolation); break;
      case 'act': c.act(cmd.action); break;
      case 'narrationNext': c.narrationNext(); break;
      // Answered after the commands before it, as the worker's message queue does.
      case 'where': queueMicrotask(() => this.emit({ type: 'where', id: cmd.id, time: c.time, events: c.events, playing: c.playing })); break;
      default: break;
    }
  }

  /** One frame of playing, and the snapshot the page would get. */
  tick(ms: number): void {
    if (!this.c.playing) return;
    if (this.c.advance(ms)) this.emit({ type: 'notice', text: 'Safety violated', kind: 'violation' });
    this.emit({ type: 'snapshot', snapshot: this.c.snapshot(true) });
  }
}

function pairOf(left: Scenario, right: Scenario) {
  const workers = {} as Record<Side, FakeWorker>;
  const t = new PairTransport({ left: (c) => workers.left.post(c), right: (c) => workers.right.post(c) }, () => { throw new Error('no load expected'); });
  workers.left = new FakeWorker(left, (m) => t.observe('left', m));
  workers.right = new FakeWorker(right, (m) => t.observe('right', m));
  return { t, workers, times: () => SIDES.map((s) => workers[s].c.time) };
}

const settle = async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)); };

/** The moments at which a run has events, up to `until`, from a run of its own. */
function eventTimes(s: Scenario, until: number): number[] {
  const run = new Run(toSimConfig(s), toActions(s));
  const times: number[] = [];
  for (let rec = run.step(); rec !== null && rec.t <= until; rec = run.step()) times.push(rec.t);
  return times;
}

const raftVsMultiPaxos = comparisonPair('raft-vs-multipaxos')!;
const figure8 = comparisonPair('figure8-broken')!;

describe('two runs under one clock', () => {
  it('a step goes to the next event of either run (or a narration step just after it), and both runs stand at that moment', async () => {
    const { t, times } = pairOf(raftVsMultiPaxos.left, raftVsMultiPaxos.right);
    const seen: number[] = [];
    for (let i = 0; i < 120; i++) {
      t.send('left', { type: 'stepForward' });
      await settle();
      const [a, b] = times();
      expect(a).toBe(b);
      seen.push(a);
    }
    const end = seen.at(-1)!;
    // Both runs open after their events at time 0.
    const union = [...new Set([...eventTimes(raftVsMultiPaxos.left, end), ...eventTimes(raftVsMultiPaxos.right, end)])].filter((x) => x > 0).sort((x, y) => x - y);
    // Every moment at which either run has an event is visited, in order (several events at one moment take several steps),
    // or shown at a narration step's moment just after it, where a run's step forward goes on to (see Controller.stepForward).
    const steps = [raftVsMultiPaxos.left, raftVsMultiPaxos.right].flatMap((s) => s.narration.map((n) => n.at));
    const moments = [...new Set(seen)];
    expect([...moments].sort((x, y) => x - y)).toEqual(moments);
    expect(moments.filter((x) => !union.includes(x) && !steps.includes(x))).toEqual([]);
    const shownAtStep = (x: number) => moments.some((s) => steps.includes(s) && s > x && !union.some((y) => y > x && y < s));
    expect(union.filter((x) => !moments.includes(x) && !shownAtStep(x))).toEqual([]);
    expect(moments).toContain(201);
  });

  it('a step back goes to the previous event of either run', async () => {
    const { t, times } = pairOf(raftVsMultiPaxos.left, raftVsMultiPaxos.right);
    const forward: number[] = [];
    for (let i = 0; i < 60; i++) { t.send('left', { type: 'stepForward' }); await settle(); forward.push(times()[0]); }
    const back: number[] = [];
    for (let i = 0; i < 20; i++) {
      t.send('right', { type: 'stepBack' });
      await settle();
      const [a, b] = times();
      expect(a).toBe(b);
      back.push(a);
    }
    // Exactly the moments the steps forward had passed, in reverse.
    expect(back).toEqual(forward.slice(0, -1).reverse().slice(0, 20));
  });

  it('when one run stops on a violation, the other stops at the same moment', async () => {
    const { t, workers, times } = pairOf(figure8.left, figure8.right);
    t.send('left', { type: 'seekTime', time: 500 });
    t.send('left', { type: 'play' });
    await settle();
    for (let i = 0; i < 100 && workers.right.c.playing; i++) {
      for (const s of SIDES) workers[s].tick(3);
      await settle();
    }
    await settle();
    const right = workers.right.c.snapshot().safety!;
    expect(right.violations[0]?.predicate).toBe('leaderCompleteness');
    expect(workers.left.c.snapshot().safety!.violations).toEqual([]);
    const [a, b] = times();
    expect(a).toBe(right.violations[0].t);
    expect(b).toBe(a);
    expect(workers.left.c.playing).toBe(false);
  });

  it('a story step just after the violation does not carry the pair past it, whichever run the frame moves first', async () => {
    // The broken run's violation, from a run of its own.
    const alone = new Controller(figure8.right);
    alone.seekTime(500);
    alone.play();
    while (alone.playing) alone.advance(3);
    const violation = alone.snapshot().safety!.violations[0].t;
    // The left run carries the story: a step 1 ms after that moment (lesson 7 had one at 529).
    const left = { ...figure8.left, narration: [{ at: Math.floor(violation) + 1, text: 'just after' }] };
    for (const first of SIDES) {
      const { t, workers, times } = pairOf(left, figure8.right);
      t.send('left', { type: 'seekTime', time: 500 });
      await settle();
      t.send('left', { type: 'narrationNext' });
      await settle();
      for (let i = 0; i < 100 && (workers.left.c.playing || workers.right.c.playing); i++) {
        for (const s of first === 'left' ? SIDES : [...SIDES].reverse()) workers[s].tick(3);
        await settle();
      }
      await settle();
      expect(workers.right.c.snapshot().safety!.violations[0]?.t, `${first} first`).toBe(violation);
      expect(times(), `${first} first`).toEqual([violation, violation]);
    }
  });

  it('once the broken run has failed a check, its later failures do not stop the pair: one Next reaches the next step', async () => {
    const { t, workers, times } = pairOf(figure8.left, figure8.right);
    const steps = figure8.left.narration.map((n) => n.at);
    // At step 5 (index 4), where leader completeness has failed on the right.
    t.send('left', { type: 'seekTime', time: steps[4] });
    await settle();
    for (const s of SIDES) workers[s].tick(0);
    await settle();
    expect(workers.right.c.snapshot().safety!.violations.length).toBeGreaterThan(0);
    t.send('left', { type: 'narrationNext' });
    await settle();
    for (let i = 0; i < 200 && (workers.left.c.playing || workers.right.c.playing); i++) {
      for (const s of SIDES) workers[s].tick(3);
      await settle();
    }
    await settle();
    // More checks failed on the way (committed prefix), and the pair stands at step 6's moment.
    expect(workers.right.c.snapshot().safety!.violations.filter((v) => v.t > steps[4]).length).toBeGreaterThan(0);
    expect(times()).toEqual([steps[5], steps[5]]);
  });

  it('an action taken on one side happens in both runs at the same moment, even while playing', async () => {
    const { t, workers } = pairOf(raftVsMultiPaxos.left, raftVsMultiPaxos.right);
    t.send('left', { type: 'play' });
    await settle();
    workers.left.tick(50);
    workers.right.tick(47);
    t.send('right', { type: 'act', action: { type: 'crash', node: 3 } });
    await settle();
    const crashes = SIDES.map((s) => workers[s].c.scenario().actions.filter((a) => a.type === 'crash' && a.node === 3));
    expect(crashes[0]).toHaveLength(1);
    expect(crashes[1]).toEqual(crashes[0]);
    expect(SIDES.every((s) => workers[s].c.playing)).toBe(true);
  });

  it('a choice about one message stays with its run: message ids mean nothing in the other', async () => {
    const { t, workers } = pairOf(raftVsMultiPaxos.left, raftVsMultiPaxos.right);
    for (let i = 0; i < 60 && workers.right.c.snapshot().messages.length === 0; i++) { t.send('left', { type: 'stepForward' }); await settle(); }
    const id = workers.right.c.snapshot().messages[0].id;
    t.send('right', { type: 'act', action: { type: 'hold', message: id } });
    await settle();
    expect(workers.right.c.scenario().actions.some((a) => a.type === 'hold')).toBe(true);
    expect(workers.left.c.scenario().actions.some((a) => a.type === 'hold')).toBe(false);
  });
});
