import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Controller } from '../../worker/controller';
import { parseScenario } from '../../scenario/validate';
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
