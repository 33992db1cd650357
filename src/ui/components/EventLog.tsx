import { useSight, useSim } from '../store/simStore';

const KIND_ICON: Record<string, string> = { start: '●', deliver: '→', timer: '◔', lost: '✕', action: '▲', refused: '⊘' };

/** One plain sentence per event, newest first; click one to go back to it. */
export function EventLog() {
  const trace = useSim((s) => s.events?.trace);
  const playing = useSim((s) => s.events?.playing ?? false);
  const send = useSim((s) => s.send);
  const sight = useSight('events');
  if (trace === undefined) return null;
  // While playing, nobody reads 150 lines going by: a short list keeps each frame cheap.
  const newestFirst = (playing ? trace.slice(-30) : trace).reverse();
  return (
    <section ref={sight} className="panel events" aria-label="Event log">
      <h2>Events <small>newest first · click one to go there</small></h2>
      <ol className="event-list" reversed>
        {newestFirst.map((e) => (
          <li key={e.seq} className={`event ${e.kind}`} data-seq={e.seq}>
            <button type="button" onClick={() => send({ type: 'seekEvent', seq: e.seq })} title={`${e.rule} · go to event ${e.seq}`}>
              <span className="event-t">{(e.t / 1000).toFixed(3)}</span>
              <span className="event-icon" aria-hidden="true">{KIND_ICON[e.kind] ?? '·'}</span>
              <span className="event-text">{e.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
