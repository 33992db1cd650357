import { useEffect, useRef, useState } from 'react';
import { useSim } from '../store/simStore';

/**
 * What a screen reader hears as the run moves by steps: the event the step produced, once,
 * in a polite live region. While the run plays it stays silent (dozens of events a second
 * would drown everything else), and it says nothing about the run as the page opens.
 */
export function StepAnnouncer() {
  const ready = useSim((s) => s.snapshot !== null);
  const playing = useSim((s) => s.snapshot?.playing ?? true);
  const last = useSim((s) => s.trace.at(-1) ?? null);
  const [said, setSaid] = useState<{ seq: number; text: string } | null>(null);
  // The newest event already on screen when the page opened (undefined until it has).
  const heard = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    const seq = last?.seq ?? null;
    if (heard.current === undefined) { heard.current = seq; return; }
    if (playing) { setSaid(null); return; }
    if (last === null || seq === heard.current) return;
    heard.current = seq;
    setSaid({ seq: last.seq, text: `${(last.t / 1000).toFixed(3)} s: ${last.text}` });
  }, [ready, playing, last]);
  return <div className="step-announcer" aria-live="polite" data-seq={said?.seq}>{said?.text ?? ''}</div>;
}
