import { type DependencyList, useLayoutEffect, useRef } from 'react';
import { type Context2D, fitCanvas } from '../draw/fitCanvas';

export type Painter = (ctx: Context2D, width: number, height: number) => void;

/**
 * A canvas the main thread paints with `paint`: again whenever `deps` change, and when the
 * canvas is resized. A canvas's new pixels need no layout and no repaint of the page around
 * it, which is why what changes many times a second (the clock, the playhead) is drawn so.
 * The size comes from a ResizeObserver: reading it during a commit would force a layout.
 */
export function usePaintedCanvas(paint: Painter, deps: DependencyList) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useRef({ width: 0, height: 0 });
  const latest = useRef(paint);
  useLayoutEffect(() => {
    const el = canvas.current!;
    const resize = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      draw(el, size.current, latest.current);
    });
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  useLayoutEffect(() => {
    latest.current = paint;
    draw(canvas.current!, size.current, paint);
    // The caller names what the painting depends on, as with useEffect.
  }, deps);
  return { canvas, size };
}

function draw(el: HTMLCanvasElement, size: { width: number; height: number }, paint: Painter): void {
  const ctx = fitCanvas(el, { ...size, ratio: window.devicePixelRatio || 1 });
  if (ctx !== null) paint(ctx, size.width, size.height);
}
