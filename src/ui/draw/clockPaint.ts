/**
 * Drawing the clock: virtual time large, the event count below, right-aligned. Digits get
 * equal widths, so the figures stand still while they change.
 */
import type { Palette } from '../theme';
import type { Context2D } from './fitCanvas';

const font = (px: number) => `700 ${px}px system-ui, sans-serif`;

export function paintClock(ctx: Context2D, width: number, height: number, time: number, events: number, palette: Palette): void {
  ctx.clearRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const clock = `${(Math.floor(time) / 1000).toFixed(3)} s`;
  // From about 1000 s the figure outgrows the face at full size: it shrinks to stay whole.
  const px = Math.min(23, Math.floor((23 * width) / widthOfText(ctx, clock, font(23))));
  tabular(ctx, clock, width, 25, font(px), palette.ink);
  tabular(ctx, `event ${events.toLocaleString('en')}`, width, height - 6, '13.5px system-ui, sans-serif', palette.muted);
}

/** Widths of characters by font: the clock draws the same dozen characters over and over. */
const widths = new Map<string, number>();

function widthOf(ctx: Context2D, font: string, ch: string): number {
  const key = font + ch;
  let w = widths.get(key);
  if (w === undefined) {
    w = ctx.measureText(ch).width;
    widths.set(key, w);
  }
  return w;
}

/** Each character's cell: a digit as wide as the widest digit, so the figures stand still. */
function cellsOf(ctx: Context2D, text: string, font: string): number[] {
  ctx.font = font;
  const digit = Math.max(...'0123456789'.split('').map((d) => widthOf(ctx, font, d)));
  return [...text].map((ch) => (ch >= '0' && ch <= '9' ? digit : widthOf(ctx, font, ch)));
}

function widthOfText(ctx: Context2D, text: string, font: string): number {
  return cellsOf(ctx, text, font).reduce((a, b) => a + b, 0);
}

/** Draws the text right-aligned at `right`, each digit in a cell as wide as the widest digit. */
function tabular(ctx: Context2D, text: string, right: number, y: number, font: string, color: string): void {
  const cells = cellsOf(ctx, text, font);
  ctx.fillStyle = color;
  const chars = [...text];
  let x = right - cells.reduce((a, b) => a + b, 0);
  chars.forEach((ch, i) => {
    ctx.fillText(ch, x + (cells[i] - widthOf(ctx, font, ch)) / 2, y);
    x += cells[i];
  });
}
