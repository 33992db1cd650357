import { useSim } from '../store/simStore';

/**
 * "Safety violated", where it hides no teaching panel: over the cluster's legend, growing
 * upward. A violation a lesson means to show is the lesson's point, so the History, the logs
 * and the pseudocode the narration points at stay in sight. One at a time (the latest), kept
 * until × or until the run is back before any violation (Previous, Reset); the region is
 * polite and live, so the notice is announced as it comes.
 */
export function ViolationNotice() {
  const notice = useSim((s) => s.notices.find((n) => n.kind === 'violation') ?? null);
  const broken = useSim((s) => (s.safety?.violations.length ?? 0) > 0);
  const dismiss = useSim((s) => s.dismiss);
  const shown = notice !== null && broken ? notice : null;
  return (
    <div className="violation-slot" role="status">
      {shown !== null && (
        <div className="notice alert violation-notice" data-violation-notice title={shown.text}>
          <span>{shown.text}</span>
          <button type="button" aria-label="Dismiss the safety notice" data-dismiss-violation onClick={() => dismiss(shown.id)}>×</button>
        </div>
      )}
    </div>
  );
}
