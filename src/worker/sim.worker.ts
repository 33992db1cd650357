/// <reference lib="webworker" />
/**
 * The simulation worker: the only impure host. It owns the real clock, paces virtual
 * time against it (times the speed), and posts at most one snapshot per frame. Nothing it
 * does holds it for long: playing does at most PLAY_BUDGET_MS of work per frame, and a long
 * move (a link's far moment, a seek past the end) runs in slices with progress and Cancel,
 * so Pause, Cancel and every other message are heard within a frame or two.
 */
import { MAX_MOMENT } from '../scenario/defaults';
import { Controller, formatTime } from './controller';
import type { FromWorker, ToWorker } from './protocol';

const FRAME_MS = 16;
/** A background tab or a long pause must not turn into one huge leap of virtual time. */
const MAX_FRAME_GAP_MS = 100;
/** Work per frame while playing: past it, the run falls behind the wall clock rather than turning deaf. */
const PLAY_BUDGET_MS = 12;
/** Work per slice of a long move, between which messages (Cancel) are read and progress is posted. */
const SLICE_MS = 40;

let controller: Controller | null = null;
/** The drawing worker's port, when the page draws the moving layer there. */
let drawPort: MessagePort | null = null;
let dirty = true;
let traceShown = true;
let ticks = 0;
let last = performance.now();
/**
 * Long work under way (a seek toward a far moment, exporting a long trace): done slice by
 * slice in tick(), with its progress in virtual time. Null when there is none.
 */
interface Job {
  label: string;
  work(enough: () => boolean): boolean;
  progress(): { from: number; target: number; now: number };
  /** Stopped by Cancel (`asked`) or by another command: what to tell the user, if anything. */
  cancel(asked: boolean): string | null;
  /** What to do once the work is done. */
  finish(): void;
}
let job: Job | null = null;

function post(msg: FromWorker): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);
}

/** Starts a long job: done at once if it is short, else continued slice by slice in tick(). */
function start(next: Job): void {
  job = next;
  continueJob();
}

/** One slice of the job under way; posts how far it has come, or that it is over. */
function continueJob(): void {
  const deadline = performance.now() + SLICE_MS;
  const j = job!;
  if (j.work(() => performance.now() > deadline)) {
    endJob();
    j.finish();
  } else {
    post({ type: 'progress', progress: { label: j.label, ...j.progress() } });
  }
  dirty = true;
}

function endJob(): void {
  if (job === null) return;
  job = null;
  post({ type: 'progress', progress: null });
}

function seek(c: Controller, time: number, label: string, stopAtViolation = false): void {
  c.beginSeek(time, stopAtViolation);
  start({
    label, work: (enough) => c.work(enough), progress: () => c.progress()!,
    cancel: (asked) => {
      c.cancelSeek();
      return asked ? `Stopped at ${formatTime(c.time)}, where the run had come to.` : null;
    },
    finish: () => {},
  });
}

function exportTrace(c: Controller): void {
  const x = c.beginExport();
  const until = c.time;
  start({
    label: 'Exporting the trace', work: (enough) => x.work(enough), progress: () => ({ from: 0, target: until, now: x.time }),
    cancel: () => 'The trace was not exported: it was cancelled before it was done.', finish: () => post({ type: 'trace', jsonl: x.text() }),
  });
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
    endJob();
    // A new scenario keeps the speed in use, unless it names its own (a lesson's pace).
    const speed = controller?.speed;
    controller = new Controller(cmd.scenario);
    if (cmd.scenario.speed === undefined && speed !== undefined) controller.setSpeed(speed);
    controller.traceShown = traceShown;
    const at = Math.min(cmd.at ?? 0, MAX_MOMENT);
    if (at > 0) {
      // The cluster shows at once, at the start, while the run moves on to the link's moment.
      post({ type: 'snapshot', snapshot: controller.snapshot(true) });
      seek(controller, at, `Opening the run at ${formatTime(at)}`);
    }
    dirty = true;
    return;
  }
  if (controller === null) return;
  const c = controller;
  // A query answers at once and changes nothing: it neither ends a long job nor makes the frame dirty.
  if (cmd.type === 'spacetime') {
    post({ type: 'spacetime', window: c.spaceTimeWindow(cmd.query) });
    return;
  }
  if (cmd.type === 'where') {
    post({ type: 'where', id: cmd.id, time: c.time, events: c.events, playing: c.playing });
    return;
  }
  if (cmd.type === 'scenario') {
    post({ type: 'scenario', id: cmd.id, scenario: c.scenario() });
    return;
  }
  // Anything else the user does ends a long job; a seek stays where it has come to (a new seek replaces it).
  if (job !== null && cmd.type !== 'speed') {
    const notice = job.cancel(cmd.type === 'cancel');
    endJob();
    if (notice !== null) post({ type: 'notice', text: notice });
  }
  switch (cmd.type) {
    case 'play': c.play(); last = performance.now(); break;
    case 'pause':
      c.pause();
      // Pause shows at once, not at the next tick: the click has already waited for the slice under way.
      if (job === null) {
        flush(c);
        return;
      }
      break;
    case 'cancel': break;
    case 'stepForward': c.pause(); c.stepForward(); break;
    case 'stepBack': c.pause(); c.stepBack(); break;
    case 'seekTime': seek(c, Math.min(cmd.time, MAX_MOMENT), `Moving to ${formatTime(cmd.time)}`, cmd.stopAtViolation); break;
    case 'seekEvent': c.pause(); c.seekEvent(cmd.seq); break;
    case 'speed': c.setSpeed(cmd.speed); break;
    case 'act': {
      const notice = c.act(cmd.action);
      if (notice !== null) post({ type: 'notice', text: notice, kind: 'discarded' });
      break;
    }
    case 'undoDiscard': {
      const notice = c.undoDiscard();
      if (notice !== null) post({ type: 'notice', text: notice });
      break;
    }
    case 'narrationNext':
      if (c.narrationNext()) last = performance.now();
      else post({ type: 'notice', text: 'That was the last narration step.' });
      break;
    case 'narrationPrev': c.narrationPrev(); break;
    case 'restart': c.restart(); break;
    case 'setNarration': c.setNarration(cmd.narration); break;
    case 'seekLine': {
      const notice = c.seekLine(cmd.line, cmd.direction, cmd.node);
      if (notice !== null) post({ type: 'notice', text: notice });
      break;
    }
    case 'exportTrace': exportTrace(c); break;
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

/** Sends the page its snapshot, and the drawing worker what moves at that moment. */
function flush(c: Controller): void {
  const snapshot = c.snapshot(true);
  post({ type: 'snapshot', snapshot });
  drawPort?.postMessage(c.movingFrame(snapshot));
  dirty = false;
}

function tick(): void {
  const now = performance.now();
  const gap = Math.min(now - last, MAX_FRAME_GAP_MS);
  last = now;
  try {
    if (job !== null) {
      continueJob();
    } else if (controller !== null && controller.playing) {
      if (controller.advance(gap * controller.speed, () => performance.now() - now > PLAY_BUDGET_MS)) {
        const v = controller.snapshot().safety?.violations.at(-1);
        post({ type: 'notice', text: `Safety violated: ${v?.text ?? 'a safety check failed'}. The run is paused.`, kind: 'violation' });
      }
      dirty = true;
    }
    // While playing, the page takes a snapshot every other frame: its views refresh at most
    // 15 times a second, and what moves every frame goes to the drawing worker regardless.
    // During a long move it waits for the end: the progress bar says how far it is.
    const pageSkips = controller !== null && controller.playing && drawPort !== null && ticks++ % 2 === 1;
    if (controller !== null && dirty && job === null && !pageSkips) {
      flush(controller);
    } else if (controller !== null && dirty && job === null) {
      drawPort?.postMessage(controller.movingNow());
    }
  } catch (err) {
    if (controller !== null) controller.pause();
    endJob();
    post({ type: 'error', text: `The simulation stopped: ${(err as Error).message}` });
  }
  setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - now)));
}

tick();
