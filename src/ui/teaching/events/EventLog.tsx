import { useCallback, useState } from 'react';
import { useSight, useSim } from '../../store/simStore';

const KIND_ICON: Record<string, string> = { start: '●', deliver: '→', timer: '◔', lost: '✕', action: '▲', refused: '⊘' };
/** No row is shorter than this, so this many pixels of list never show more than one row. */
const ROW_MIN_PX = 24;

/** One plain sentence per event, newest first; click one to go back to it. */
export function EventLog() {
  const trace = useSim((s) => s.events?.trace);
  const playing = useSim((s) => s.events?.playing ?? false);
  const send = useSim((s) => s.send);
  const sight = useSight('events');
  // While playing, nobody scrolls a log that moves several times a second: only the rows
  // that fit are built. Paused, the whole recent tail is there to read back.
  const [fit, setFit] = useState(30);
  const list = useCallback((el: HTMLOListElement | null) => {
    if (el === null) return;
    const resize = new ResizeObserver(([entry]) => setFit(Math.ceil(entry.contentRect.height / ROW_MIN_PX) + 1));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  if (trace === undefined) return null;
  const newestFirst = (playing ? trace.slice(-fit) : trace).toReversed();
  return (
    <section ref={sight} className="panel events" aria-label="Event log">
      <h2>Events <small>newest first · click one to go there</small></h2>
      <ol ref={list} className="event-list" reversed>
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
