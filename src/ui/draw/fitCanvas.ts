/** A canvas's size in CSS pixels, and the device's pixels per CSS pixel. */
export interface CanvasSize {
  width: number;
  height: number;
  ratio: number;
}

/**
 * Gives the canvas as many pixels as the device shows over its CSS size, and returns its
 * context drawing in CSS pixels times `scale` (so 1 unit = 1 CSS pixel by default); null
 * while the canvas has no size yet. Every canvas of the page is prepared so.
 */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export function fitCanvas(el: HTMLCanvasElement | OffscreenCanvas, size: CanvasSize, scale = 1): Context2D | null {
  const w = Math.round(size.width * size.ratio);
  const h = Math.round(size.height * size.ratio);
  if (w === 0 || h === 0) return null;
  if (el.width !== w || el.height !== h) { el.width = w; el.height = h; }
  const ctx = el.getContext('2d') as Context2D;
  const k = size.ratio * scale;
  ctx.setTransform(k, 0, 0, k, 0, 0);
  return ctx;
}
