/**
 * Drawing the clock: virtual time large, the event count below, right-aligned. Digits get
 * equal widths, so the figures stand still while they change.
 */
const INK = '#0f172a';
const MUTED = '#475569';

export function clockText(time: number, events: number): { time: string; events: string } {
  return { time: `${(Math.floor(time) / 1000).toFixed(3)} s`, events: `event ${events.toLocaleString('en')}` };
}

export function paintClock(ctx: CanvasRenderingContext2D, width: number, height: number, time: number, events: number): void {
  const text = clockText(time, events);
  ctx.clearRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  tabular(ctx, text.time, width, 25, '700 23px system-ui, sans-serif', INK);
  tabular(ctx, text.events, width, height - 6, '13.5px system-ui, sans-serif', MUTED);
}

const digitWidths = new Map<string, number>();

/** Draws the text right-aligned at `right`, each digit in a cell as wide as the widest digit. */
function tabular(ctx: CanvasRenderingContext2D, text: string, right: number, y: number, font: string, color: string): void {
  ctx.font = font;
  ctx.fillStyle = color;
  let digit = digitWidths.get(font);
  if (digit === undefined) {
    digit = Math.max(...'0123456789'.split('').map((d) => ctx.measureText(d).width));
    digitWidths.set(font, digit);
  }
  const chars = [...text];
  const widths = chars.map((ch) => (ch >= '0' && ch <= '9' ? digit : ctx.measureText(ch).width));
  let x = right - widths.reduce((a, b) => a + b, 0);
  chars.forEach((ch, i) => {
    ctx.fillText(ch, x + (widths[i] - ctx.measureText(ch).width) / 2, y);
    x += widths[i];
  });
}
