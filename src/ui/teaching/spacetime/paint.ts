/**
 * Drawing a space-time scene with a pen: the canvas's, or one that writes SVG for slides.
 * Both draw the same scene through the same code, so the export is what is on screen.
 */
import type { Context2D } from '../../draw/fitCanvas';
import { groupColor, LIGHT, messageStyle, type Palette } from '../../theme';
import type { Cone } from './causality';
import { clientColor, FONT_PX, GUTTER, LABEL_GAP, LEASE_OFFSET, markColor, type Scene } from './geometry';

export interface Stroke {
  color: string;
  width: number;
  dash?: number[];
}

export interface Pen {
  /** Everything drawn until the next call is this transparent (1: opaque). */
  alpha(a: number): void;
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  line(points: number[], stroke: Stroke): void;
  /** A closed shape through the points (or a circle of radius r at the first point, when r is given). */
  shape(points: number[], fill: string | null, stroke: Stroke | null, r?: number): void;
  text(text: string, x: number, y: number, color: string, opts: { align: 'left' | 'center' | 'right'; bold?: boolean; halo?: string }): void;
}

const FADED = 0.12;

/**
 * Paints the scene. `cone` (while an arrow is hovered) fades what is not causally connected
 * to it; `selected` is the message the cluster has selected, drawn heavier.
 */
export function paintScene(pen: Pen, scene: Scene, cone: Cone | null, selected: number | null, palette: Palette = LIGHT, selectedOp: number | null = null): void {
  const p = palette;
  const { view } = scene;
  const fade = (on: boolean) => pen.alpha(cone === null || on ? 1 : FADED);
  pen.alpha(1);
  pen.rect(0, 0, view.width, view.height, p.panel);
  for (const s of scene.shades) {
    if (s.kind === 'down') continue;
    pen.alpha(s.kind === 'cut' ? 0.5 : 0.55);
    pen.rect(s.x, s.y, s.w, s.h, s.kind === 'cut' ? p.cut : groupColor(s.group, p));
  }
  pen.alpha(1);
  for (const t of scene.ticks) {
    // The playhead names itself in the gutter: a tick there would write over it.
    if (Math.abs(t.y - scene.playhead) < FONT_PX) continue;
    pen.line([GUTTER - 6, t.y, view.width, t.y], { color: p.grid, width: 1 });
    pen.text(t.text, GUTTER - LABEL_GAP, t.y + FONT_PX / 3, p.muted, { align: 'right' });
  }
  // Lanes: solid while the node is up, broken while it is down.
  for (const lane of scene.lanes) {
    const downs = scene.shades.filter((s) => s.kind === 'down' && Math.abs(s.x + s.w / 2 - lane.x) < 1).sort((a, b) => a.y - b.y);
    let y = 0;
    for (const d of downs) {
      if (d.y > y) pen.line([lane.x, y, lane.x, d.y], { color: p.lane, width: 2, dash: lane.node === 0 ? [4, 4] : undefined });
      pen.line([lane.x, d.y, lane.x, d.y + d.h], { color: p.laneDown, width: 1, dash: [2, 6] });
      y = d.y + d.h;
    }
    const end = Math.min(view.height, Math.max(y, scene.playhead));
    if (end > y) pen.line([lane.x, y, lane.x, end], { color: p.lane, width: 2, dash: lane.node === 0 ? [4, 4] : undefined });
  }
  for (const note of scene.notes) {
    pen.line([GUTTER, note.y, view.width, note.y], { color: p.danger, width: 1, dash: [6, 4] });
  }
  for (const s of scene.arrows) {
    const a = s.arrow;
    const st = messageStyle(a.type, p);
    fade(cone?.arrows.has(a.id) ?? true);
    const width = a.id === selected ? 4 : 2;
    const stroke = { color: a.id === selected ? p.selected : st.color, width, dash: a.fate === 'lost' ? [6, 4] : a.duplicateOf !== null ? [2, 3] : undefined };
    if (s.loop) pen.line([s.x1, s.y1, s.x1 + 14, s.y1 + (s.y2 - s.y1) / 3, s.x1 + 14, s.y2 - (s.y2 - s.y1) / 3, s.x2, s.y2], stroke);
    else pen.line([s.x1, s.y1, s.x2, s.y2], stroke);
    pen.shape([s.x1, s.y1], st.color, null, 2.5);
    if (s.cross !== null) {
      const { x, y } = s.cross;
      pen.line([x - 6, y - 6, x + 6, y + 6], { color: p.danger, width: 3 });
      pen.line([x - 6, y + 6, x + 6, y - 6], { color: p.danger, width: 3 });
    } else {
      const f = a.fields as { granted?: boolean; success?: boolean };
      glyph(pen, a.type, s.x2, s.y2, f.granted !== false && f.success !== false, a.id === selected, p);
    }
  }
  paintClients(pen, scene, selectedOp, p, (key) => fade(cone?.clients.has(key) ?? true));
  // Over the arrows that cross them, under the lanes' marks and every label.
  pen.alpha(1);
  paintLeases(pen, scene, p);
  for (const m of scene.marks) {
    fade(cone?.has(m.mark.node, m.mark.seq) ?? true);
    const color = markColor(m.mark.kind, p);
    if (m.fromX !== null) {
      pen.line([m.fromX, m.y, m.x, m.y], { color, width: 2 });
      if (m.mark.refused) {
        pen.line([m.x - 6, m.y - 6, m.x + 6, m.y + 6], { color: p.danger, width: 3 });
        pen.line([m.x - 6, m.y + 6, m.x + 6, m.y - 6], { color: p.danger, width: 3 });
      } else pen.shape([m.x - 8, m.y - 5, m.x, m.y, m.x - 8, m.y + 5], color, null);
      continue;
    }
    switch (m.mark.kind) {
      case 'crash': pen.rect(m.x - 12, m.y - 2.5, 24, 5, color); break;
      case 'recover': pen.rect(m.x - 12, m.y - 2.5, 24, 5, color); break;
      case 'leader': pen.shape(star(m.x, m.y, 9), color, { color: p.panel, width: 1.5 }); break;
      case 'election': pen.shape([m.x, m.y], p.panel, { color, width: 2.5 }, 6.5); break;
      default: pen.shape([m.x - 4, m.y - 4, m.x + 4, m.y - 4, m.x + 4, m.y + 4, m.x - 4, m.y + 4], color, null);
    }
  }
  for (const l of scene.labels) {
    const a = cone === null || 'cut' in l.of || 'lease' in l.of || ('arrow' in l.of ? cone.arrows.has(l.of.arrow) : 'mark' in l.of ? cone.has(l.of.mark.node, l.of.mark.seq) : cone.clients.has(l.of.client)) ? 1 : FADED;
    // A backdrop of the panel's colour, a little see-through, keeps the label legible over lines.
    pen.alpha(a * 0.85);
    pen.rect(l.x - l.w / 2, l.y - FONT_PX / 2 - 1, l.w, FONT_PX + 2, p.panel);
    pen.alpha(a);
    pen.text(l.text, l.x, l.y + FONT_PX / 3, l.color, { align: 'center', bold: true });
  }
  pen.alpha(1);
  for (const note of scene.notes) pen.text(note.text, view.width - 6, note.y - 4, p.danger, { align: 'right', bold: true, halo: p.panel });
  if (scene.playhead >= 0 && scene.playhead <= view.height) {
    pen.line([0, scene.playhead, view.width, scene.playhead], { color: p.accent, width: 2 });
    pen.text('now', 4, scene.playhead - 4, p.accent, { align: 'left', bold: true, halo: p.panel });
  }
}

/** A lease's band is this wide. */
const LEASE_W = 6;

/**
 * Leaders' leases: a green band beside the leader's lane from each grant (a notch at each
 * renewal) to where it stopped holding; from where true time passed its end while the leader's
 * clock said it held (a slow clock), red and dashed, after a red bar across the lane. A lease its
 * leader's clock ran out ends in a bar; each read answered on it is a dot.
 */
function paintLeases(pen: Pen, scene: Scene, p: Palette): void {
  const { height } = scene.view;
  const clip = (y: number) => Math.max(-2, Math.min(height + 2, y));
  for (const l of scene.leases) {
    const split = l.yTrue === null ? l.y2 : Math.max(l.y1, l.yTrue);
    if (split > l.y1) pen.line([l.x, clip(l.y1), l.x, clip(split)], { color: p.ok, width: LEASE_W });
    if (l.y2 > split) {
      pen.line([l.x, clip(split), l.x, clip(l.y2)], { color: p.danger, width: LEASE_W, dash: [6, 4] });
      pen.line([l.x - LEASE_OFFSET - 8, split, l.x + LEASE_W, split], { color: p.danger, width: 3 });
    }
    // A renewal: the band goes on past a notch.
    pen.line([l.x - LEASE_W, l.y1, l.x + LEASE_W, l.y1], { color: p.panel, width: 2 });
    if (l.yRanOut !== null) pen.line([l.x - LEASE_W, l.yRanOut, l.x + LEASE_W, l.yRanOut], { color: p.ok, width: 3 });
    for (const y of l.reads) pen.shape([l.x, y], p.ok, { color: p.panel, width: 1.5 }, 4.5);
  }
}

/**
 * Clients' requests and replies: a first request solid, a retry after a timeout long-dashed,
 * one sent on a redirect dotted; each with a head where it arrived, a cross where it died.
 * A request with no reply has a dotted amber wait beside the client's lane, ending in "?"
 * where the client stopped waiting (or at the playhead while it still waits). The operation
 * selected (in the History tab or here) is drawn heavier; `fade` sets each arrow's (and its
 * wait's) transparency by the hovered arrow's causal cone.
 */
function paintClients(pen: Pen, scene: Scene, selectedOp: number | null, p: Palette, fade: (key: string) => void): void {
  for (const s of scene.clients) {
    const a = s.arrow;
    fade(a.key);
    const color = clientColor(a, p);
    const chosen = a.op === selectedOp;
    if (s.wait !== null) {
      const w = s.wait;
      pen.line([w.x, w.y1, w.x, w.y2], { color: p.mark.leader, width: chosen ? 3 : 2, dash: [2, 3] });
      if (a.outcome !== 'waiting') pen.text(a.outcome === 'gave up' ? '? gave up' : '?', w.x + 3, w.y2 + FONT_PX / 3, p.mark.leader, { align: 'left', bold: true, halo: p.panel });
    }
    const dash = a.fate === 'lost' ? [6, 4] : a.why === 'retry' ? [9, 4] : a.why === 'redirect' || a.reply === 'redirect' ? [2, 4] : undefined;
    pen.line([s.x1, s.y1, s.x2, s.y2], { color: chosen ? p.selected : color, width: chosen ? 4 : 2, dash });
    pen.shape([s.x1, s.y1], color, null, 2.5);
    if (s.cross !== null) {
      const { x, y } = s.cross;
      pen.line([x - 6, y - 6, x + 6, y + 6], { color: p.danger, width: 3 });
      pen.line([x - 6, y + 6, x + 6, y - 6], { color: p.danger, width: 3 });
    } else if (a.fate === 'delivered') {
      // An open arrowhead along the arrow, at its end.
      const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
      const ux = (s.x2 - s.x1) / len;
      const uy = (s.y2 - s.y1) / len;
      pen.line([s.x2 - 9 * ux - 5 * uy, s.y2 - 9 * uy + 5 * ux, s.x2, s.y2, s.x2 - 9 * ux + 5 * uy, s.y2 - 9 * uy - 5 * ux], { color: chosen ? p.selected : color, width: 2 });
    }
  }
}

/** A message's glyph at its arrow's head: its type's shape and colour, hollow when denied or failed (as in the legend). */
function glyph(pen: Pen, type: string, x: number, y: number, filled: boolean, selected: boolean, p: Palette): void {
  const st = messageStyle(type, p);
  const stroke = { color: selected ? p.selected : st.color, width: 2 };
  const fill = filled && st.shape !== 'ring' ? st.color : p.panel;
  switch (st.shape) {
    case 'square': pen.shape([x - 5, y - 5, x + 5, y - 5, x + 5, y + 5, x - 5, y + 5], fill, stroke); break;
    case 'diamond': pen.shape([x, y - 6.5, x + 6.5, y, x, y + 6.5, x - 6.5, y], fill, stroke); break;
    case 'triangle': pen.shape([x, y - 6.5, x + 6, y + 5, x - 6, y + 5], fill, stroke); break;
    case 'ring':
      pen.shape([x, y], p.panel, stroke, 5.5);
      if (filled) pen.shape([x, y], st.color, null, 2.5);
      break;
    default: pen.shape([x, y], fill, stroke, 5.5);
  }
}

function star(x: number, y: number, r: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.45;
    out.push(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  return out;
}

const FONT = `${FONT_PX}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;

/** The canvas's pen. */
export function canvasPen(ctx: Context2D): Pen {
  return {
    alpha: (a) => { ctx.globalAlpha = a; },
    rect: (x, y, w, h, fill) => { ctx.fillStyle = fill; ctx.fillRect(x, y, w, h); },
    line: (p, s) => {
      ctx.beginPath();
      ctx.moveTo(p[0], p[1]);
      for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i], p[i + 1]);
      ctx.setLineDash(s.dash ?? []);
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.stroke();
      ctx.setLineDash([]);
    },
    shape: (p, fill, stroke, r) => {
      ctx.beginPath();
      if (r !== undefined) ctx.arc(p[0], p[1], r, 0, Math.PI * 2);
      else {
        ctx.moveTo(p[0], p[1]);
        for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i], p[i + 1]);
        ctx.closePath();
      }
      if (fill !== null) { ctx.fillStyle = fill; ctx.fill(); }
      if (stroke !== null) { ctx.strokeStyle = stroke.color; ctx.lineWidth = stroke.width; ctx.stroke(); }
    },
    text: (text, x, y, color, o) => {
      ctx.font = o.bold ? `700 ${FONT}` : FONT;
      ctx.textAlign = o.align;
      if (o.halo !== undefined) {
        ctx.lineWidth = 4;
        ctx.lineJoin = 'round';
        ctx.strokeStyle = o.halo;
        ctx.strokeText(text, x, y);
      }
      ctx.fillStyle = color;
      ctx.fillText(text, x, y);
    },
  };
}

/** A pen that writes SVG elements; `svgDocument` wraps them. */
export function svgPen(): Pen & { elements: string[] } {
  const elements: string[] = [];
  let opacity = 1;
  const op = () => (opacity < 1 ? ` opacity="${opacity}"` : '');
  const num = (v: number) => String(Math.round(v * 10) / 10);
  const pts = (p: number[]) => p.map(num).join(' ');
  const strokeAttrs = (s: Stroke) => ` stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}`;
  return {
    elements,
    alpha: (a) => { opacity = a; },
    rect: (x, y, w, h, fill) => elements.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${fill}"${op()}/>`),
    line: (p, s) => elements.push(`<polyline points="${pts(p)}" fill="none"${strokeAttrs(s)}${op()}/>`),
    shape: (p, fill, stroke, r) => {
      const paint = ` fill="${fill ?? 'none'}"${stroke === null ? '' : strokeAttrs(stroke)}${op()}`;
      elements.push(r !== undefined ? `<circle cx="${num(p[0])}" cy="${num(p[1])}" r="${r}"${paint}/>` : `<polygon points="${pts(p)}"${paint}/>`);
    },
    text: (text, x, y, color, o) => {
      const anchor = o.align === 'left' ? 'start' : o.align === 'right' ? 'end' : 'middle';
      const halo = o.halo !== undefined ? ` stroke="${o.halo}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"` : '';
      elements.push(`<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" fill="${color}"${o.bold ? ' font-weight="700"' : ''}${halo}${op()}>${escapeXml(text)}</text>`);
    },
  };
}

/** The height of the lane headers above an exported diagram. */
export const SVG_HEADER_PX = 28;
/** The least height of an exported diagram's plot, in CSS pixels: readable on a slide. */
export const EXPORT_MIN_HEIGHT = 420;

/** A standalone SVG document of the given size holding the elements, with the lane headers above them. */
export function svgDocument(scene: Scene, elements: string[], title: string, palette: Palette = LIGHT, headerPx = SVG_HEADER_PX): string {
  const { width, height } = scene.view;
  const heads = scene.lanes.map((l) => `<text x="${Math.round(l.x)}" y="${headerPx - 8}" text-anchor="middle" font-weight="700" fill="${palette.ink}">${escapeXml(l.label)}</text>`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + headerPx}" viewBox="0 0 ${width} ${height + headerPx}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT_PX}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${headerPx}" fill="${palette.panel}"/>`,
    ...heads,
    `<g transform="translate(0 ${headerPx})">`,
    `<clipPath id="window"><rect width="${width}" height="${height}"/></clipPath>`,
    `<g clip-path="url(#window)">`,
    ...elements,
    `</g></g></svg>`,
    '',
  ].join('\n');
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
