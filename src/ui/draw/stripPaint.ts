/**
 * Drawing a row of log cells (Raft's entries, Multi-Paxos's slots) on a canvas: a pure
 * function of the cells and the canvas's size, used by the drawing worker and, where no
 * worker can draw, by the main thread.
 */
import type { Palette } from '../theme';
import { type CanvasSize, type Context2D, fitCanvas } from './fitCanvas';

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
  /** Named by a safety check that failed: ringed in the danger colour, as the nodes it names are. */
  involved?: boolean;
  /** What a mouse pointer shows, and what assistive technology reads. */
  title: string;
  /** The cell's data-* hooks. */
  data: Record<string, string | number | boolean>;
}

/** What one strip shows: its cells, whether earlier ones are cut off, and what an empty one says. */
export interface Strip {
  cells: StripCell[];
  more: boolean;
  emptyText?: string;
  /** Each cell's width in CSS pixels (see cellWidthFor); the narrowest if not given. */
  cellWidth?: number;
}


/** A command or value under its term, in CSS pixels: legible on a projector. */
export const COMMAND_PX = 14;
// Wide and tall enough for a command in COMMAND_PX type.
// `more`: the column before the cells that marks entries cut off on the left with "…" in every
// row (how many is said in the header's first column); 70 px of it stood empty in each row.
const CELL = { width: 56, height: 38, gap: 3, more: 24 } as const;
export const MORE_PX = CELL.more;
/** The widest a cell grows when few entries leave the row empty: "c2#1 acquire L 300 @614" whole. */
export const WIDEST_CELL = 190;

/**
 * The indices a strip of `width` CSS pixels shows whole, of a log `longest` entries long: all
 * of them when they fit, else the newest that fit beside the "earlier" marker (at least one).
 * A cell cut at the strip's edge reads as a different entry, so none is drawn in part.
 */
export function indicesThatFit(width: number, longest: number): number[] {
  const step = CELL.width + CELL.gap;
  const all = Math.floor((width + CELL.gap) / step);
  const n = longest <= all ? longest : Math.max(1, Math.floor((width - CELL.more) / step));
  return Array.from({ length: n }, (_, i) => longest - n + 1 + i);
}

/**
 * How wide each of `shown` cells is drawn in a strip of `width` pixels: a fair share of the
 * row (up to WIDEST_CELL), so a few entries show their commands whole instead of "set k…" beside
 * an empty row; never narrower than the cell indicesThatFit counts with, so they all stay whole.
 */
export function cellWidthFor(width: number, shown: number, more: boolean): number {
  if (shown === 0) return CELL.width;
  const room = width - (more ? CELL.more + CELL.gap : 0);
  return Math.max(CELL.width, Math.min(WIDEST_CELL, Math.floor((room + CELL.gap) / shown - CELL.gap)));
}

/** The column under x (CSS pixels from the strip's left edge), or null between cells. */
export function columnAt(x: number, more: boolean, cellWidth: number = CELL.width): number | null {
  const from = x - (more ? CELL.more + CELL.gap : 0);
  if (from < 0 || from % (cellWidth + CELL.gap) >= cellWidth) return null;
  return Math.floor(from / (cellWidth + CELL.gap));
}

export function paintStrip(el: HTMLCanvasElement | OffscreenCanvas, size: CanvasSize, { cells, more, emptyText, cellWidth = CELL.width }: Strip, palette: Palette): void {
  const ctx = fitCanvas(el, size);
  if (ctx === null) return;
  ctx.clearRect(0, 0, size.width, size.height);
  const top = Math.round(Math.max(0, (size.height - CELL.height) / 2));
  let x = more ? CELL.more + CELL.gap : 0;
  if (more && cells.length > 0) {
    ctx.font = `700 ${COMMAND_PX}px system-ui, sans-serif`;
    ctx.fillStyle = palette.muted;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    ctx.fillText('…', CELL.more / 2, top + CELL.height / 2);
  }
  if (cells.length === 0 && emptyText !== undefined) {
    ctx.font = `italic ${COMMAND_PX}px system-ui, sans-serif`;
    ctx.fillStyle = palette.muted;
    ctx.textBaseline = 'middle';
    // The context keeps the centring of the last cells painted: without this the text starts
    // half off the strip ("y log)").
    ctx.textAlign = 'left';
    ctx.fillText(emptyText, x, top + CELL.height / 2);
    return;
  }
  ctx.textBaseline = 'alphabetic';
  for (const c of cells) {
    if (x > size.width) break;
    paintCell(ctx, c, x, top, cellWidth, palette);
    x += cellWidth + CELL.gap;
  }
}

function paintCell(ctx: Context2D, c: StripCell, x: number, y: number, w: number, palette: Palette): void {
  const h = CELL.height;
  if (c.empty) {
    ctx.setLineDash([1, 2]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = palette.line;
    ctx.beginPath(); ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 5); ctx.stroke();
    ctx.setLineDash([]);
    if (c.involved) ring(ctx, x, y, w, palette);
    return;
  }
  ctx.beginPath(); ctx.roundRect(x + 1, y + 1, w - 2, h - 2, 5);
  ctx.fillStyle = c.solid && !c.hatched ? tint(c.color, palette) : palette.panel;
  ctx.fill();
  if (c.hatched) {
    ctx.save(); ctx.clip();
    ctx.strokeStyle = palette.hatch; ctx.lineWidth = 3;
    for (let d = -h; d < w; d += 8) { ctx.beginPath(); ctx.moveTo(x + d, y + h); ctx.lineTo(x + d + h, y); ctx.stroke(); }
    ctx.restore();
  }
  if (c.acked) { ctx.fillStyle = palette.ok; ctx.fillRect(x + 2, y + h - 5, w - 4, 3); }
  ctx.lineWidth = 2;
  ctx.strokeStyle = c.color;
  if (!c.solid) ctx.setLineDash([6, 4]);
  ctx.beginPath(); ctx.roundRect(x + 1, y + 1, w - 2, h - 2, 5);
  ctx.stroke();
  if (!c.solid) ctx.setLineDash([]);
  if (c.next) { ctx.strokeStyle = palette.next; ctx.lineWidth = 2; ctx.strokeRect(x - 1, y - 1, w + 2, h + 2); }
  if (c.boundary) { ctx.fillStyle = palette.ink; ctx.fillRect(x + w, y, 3, h); }
  if (c.involved) ring(ctx, x, y, w, palette);
  const { stamp, command } = cellText(ctx, c.label, c.sub, w);
  ctx.font = LABEL_FONT;
  ctx.fillStyle = c.color;
  if (stamp === null) {
    ctx.textAlign = 'center';
    ctx.fillText(c.label, x + w / 2, y + 15, w - 6);
  } else {
    // The term, then who asked, centred together on the top line.
    const lw = ctx.measureText(c.label).width;
    ctx.font = STAMP_FONT;
    const sw = ctx.measureText(stamp).width;
    const left = x + (w - lw - STAMP_GAP - sw) / 2;
    ctx.textAlign = 'center';
    ctx.fillStyle = palette.ink;
    ctx.fillText(stamp, left + lw + STAMP_GAP + sw / 2, y + 15);
    ctx.font = LABEL_FONT;
    ctx.fillStyle = c.color;
    ctx.fillText(c.label, left + lw / 2, y + 15);
  }
  ctx.font = COMMAND_FONT;
  ctx.fillStyle = palette.ink;
  ctx.fillText(command, x + w / 2, y + 32);
}

/** The ring of a cell a failed check names, just outside the cell. */
function ring(ctx: Context2D, x: number, y: number, w: number, palette: Palette): void {
  ctx.strokeStyle = palette.danger;
  ctx.lineWidth = 3;
  ctx.setLineDash([]);
  ctx.beginPath(); ctx.roundRect(x - 1.5, y - 1.5, w + 3, CELL.height + 3, 7); ctx.stroke();
}

const tints = new Map<string, string>();

/** The colour a little way over the panel, opaque: one fill instead of the panel and then a translucent one. */
function tint(color: string, palette: Palette): string {
  const key = `${palette.name}${color}`;
  let t = tints.get(key);
  if (t === undefined) {
    const w = palette.tintWeight;
    const mix = (k: number) => Math.round((1 - w) * parseInt(palette.panel.slice(k, k + 2), 16) + w * parseInt(color.slice(k, k + 2), 16)).toString(16).padStart(2, '0');
    t = `#${mix(1)}${mix(3)}${mix(5)}`;
    tints.set(key, t);
  }
  return t;
}

const LABEL_FONT = '800 15px system-ui, sans-serif';
const COMMAND_FONT = `${COMMAND_PX}px system-ui, sans-serif`;
/** Who asked, beside the term: a little smaller than the command, which the lessons speak of. */
const STAMP_FONT = '600 12px system-ui, sans-serif';
const STAMP_GAP = 5;

/** A client's acquire and the leader's stamp on it (`c1#1 acquire L 300 @163`): the lock lessons quote the stamp. */
const STAMPED = /^(c\d+)\S* .* (@\d+)$/;
/** A client's command under its client and request number (`c1#2 set x 2`). */
const FROM_CLIENT = /^(c\d+#\d+) (.+)$/;

interface CellText {
  /** Client and request number, drawn on the top line beside the term; null when the command line holds them. */
  stamp: string | null;
  command: string;
}

const fitted = new Map<string, CellText>();

/**
 * What a cell of width `w` says under its term: the command whole if it fits. Else a client's
 * command moves its client and number up beside the term ("1 c1#2" over "set x 2"), so the
 * command the lesson speaks of stays whole and C4's c1#1 and c1#2 stay apart; the stamp is
 * dropped where the top line has no room. An acquire keeps its leader's stamp on the command
 * line (see ellipsize). Remembered per width and text, since commands recur.
 */
function cellText(ctx: Context2D, label: string, sub: string, w: number): CellText {
  const key = `${w} ${label} ${sub}`;
  const known = fitted.get(key);
  if (known !== undefined) return known;
  ctx.font = COMMAND_FONT;
  const max = w - 4;
  let out: CellText = { stamp: null, command: sub };
  const client = ctx.measureText(sub).width <= max || STAMPED.test(sub) ? null : FROM_CLIENT.exec(sub);
  if (client === null) out.command = ellipsize(ctx, sub, max);
  else {
    out.command = ellipsize(ctx, client[2], max);
    ctx.font = LABEL_FONT;
    const lw = ctx.measureText(label).width;
    ctx.font = STAMP_FONT;
    if (lw + STAMP_GAP + ctx.measureText(client[1]).width <= w - 6) out = { ...out, stamp: client[1] };
  }
  if (fitted.size > 2000) fitted.clear();
  fitted.set(key, out);
  return out;
}

/**
 * The text cut to fit `max` pixels in the context's font, with an ellipsis at its end; an
 * acquire keeps its client and stamp, cut in the middle ("c1#1…@163"), or, narrower, the two
 * alone ("c1 @163"). The whole command is in the cell's title and name.
 */
function ellipsize(ctx: Context2D, text: string, max: number): string {
  const fits = (t: string) => ctx.measureText(t).width <= max;
  if (fits(text)) return text;
  const stamped = STAMPED.exec(text);
  if (stamped !== null) {
    const [, client, stamp] = stamped;
    let head = text.slice(0, text.length - stamp.length - 1);
    while (head.length > client.length && !fits(`${head.trimEnd()}…${stamp}`)) head = head.slice(0, -1);
    const out = fits(`${head.trimEnd()}…${stamp}`) ? `${head.trimEnd()}…${stamp}` : `${client} ${stamp}`;
    if (fits(out)) return out;
  }
  let out = text;
  while (out.length > 1 && !fits(`${out}…`)) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}
