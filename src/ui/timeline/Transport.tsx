import { SPEEDS } from '../../scenario/defaults';
import { paintClock } from '../draw/clockPaint';
import { usePalette } from '../shell/themeState';
import { useSim } from '../store/simStore';
import { usePaintedCanvas } from './usePaintedCanvas';

/** Icons drawn as SVG: symbol fonts differ between machines and projectors. */
function Icon({ kind }: { kind: 'back' | 'play' | 'pause' | 'forward' }) {
  const paths = {
    back: 'M4 3h2v14H4zM17 3v14L7 10z',
    play: 'M6 3v14l11-7z',
    pause: 'M5 3h4v14H5zM11 3h4v14h-4z',
    forward: 'M14 3h2v14h-2zM3 3v14l10-7z',
  };
  return <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><path d={paths[kind]} fill="currentColor" /></svg>;
}


export function speedLabel(speed: number): string {
  return `${speed}×`;
}

/** Play/pause, step back and forward, and speed: the buttons a lecturer uses most. */
export function Transport() {
  const playing = useSim((s) => s.snapshot?.playing ?? false);
  const speed = useSim((s) => s.snapshot?.speed ?? 0.05);
  const atStart = useSim((s) => (s.snapshot?.events ?? 0) === 0);
  const send = useSim((s) => s.send);
  // In a narrated run the arrows move between narration steps (see useShortcuts): only , and . step.
  const narrated = useSim((s) => (s.scenario?.narration.length ?? 0) > 0);
  return (
    <div className="transport" role="group" aria-label="Playback">
      <button type="button" onClick={() => send({ type: 'stepBack' })} disabled={atStart} aria-label="Step back one event" title={narrated ? 'Step back one event (,)' : 'Step back one event (← or ,)'}><Icon kind="back" /></button>
      <button type="button" className="play" onClick={() => send({ type: playing ? 'pause' : 'play' })} aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (Space)">
        <Icon kind={playing ? 'pause' : 'play'} />
      </button>
      <button type="button" onClick={() => send({ type: 'stepForward' })} aria-label="Step forward one event" title={narrated ? 'Step forward one event (.)' : 'Step forward one event (→ or .)'}><Icon kind="forward" /></button>
      <label className="speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => send({ type: 'speed', speed: Number(e.target.value) })} aria-label="Speed" title="Slower / faster ([ and ])">
          {SPEEDS.map((s) => <option key={s} value={s}>{speedLabel(s)}</option>)}
        </select>
      </label>
    </div>
  );
}

/**
 * Virtual time and event count, large enough to read from the back of the room. Painted on
 * a canvas: new text would cost each refresh a layout and a repaint of the header around
 * it. The element carries the figures as data and for assistive technology.
 */
export function Clock() {
  const time = useSim((s) => s.hud?.time ?? 0);
  const events = useSim((s) => s.hud?.events ?? 0);
  const t = Math.floor(time);
  const palette = usePalette();
  const { canvas } = usePaintedCanvas((ctx, width, height) => paintClock(ctx, width, height, t, events, palette), [t, events, palette]);
  return (
    <div className="clock" role="timer" data-virtual-time={t} data-events={events} aria-label={`Virtual time ${t} milliseconds, event ${events}`}>
      <canvas ref={canvas} className="clock-face" aria-hidden="true" />
    </div>
  );
}
