import { useSim } from '../store/simStore';

/**
 * "Safety violated", where it hides no teaching panel: over the cluster's legend, growing
 * upward. A violation a lesson means to show is the lesson's point, so the History, the logs
 * and the pseudocode the narration points at stay in sight. It reads the present moment's
 * violations, so a link or a seek to a moment shows what playing there shows; it names the
 * first (the point: later ones are its consequences) and stands until × or until the run is
 * back before it (Previous, Reset). The region is polite and live, so it is announced as it comes.
 */
export function ViolationNotice() {
  const violations = useSim((s) => s.safety?.violations);
  const dismissed = useSim((s) => s.violationsDismissed);
  const paused = useSim((s) => s.snapshot?.playing === false);
  const dismiss = useSim((s) => s.dismissViolation);
  const first = violations !== undefined && violations.length > dismissed ? violations[0] : null;
  const more = (violations?.length ?? 0) - 1;
  const text = first === null ? null
    : `Safety violated: ${first.text}${more > 0 ? ` (and ${more} more)` : ''}.${paused ? ' The run is paused.' : ''}`;
  return (
    <div className="violation-slot" role="status">
      {text !== null && (
        <div className="notice alert violation-notice" data-violation-notice title={text}>
          <span>{text}</span>
          <button type="button" aria-label="Dismiss the safety notice" data-dismiss-violation onClick={dismiss}>×</button>
        </div>
      )}
    </div>
  );
}
