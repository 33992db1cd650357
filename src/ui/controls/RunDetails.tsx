import { useSim } from '../store/simStore';

/** Facts that identify the run: a class compares the trace hash to confirm they watch the same run. */
export function RunDetails() {
  const hash = useSim((s) => s.info?.snapshot.traceHash ?? '');
  const events = useSim((s) => s.info?.snapshot.events ?? 0);
  const frontier = useSim((s) => s.info?.snapshot.frontier.events ?? 0);
  const seed = useSim((s) => s.scenario?.seed);
  const actions = useSim((s) => s.actionCount);
  return (
    <details className="panel run-details">
      <summary>Run details</summary>
      <dl>
        <dt>Trace hash</dt><dd><code data-trace-hash={hash}>{hash}</code></dd>
        <dt>Event</dt><dd>{events.toLocaleString('en')} of {frontier.toLocaleString('en')} computed</dd>
        <dt>Seed</dt><dd>{seed}</dd>
        <dt>Recorded actions</dt><dd>{actions}</dd>
      </dl>
    </details>
  );
}
