import { type DependencyList, useLayoutEffect, useRef } from 'react';
import { type Context2D, fitCanvas } from '../draw/fitCanvas';

export type Painter = (ctx: Context2D, width: number, height: number) => void;

/**
 * A canvas the main thread paints with `paint`: again whenever `deps` change, and when the
 * canvas is resized. A canvas's new pixels need no layout and no repaint of the page around
 * it, which is why what changes many times a second (the clock, the playhead) is drawn so.
 * The size comes from a ResizeObserver: reading it during a commit would force a layout.
 *
 * The painting happens on an OffscreenCanvas and is copied to the canvas as a picture. On a
 * canvas in the page, setting the font makes the browser bring the page's style up to date
 * first (to resolve the font against the canvas's own style), and these canvases repaint
 * right after React's commit, when the style is out of date: the clock alone cost about
 * 1.3 ms of main-thread CPU per refresh so, 15 times a second while playing.
 */
export function usePaintedCanvas(paint: Painter, deps: DependencyList) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useRef({ width: 0, height: 0 });
  const latest = useRef(paint);
  const scratch = useRef<OffscreenCanvas | null>(null);
  const draw = (el: HTMLCanvasElement, paintWith: Painter) => {
    const { width, height } = size.current;
    const fit = { width, height, ratio: window.devicePixelRatio || 1 };
    if (typeof OffscreenCanvas === 'undefined') {
      const ctx = fitCanvas(el, fit);
      if (ctx !== null) paintWith(ctx, width, height);
      return;
    }
    scratch.current ??= new OffscreenCanvas(1, 1);
    const ctx = fitCanvas(scratch.current, fit);
    if (ctx === null) return;
    paintWith(ctx, width, height);
    // Copying the pixels needs no font, so no style: the page's canvas only shows the picture.
    const shown = fitCanvas(el, fit);
    if (shown === null) return;
    shown.setTransform(1, 0, 0, 1, 0, 0);
    shown.clearRect(0, 0, el.width, el.height);
    shown.drawImage(scratch.current, 0, 0);
  };
  useLayoutEffect(() => {
    const el = canvas.current!;
    const resize = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      draw(el, latest.current);
    });
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  useLayoutEffect(() => {
    latest.current = paint;
    draw(canvas.current!, paint);
    // The caller names what the painting depends on, as with useEffect.
  }, deps);
  return { canvas, size };
}
