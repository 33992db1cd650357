import { type RefObject, type UIEvent, useCallback, useLayoutEffect, useRef } from 'react';

/** Room left above and below the lines brought into sight (px), so their outline shows whole. */
const MARGIN = 6;

/**
 * Keeps in the pseudocode panel's sight (its own scroll, never the page's) what the class should
 * read. Resting on an event (paused, at a narration step): the lines the step names, else the
 * lines that ran, scrolled into view when they are not; again when the panel's height changes
 * (its tab shown, a longer step's text). Layout is read only then. Playing: a new handler is
 * shown from its top, and only when the panel was scrolled away from it, with no layout read
 * (setting scrollTop lays the page out then and there, and the event changes 4 times a second).
 * Returns the panel body's scroll handler.
 */
export function useScrollIntoView(body: RefObject<HTMLElement | null>, seq: number, named: readonly string[], playing: boolean): (e: UIEvent<HTMLElement>) => void {
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    const box = body.current;
    if (box === null) return;
    if (playing) {
      if (scrolled.current) box.scrollTop = 0;
      scrolled.current = false;
      return;
    }
    bringIntoSight(box, named);
    const watch = new ResizeObserver(() => bringIntoSight(box, named));
    watch.observe(box);
    return () => watch.disconnect();
  }, [body, seq, named, playing]);
  return useCallback((e: UIEvent<HTMLElement>) => { scrolled.current = e.currentTarget.scrollTop > 0; }, []);
}

/** Scrolls `box` the least that shows the shown handlers' lines named (else those that ran); where they do not fit, the first named at the top. */
function bringIntoSight(box: HTMLElement, named: readonly string[]): void {
  if (box.clientHeight === 0) return;
  // In the step's order: where they do not all fit, the first it names is the one shown.
  const narrated = named.flatMap((id) => [...box.querySelectorAll(`.code-handler [data-line-id="${CSS.escape(id)}"]`)]);
  const lines = narrated.length > 0 ? narrated : [...box.querySelectorAll('.code-handler [data-ran="true"]')];
  if (lines.length === 0) return;
  const origin = box.getBoundingClientRect().top - box.scrollTop;
  const rects = lines.map((el) => el.getBoundingClientRect());
  const top = Math.min(...rects.map((r) => r.top)) - origin;
  const bottom = Math.max(...rects.map((r) => r.bottom)) - origin;
  const inSight = (a: number, b: number) => a >= box.scrollTop && b <= box.scrollTop + box.clientHeight;
  const room = box.clientHeight - (bottom - top);
  const first = { top: rects[0].top - origin, bottom: rects[0].bottom - origin };
  if (inSight(top, bottom) || (room < 0 && inSight(first.top, first.bottom))) return;
  if (room >= 0) box.scrollTop = Math.max(0, Math.min(top - Math.min(MARGIN, room / 2), bottom - box.clientHeight + Math.min(MARGIN, room / 2)));
  else box.scrollTop = Math.max(0, first.top - Math.max(0, Math.min(MARGIN, (box.clientHeight - (first.bottom - first.top)) / 2)));
}
