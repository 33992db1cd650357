import { useContext, useEffect, useRef, useState } from 'react';
import { SPEEDS } from '../../scenario/defaults';
import { Dialog } from './Dialog';
import { speedLabel } from '../timeline/Transport';
import { saveFile } from '../files';
import { SimContext, useSim } from '../store/simStore';
import { cannotRecord, type Recording, recordRun, FPS, type Span, VIDEO_WIDTH } from './recordVideo';

/** A video longer than this (in the viewer's time) is more than a slide needs, and a large file. */
const MAX_VIDEO_S = 120;

/** What the span fields say: the span in virtual ms, or why not. */
export function readSpan(from: string, to: string, speed: number): Span | string {
  const a = Number(from);
  const b = Number(to);
  if (from.trim() === '' || !Number.isFinite(a) || a < 0) return 'The start is a time in seconds, 0 or more.';
  if (to.trim() === '' || !Number.isFinite(b)) return 'The end is a time in seconds.';
  if (b <= a) return 'The end comes after the start.';
  if ((b - a) / speed > MAX_VIDEO_S) return `At ${speedLabel(speed)} that is a ${Math.round((b - a) / speed)} s video; at most ${MAX_VIDEO_S} s: choose a shorter span or a faster speed.`;
  return { from: Math.round(a * 1000), to: Math.round(b * 1000), speed };
}

/**
 * Records a span of the run as a WebM video of the cluster, for a lecturer's slides: from and
 * to in seconds of virtual time (by default from now to the next narration step, or one
 * second on), at a chosen speed, with a progress bar while the frames are made.
 */
export function VideoDialog({ onClose }: { onClose: () => void }) {
  const store = useContext(SimContext)!;
  const now = useSim((s) => Math.floor(s.snapshot?.time ?? 0));
  const [initial] = useState(() => {
    const s = store.getState();
    const next = s.scenario?.narration.map((n) => n.at).find((at) => at > now);
    return { from: now / 1000, to: (next ?? now + 1000) / 1000, speed: s.snapshot?.speed ?? 1 };
  });
  const [from, setFrom] = useState(String(initial.from));
  const [to, setTo] = useState(String(initial.to));
  const [speed, setSpeed] = useState(initial.speed);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [unable, setUnable] = useState<string | null>(null);
  useEffect(() => { void cannotRecord().then(setUnable); }, []);
  const recording = useRef<Recording | null>(null);
  const span = readSpan(from, to, speed);
  // Closing the dialog (Escape, Close) throws an unfinished recording away.
  useEffect(() => () => recording.current?.stop(false), []);

  const record = () => {
    const svg = document.querySelector<SVGSVGElement>('.cluster svg');
    if (typeof span === 'string' || svg === null) return;
    setMessage(null);
    try {
      // Whole per cent: the dialog redraws when the bar moves, not every frame.
      const r = recordRun(store, svg, span, (share) => setProgress(Math.floor(share * 100) / 100));
      recording.current = r;
      setProgress(0);
      r.done.then((result) => {
        recording.current = null;
        setProgress(null);
        if (result === null) return;
        saveFile(`quorum-run-${span.from}-${result.endedAt}ms.webm`, result.video, 'video/webm');
        const at = `${(result.endedAt / 1000).toFixed(3)} s`;
        setMessage(result.early === null ? 'Saved.' : result.early === 'stopped' ? `Stopped at ${at}: saved up to there.` : `The run waits at ${at} (a choice to make, or a rule broke): saved up to there.`);
      }, (e: unknown) => {
        recording.current = null;
        setProgress(null);
        setMessage(`The video could not be made: ${e instanceof Error ? e.message : String(e)}`);
      });
    } catch (e) {
      setMessage(`The video could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const busy = progress !== null;
  return (
    <Dialog label="Record a video" className="video-dialog" onClose={onClose}>
      <h2>Record a video</h2>
      <p>The cluster over a span of the run, as a WebM video {VIDEO_WIDTH} pixels wide at {FPS} frames a second, played at the speed chosen.</p>
      <div className="video-span">
        <label>From (s) <input type="number" min={0} step={0.1} value={from} disabled={busy} onChange={(e) => setFrom(e.target.value)} data-video="from" /></label>
        <label>To (s) <input type="number" min={0} step={0.1} value={to} disabled={busy} onChange={(e) => setTo(e.target.value)} data-video="to" /></label>
        <label>Speed <select value={speed} disabled={busy} onChange={(e) => setSpeed(Number(e.target.value))} data-video="speed">
          {SPEEDS.map((s) => <option key={s} value={s}>{speedLabel(s)}</option>)}
        </select></label>
      </div>
      <p className="hint" role={typeof span === 'string' ? 'alert' : undefined}>
        {typeof span === 'string' ? span : `A video of about ${((span.to - span.from) / 1000 / speed).toFixed(1)} s.`}
      </p>
      {busy && <progress value={progress} max={1} aria-label="Recording" data-video="progress" />}
      {unable !== null && <p role="alert">{unable}</p>}
      {message !== null && <p role="status" data-video="message">{message}</p>}
      <div className="row">
        {busy
          ? <button type="button" onClick={() => recording.current?.stop(true)} data-video="stop">Stop and save</button>
          : <button type="button" onClick={record} disabled={typeof span === 'string' || unable !== null} data-video="record" data-autofocus>Record</button>}
        <button type="button" onClick={onClose}>{busy ? 'Cancel' : 'Close'}</button>
      </div>
    </Dialog>
  );
}
