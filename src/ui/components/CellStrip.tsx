import { memo, useLayoutEffect, useRef } from 'react';

/** One log entry or slot as the strip draws it. */
export interface StripCell {
  /** Large, on top: the entry's term, or the ballot a slot was accepted at. */
  label: string;
  /** Small, below: the command or value. */
  sub: string;
  /** Border and label colour. */
  color: string;
  /** Committed (or decided): a solid border and a tinted fill; otherwise dashed. */
  solid: boolean;
  /** The last committed entry: a bar on its right, the commitLength boundary. */
  boundary?: boolean;
  /** The next entry the leader will send this follower (sentLength + 1). */
  next?: boolean;
  /** Acknowledged by this follower as the leader sees it (within ackedLength). */
  acked?: boolean;
  /** A no-op filling a gap. */
  hatched?: boolean;
  /** A slot this replica knows nothing of. */
  empty?: boolean;
  /** What a mouse pointer shows, and what assistive technology reads. */
  title: string;
  /** The cell's data-* hooks. */
  data: Record<string, string | number | boolean>;
}

const CELL = { width: 54, height: 40, gap: 3, more: 70 } as const;
const INK = '#0f172a';
const OK = '#15803d';
const NEXT = '#0e7490';

/**
 * A row of log cells drawn on a canvas: as a run plays, whole windows of entries slide by
 * several times a second, and a canvas redraws them for a fraction of what laying out
 * hundreds of elements costs. The cells also exist as the canvas's fallback content: never
 * laid out or painted, but read by assistive technology and carrying the data-* hooks.
 */
export const CellStrip = memo(function CellStrip({ cells, more, emptyText }: { cells: StripCell[]; more: boolean; emptyText?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef({ cells, more, emptyText });
  drawn.current = { cells, more, emptyText };
  // The canvas's size comes from a ResizeObserver, never read during a render: reading it
  // there would force a layout in the middle of React's commit.
  const size = useRef<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = canvas.current!;
    const resize = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      paintStrip(el, size.current, drawn.current.cells, drawn.current.more, drawn.current.emptyText);
    });
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  useLayoutEffect(() => {
    if (size.current !== null) paintStrip(canvas.current!, size.current, cells, more, emptyText);
  }, [cells, more, emptyText]);
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left - (more ? CELL.more + CELL.gap : 0);
    const k = Math.floor(x / (CELL.width + CELL.gap));
    const title = x >= 0 && x % (CELL.width + CELL.gap) < CELL.width ? cells[k]?.title ?? '' : '';
    if (e.currentTarget.title !== title) e.currentTarget.title = title;
  };
  return (
    <canvas ref={canvas} className="cell-strip" onMouseMove={onMove}>
      {cells.map((c, k) => (
        // Keyed by column: as the window slides, cells change their attributes and are not rebuilt.
        <span key={k} role="cell" className="log-cell" title={c.title} {...dataAttributes(c.data)}>{c.label} {c.sub}</span>
      ))}
      {cells.length === 0 && emptyText !== undefined && <span role="cell">{emptyText}</span>}
    </canvas>
  );
});

function dataAttributes(data: StripCell['data']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[`data-${k}`] = String(v);
  return out;
}

function paintStrip(el: HTMLCanvasElement, size: { width: number; height: number }, cells: StripCell[], more: boolean, emptyText: string | undefined): void {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(size.width * ratio);
  const h = Math.round(size.height * ratio);
  if (w === 0 || h === 0) return;
  if (el.width !== w || el.height !== h) { el.width = w; el.height = h; }
  const ctx = el.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  const top = Math.round(Math.max(0, (size.height - CELL.height) / 2));
  let x = more ? CELL.more + CELL.gap : 0;
  if (cells.length === 0 && emptyText !== undefined) {
    ctx.font = 'italic 13px system-ui, sans-serif';
    ctx.fillStyle = '#475569';
    ctx.textBaseline = 'middle';
    ctx.fillText(emptyText, x, top + CELL.height / 2);
    return;
  }
  for (const c of cells) {
    if (x > size.width) break;
    paintCell(ctx, c, x, top);
    x += CELL.width + CELL.gap;
  }
}

function paintCell(ctx: CanvasRenderingContext2D, c: StripCell, x: number, y: number): void {
  const { width: w, height: h } = CELL;
  if (c.empty) {
    ctx.setLineDash([1, 2]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#cbd5e1';
    ctx.beginPath(); ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 5); ctx.stroke();
    return;
  }
  ctx.beginPath(); ctx.roundRect(x + 1, y + 1, w - 2, h - 2, 5);
  ctx.fillStyle = c.solid && !c.hatched ? tint(c.color) : '#fff';
  ctx.fill();
  if (c.hatched) {
    ctx.save(); ctx.clip();
    ctx.strokeStyle = '#e2e8f0'; ctx.lineWidth = 3;
    for (let d = -h; d < w; d += 8) { ctx.beginPath(); ctx.moveTo(x + d, y + h); ctx.lineTo(x + d + h, y); ctx.stroke(); }
    ctx.restore();
  }
  if (c.acked) { ctx.fillStyle = OK; ctx.fillRect(x + 2, y + h - 5, w - 4, 3); }
  ctx.lineWidth = 2;
  ctx.strokeStyle = c.color;
  if (!c.solid) ctx.setLineDash([6, 4]);
  ctx.beginPath(); ctx.roundRect(x + 1, y + 1, w - 2, h - 2, 5);
  ctx.stroke();
  if (!c.solid) ctx.setLineDash([]);
  if (c.next) { ctx.strokeStyle = NEXT; ctx.lineWidth = 2; ctx.strokeRect(x - 1, y - 1, w + 2, h + 2); }
  if (c.boundary) { ctx.fillStyle = INK; ctx.fillRect(x + w, y, 3, h); }
  ctx.textAlign = 'center';
  ctx.font = '800 15px system-ui, sans-serif';
  ctx.fillStyle = c.color;
  ctx.fillText(c.label, x + w / 2, y + 18, w - 6);
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = INK;
  ctx.fillText(ellipsize(ctx, c.sub, w - 6), x + w / 2, y + 32);
}

const tints = new Map<string, string>();

/** The colour at 20% over white, opaque: one fill instead of white and then a translucent one. */
function tint(color: string): string {
  let t = tints.get(color);
  if (t === undefined) {
    const mix = (k: number) => Math.round(255 - 0.2 * (255 - parseInt(color.slice(k, k + 2), 16))).toString(16).padStart(2, '0');
    t = `#${mix(1)}${mix(3)}${mix(5)}`;
    tints.set(color, t);
  }
  return t;
}

const fitted = new Map<string, string>();

/** The text cut to fit the cell, with an ellipsis; remembered, since the same commands recur. */
function ellipsize(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  const known = fitted.get(text);
  if (known !== undefined) return known;
  let out = text;
  if (ctx.measureText(text).width > max) {
    while (out.length > 1 && ctx.measureText(`${out}…`).width > max) out = out.slice(0, -1);
    out = `${out}…`;
  }
  if (fitted.size > 2000) fitted.clear();
  fitted.set(text, out);
  return out;
}
