/// <reference lib="webworker" />
/**
 * The simulation worker: the only impure host. It owns the real clock, paces virtual
 * time against it (times the speed), and posts at most one snapshot per frame.
 */
import { Controller } from './controller';
import type { FromWorker, ToWorker } from './protocol';

const FRAME_MS = 16;
/** A background tab or a long pause must not turn into one huge leap of virtual time. */
const MAX_FRAME_GAP_MS = 100;

let controller: Controller | null = null;
/** The drawing worker's port, when the page draws the moving layer there. */
let drawPort: MessagePort | null = null;
let dirty = true;
let traceShown = true;
let ticks = 0;
let last = performance.now();

function post(msg: FromWorker): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);
}

function handle(cmd: ToWorker): void {
  if (cmd.type === 'drawTo') {
    drawPort = cmd.port;
    dirty = true;
    return;
  }
  if (cmd.type === 'traceShown') {
    traceShown = cmd.shown;
    if (controller !== null) controller.traceShown = traceShown;
    dirty = true;
    return;
  }
  if (cmd.type === 'load') {
    controller = new Controller(cmd.scenario, cmd.at);
    controller.traceShown = traceShown;
    dirty = true;
    return;
  }
  if (controller === null) return;
  const c = controller;
  // A query answers at once and changes nothing, so it does not make the frame dirty.
  if (cmd.type === 'spacetime') {
    post({ type: 'spacetime', window: c.spaceTimeWindow(cmd.query) });
    return;
  }
  switch (cmd.type) {
    case 'play': c.playing = true; last = performance.now(); break;
    case 'pause': c.playing = false; break;
    case 'stepForward': c.playing = false; c.stepForward(); break;
    case 'stepBack': c.playing = false; c.stepBack(); break;
    case 'seekTime': c.seekTime(cmd.time); break;
    case 'seekEvent': c.playing = false; c.seekEvent(cmd.seq); break;
    case 'speed': c.setSpeed(cmd.speed); break;
    case 'act': {
      const notice = c.act(cmd.action);
      if (notice !== null) post({ type: 'notice', text: notice });
      break;
    }
    case 'narrationNext':
      if (c.narrationNext()) last = performance.now();
      else post({ type: 'notice', text: 'That was the last narration step.' });
      break;
    case 'narrationPrev': c.narrationPrev(); break;
    case 'setNarration': c.setNarration(cmd.narration); break;
    case 'exportTrace': post({ type: 'trace', jsonl: c.exportTrace() }); break;
  }
  dirty = true;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'error', text: `The simulation could not do that: ${(err as Error).message}` });
  }
};

function tick(): void {
  const now = performance.now();
  const gap = Math.min(now - last, MAX_FRAME_GAP_MS);
  last = now;
  try {
    if (controller !== null && controller.playing) {
      if (controller.advance(gap * controller.speed)) {
        const v = controller.snapshot().safety?.violations.at(-1);
        post({ type: 'notice', text: `Safety violated: ${v?.text ?? 'a safety check failed'}. The run is paused.` });
      }
      dirty = true;
    }
    // While playing, the page takes a snapshot every other frame: its views refresh at most
    // 15 times a second, and what moves every frame goes to the drawing worker regardless.
    const pageSkips = controller !== null && controller.playing && drawPort !== null && ticks++ % 2 === 1;
    if (controller !== null && dirty && !pageSkips) {
      const snapshot = controller.snapshot(true);
      post({ type: 'snapshot', snapshot });
      drawPort?.postMessage(controller.movingFrame(snapshot));
      dirty = false;
    } else if (controller !== null && dirty) {
      drawPort?.postMessage(controller.movingNow());
    }
  } catch (err) {
    if (controller !== null) controller.playing = false;
    post({ type: 'error', text: `The simulation stopped: ${(err as Error).message}` });
  }
  setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - now)));
}

tick();
