import { useEffect } from 'react';
import { useSim } from '../store/simStore';

/**
 * A long move in the worker (a link's far moment, a seek past the end of a long run): how far
 * it has come, and Cancel (or Escape), which leaves the run where it got to. The page stays
 * usable meanwhile; anything else the user does ends the move too.
 */
export function Progress() {
  const progress = useSim((s) => s.progress);
  const send = useSim((s) => s.send);
  const active = progress !== null;
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') send({ type: 'cancel' }); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, send]);
  if (progress === null) return null;
  const span = Math.max(1, progress.target - progress.from);
  const done = Math.min(1, Math.max(0, (progress.now - progress.from) / span));
  return (
    <div className="progress-card" data-progress={done.toFixed(3)}>
      <span className="progress-label" role="status">{progress.label}…</span>
      <progress max={1} value={done} aria-label={`${progress.label}: ${Math.round(done * 100)}%`} />
      <span className="progress-figures">{(progress.now / 1000).toFixed(1)} of {(progress.target / 1000).toFixed(1)} s</span>
      <button type="button" onClick={() => send({ type: 'cancel' })} title="Stop here (Escape): the run stays where it has come to">Cancel</button>
    </div>
  );
}
