import { type DependencyList, useLayoutEffect, useRef } from 'react';

export type Painter = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

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
  if (size.width === 0 || size.height === 0) return;
  const ratio = window.devicePixelRatio || 1;
  const [w, h] = [Math.round(size.width * ratio), Math.round(size.height * ratio)];
  if (el.width !== w || el.height !== h) { el.width = w; el.height = h; }
  const ctx = el.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  paint(ctx, size.width, size.height);
}
