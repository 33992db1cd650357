import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Controller } from '../../worker/controller';
import { LESSONS, lessonScenario } from '../../scenario/lessons';
import { parseScenario } from '../../scenario/validate';
import type { ToWorker } from '../../worker/protocol';
import { createSimStore } from './simStore';

const scenario = () => {
  const parsed = parseScenario({ version: 1, protocol: 'raft', nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

describe('the store guards its data in development and tests', () => {
  // The store folds snapshots in once per animation frame: here frames come when the test says.
  let frames: FrameRequestCallback[] = [];
  const nextFrame = () => { const due = frames; frames = []; for (const f of due) f(0); };
  beforeEach(() => { vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f)); });
  afterEach(() => { vi.unstubAllGlobals(); });

  it('freezes the arrays views read, so reversing one in place fails at once', () => {
    const store = createSimStore(() => {});
    const c = new Controller(scenario());
    // From before the servers' initialisations, which opening has run.
    c.seekEvent(0);
    store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(true) });
    nextFrame();
    for (let i = 0; i < 6; i++) {
      c.stepForward();
      store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(true) });
      nextFrame();
    }
    const s = store.getState();
    expect(s.trace.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.events!.trace).toBe(s.trace);
    // What the event log once did to the store's trace.
    expect(() => s.events!.trace.reverse()).toThrow(TypeError);
    expect(Object.isFrozen(s.markers)).toBe(true);
    expect(() => s.nodeIds.reverse()).toThrow(TypeError);
    expect(s.trace.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('while playing, slow views take turns', () => {
  let frames: FrameRequestCallback[] = [];
  const nextFrame = () => { const due = frames; frames = []; for (const f of due) f(0); };
  let now = 0;
  let observed: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
  beforeEach(() => {
    frames = [];
    now = 0;
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    vi.stubGlobal('IntersectionObserver', class {
      constructor(cb: typeof observed) { observed = cb; }
      observe() {}
      unobserve() {}
    });
  });
  afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

  const SLOW = ['hud', 'panel', 'details', 'info', 'events', 'flight', 'code'] as const;
  /** Plays `count` snapshots a frame apart (30 a second) and says which slow views each refreshed. */
  const play = (store: ReturnType<typeof createSimStore>, c: Controller, count: number): string[][] => {
    const refreshed: string[][] = [];
    for (let i = 0; i < count; i++) {
      c.stepForward();
      now += 33;
      const before = store.getState();
      store.getState().receive({ type: 'snapshot', snapshot: { ...c.snapshot(false), playing: true } });
      nextFrame();
      const after = store.getState();
      refreshed.push(SLOW.filter((v) => after[v] !== before[v]));
    }
    return refreshed;
  };
  const opened = () => {
    const store = createSimStore(() => {});
    const c = new Controller(scenario());
    store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(true) });
    nextFrame();
    return { store, c };
  };

  it('the pseudocode takes its own turn, about 4 times a second, never in a frame with another slow view', () => {
    const { store, c } = opened();
    const refreshed = play(store, c, 60);
    expect(refreshed.every((r) => r.length <= 1)).toBe(true);
    const code = refreshed.filter((r) => r.includes('code')).length;
    expect(code).toBeGreaterThanOrEqual(6);
    expect(code).toBeLessThanOrEqual(9);
  });

  it('the pseudocode rests out of sight and is refreshed with the next snapshot once it shows', () => {
    const { store, c } = opened();
    const panel = {} as Element;
    store.getState().watchSight('code', panel);
    observed!([{ target: panel, isIntersecting: false }]);
    expect(play(store, c, 60).some((r) => r.includes('code'))).toBe(false);
    observed!([{ target: panel, isIntersecting: true }]);
    expect(play(store, c, 1)[0]).toEqual(['code']);
  });

  it('a space-time window received while playing has its frame to itself, and arrives with it', () => {
    const { store, c } = opened();
    play(store, c, 30);
    const window = c.spaceTimeWindow({ axis: 'time', from: 0, to: 1000, limit: 600 });
    store.getState().receive({ type: 'spacetime', window });
    // Not yet: the window waits for the frame, with the snapshot that comes before it.
    expect(store.getState().spacetime).toBeNull();
    const [shared] = play(store, c, 1);
    expect(store.getState().spacetime).toBe(window);
    expect(shared).toEqual([]);
    // The frame after, the most overdue view takes its turn again.
    expect(play(store, c, 1)[0]).toHaveLength(1);
  });

  it('a window received while paused shows at once', () => {
    const { store, c } = opened();
    const window = c.spaceTimeWindow({ axis: 'time', from: 0, to: 1000, limit: 600 });
    store.getState().receive({ type: 'spacetime', window });
    expect(store.getState().spacetime).toBe(window);
  });

  /** Every slow view shows the snapshot the store holds (the one the page shows as current). */
  const caughtUp = (s: ReturnType<ReturnType<typeof createSimStore>['getState']>) => {
    const snap = s.snapshot!;
    expect(s.panel!.snapshot).toBe(snap);
    expect(s.details!.snapshot).toBe(snap);
    expect(s.info!.snapshot).toBe(snap);
    expect(s.flight!.snapshot).toBe(snap);
    expect(s.hud).toEqual({ time: snap.time, events: snap.events, frontier: snap.frontier });
    expect(s.events!.trace).toBe(s.trace);
    expect(s.events!.playing).toBe(false);
    expect(s.code!.view).toBe(s.codeView);
    expect(s.code!.playing).toBe(false);
    expect(s.panel!.nodes).toBe(s.nodes);
  };

  it.each([
    ['pause', (c: Controller) => { c.stepForward(); }],
    ['step', (c: Controller) => { c.stepForward(); c.stepForward(); }],
    ['seek', (c: Controller) => { c.seekTime(3); }],
  ])('after %s, every staggered view shows the current state, a window too', (_, move) => {
    const { store, c } = opened();
    const refreshed = play(store, c, 40);
    // Playing, the views took turns: most frames left most of them behind.
    expect(refreshed.every((r) => r.length <= 1)).toBe(true);
    const window = c.spaceTimeWindow({ axis: 'time', from: 0, to: 1000, limit: 600 });
    store.getState().receive({ type: 'spacetime', window });
    move(c);
    now += 33;
    store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(false) });
    nextFrame();
    caughtUp(store.getState());
    expect(store.getState().snapshot!.time).toBe(c.time);
    expect(store.getState().spacetime).toBe(window);
  });

  it('several snapshots folded into one frame still refresh at most one slow view', () => {
    const { store, c } = opened();
    const refreshed: string[][] = [];
    for (let i = 0; i < 30; i++) {
      const before = store.getState();
      for (let k = 0; k < 4; k++) {
        c.stepForward();
        now += 70;
        store.getState().receive({ type: 'snapshot', snapshot: { ...c.snapshot(false), playing: true } });
      }
      nextFrame();
      const after = store.getState();
      const turn = SLOW.filter((v) => after[v] !== before[v]);
      refreshed.push(turn);
      // The view that took the turn shows the frame's last snapshot.
      if (turn[0] === 'hud') expect(after.hud!.time).toBe(after.snapshot!.time);
      if (turn[0] === 'panel' || turn[0] === 'info' || turn[0] === 'flight') expect(after[turn[0]]!.snapshot).toBe(after.snapshot);
    }
    expect(refreshed.every((r) => r.length <= 1)).toBe(true);
    expect(refreshed.filter((r) => r.length === 1).length).toBeGreaterThan(20);
  });
});

describe('the page holds the scenario without its actions', () => {
  let frames: FrameRequestCallback[] = [];
  const nextFrame = () => { const due = frames; frames = []; for (const f of due) f(0); };
  beforeEach(() => { frames = []; vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f)); });
  afterEach(() => { vi.unstubAllGlobals(); });

  it('keeps their number only, however many a long session adds; a link or a reload gets them all from the worker', async () => {
    const c = new Controller(scenario());
    const sent: ToWorker[] = [];
    // The worker's side: a `scenario` question is answered at once, as sim.worker does.
    const store = createSimStore((cmd) => {
      sent.push(cmd);
      if (cmd.type === 'scenario') queueMicrotask(() => store.getState().receive({ type: 'scenario', id: cmd.id, scenario: c.scenario() }));
    });
    const frame = () => { store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(true) }); nextFrame(); };
    c.advance(10);
    frame();
    const opened = JSON.stringify(store.getState().scenario);
    for (let i = 0; i < 300; i++) {
      c.act({ type: 'request', node: 1 + (i % 3), command: `set k${i % 64} ${i}` });
      if (i % 10 === 9) frame();
    }
    const s = store.getState();
    expect(s.actionCount).toBe(301);
    expect(s.scenario).not.toHaveProperty('actions');
    // Nothing the page holds of the scenario grew with the 300 commands.
    expect(JSON.stringify(s.scenario)).toBe(opened);
    expect(await s.fullScenario()).toEqual(c.scenario());
    s.reload((full) => ({ ...full, bugs: ['commitPreviousTerm'] }));
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.at(-1);
    expect(load).toMatchObject({ type: 'load', scenario: { bugs: ['commitPreviousTerm'] } });
    expect((load as Extract<ToWorker, { type: 'load' }>).scenario.actions).toEqual(c.scenario().actions);
  });
});

describe('the next command a user sends without typing one', () => {
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => { frames = []; vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f)); });
  afterEach(() => { vi.unstubAllGlobals(); });

  /** Sends `count` commands from the store (as the R key does) to S1 and returns them with what the run said of them. */
  const sendFromStore = (protocol: string, count: number) => {
    const parsed = parseScenario({ version: 1, protocol, nodes: 3, actions: [] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const store = createSimStore(() => {});
    const c = new Controller(parsed.scenario);
    store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(true) });
    for (const f of frames.splice(0)) f(0);
    const commands = Array.from({ length: count }, () => {
      const command = store.getState().takeCommand();
      c.act({ type: 'request', node: 1, command });
      return command;
    });
    const said = c.snapshot(false).trace.list.map((e) => e.text);
    return { commands, said };
  };

  it.each(['2pc', '3pc'])('is a transaction the %s coordinator accepts, numbered on', (protocol) => {
    const { commands, said } = sendFromStore(protocol, 2);
    expect(commands).toEqual(['tx t1', 'tx t2']);
    expect(said.filter((t) => t.includes('refuses'))).toEqual([]);
  });

  it('in a lesson whose script has used t1, is an id no server knows: the coordinator takes it', () => {
    const parsed = parseScenario(lessonScenario(LESSONS.find((l) => l.id === 'atomic-2pc-blocking')!));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const store = createSimStore(() => {});
    const c = new Controller(parsed.scenario);
    c.seekTime(50);
    store.getState().receive({ type: 'snapshot', snapshot: c.snapshot(true) });
    for (const f of frames.splice(0)) f(0);
    const command = store.getState().takeCommand();
    expect(command).not.toBe('tx t1');
    c.act({ type: 'request', node: 1, command });
    expect(c.snapshot(false).trace.list.map((e) => e.text).filter((t) => t.includes('refuses'))).toEqual([]);
  });

  it('is a key-value command in Raft', () => {
    const { commands, said } = sendFromStore('raft', 1);
    expect(commands).toEqual(['set x 1']);
    expect(said.filter((t) => t.includes('refuses'))).toEqual([]);
  });
});
