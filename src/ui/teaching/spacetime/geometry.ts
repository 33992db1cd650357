/**
 * Where everything of the space-time diagram goes, as pure functions of a window of the run
 * (what the worker answered) and the view (axis, zoom, scroll, size): one lane per node and
 * one for clients, time running down. The canvas, the SVG export, hit-testing and the
 * accessible list all read the same scene, so they cannot disagree.
 */
import type { ClientArrow, LaneMark, LeaseSpan, Moment, SpaceTimeArrow, SpaceTimeAxis, SpaceTimeWindow } from '../../../worker/spacetime';
import { LIGHT, type Palette } from '../../theme';

export interface View {
  axis: SpaceTimeAxis;
  /** Pixels per axis unit (per ms, or per event). */
  scale: number;
  /** The axis value at the canvas's top edge. */
  start: number;
  width: number;
  height: number;
}

/**
 * The gutter for the axis's labels, on the left: wide enough for an hour to the millisecond,
 * "3599.999 s", in 14 px type of the widest common sans (DejaVu's digits, 0.64 em).
 */
export const GUTTER = 88;
/** The gap between a label's right end and the gutter's edge. */
export const LABEL_GAP = 6;
/** Text is at least 14 px, for the back row. */
export const FONT_PX = 14;
/** Beyond this many labels in sight, the rest give way: the diagram says so. */
const MAX_LABELS = 120;
/** A lost message's cross stays clear of the lane it never reached. */
const CROSS_GAP = 14;

export interface ArrowShape {
  arrow: SpaceTimeArrow;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Where a lost message died. */
  cross: { x: number; y: number } | null;
  /** A message a node sends itself is drawn as a loop beside its lane. */
  loop: boolean;
}

export interface MarkShape {
  mark: LaneMark;
  x: number;
  y: number;
  /** A client's request is an arrow from the clients' lane. */
  fromX: number | null;
}

export interface Shade {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: 'partition' | 'cut' | 'down';
  /** Partition group index, for its tint. */
  group: number;
  /** A cut's band lies on the receiving server's lane (`to`): `from`, the servers it no longer hears from (cuts are one-way). */
  deaf?: { to: number; from: number[] };
}

export interface Label {
  text: string;
  x: number;
  y: number;
  w: number;
  color: string;
  /** The arrow, client's arrow or mark it names, for fading; or the lane of a cut or a lease it names (never faded). */
  of: { arrow: number } | { mark: LaneMark } | { client: string } | { cut: number } | { lease: number };
}

export interface Tick {
  y: number;
  text: string;
}

/** A client's request or reply: between its client's lane and the server's. */
export interface ClientShape {
  arrow: ClientArrow;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  cross: { x: number; y: number } | null;
  /**
   * A request with no reply (yet): a dotted wait beside the client's lane from its send to
   * where the client stopped waiting (a timeout, its give-up) or to the playhead.
   */
  wait: { x: number; y1: number; y2: number } | null;
}

/**
 * A leader's lease beside its lane: a band from its grant (y1) to where it stopped holding, or
 * to the playhead (y2); from `yTrue` on (a slow clock) it holds by the leader's clock only.
 */
export interface LeaseShape {
  span: LeaseSpan;
  /** The band's centre, LEASE_OFFSET right of the lane. */
  x: number;
  y1: number;
  y2: number;
  yTrue: number | null;
  /** Where the leader's clock ran it out: a closing tick; null if it was renewed, dropped, or still holds. */
  yRanOut: number | null;
  /** Reads answered on it. */
  reads: number[];
}

export interface Lane {
  x: number;
  label: string;
  /** The node it draws, or 0 for a clients' lane. */
  node: number;
}

export interface Scene {
  view: View;
  lanes: Lane[];
  arrows: ArrowShape[];
  clients: ClientShape[];
  marks: MarkShape[];
  leases: LeaseShape[];
  shades: Shade[];
  /** Network changes named where they happen. */
  notes: { y: number; text: string }[];
  labels: Label[];
  ticks: Tick[];
  playhead: number;
  /** Why the scene shows less than the window holds, or null when it shows everything. */
  thinned: string | null;
}

/** The coordinate of a moment on the chosen axis. */
export function axisValue(m: Moment, axis: SpaceTimeAxis): number {
  return axis === 'time' ? m.t : m.seq;
}

export function yOf(value: number, view: View): number {
  return (value - view.start) * view.scale;
}

/** The axis value at a height of the canvas (the inverse of yOf). */
export function valueAt(y: number, view: View): number {
  return view.start + y / view.scale;
}

/**
 * The clients' lanes, on the left: one per client up to this many, beyond it one shared
 * lane (more lanes would squeeze the servers' below a label's width at 1280x720).
 */
export const MAX_CLIENT_LANES = 3;

/** How many lanes the clients take: one each, or one shared; none in a run without clients (an empty lane took a sixth of the width). */
export function clientLanes(clientCount: number): number {
  return clientCount <= MAX_CLIENT_LANES ? Math.max(0, clientCount) : 1;
}

/**
 * The centre of lane `lane`, counted from the left: the clients' lanes first (`clients` of
 * them), then node k at lane clients - 1 + k; all equally wide, right of the gutter.
 */
export function laneX(lane: number, nodeCount: number, width: number, clients = 1): number {
  const w = (width - GUTTER) / (nodeCount + clients);
  return GUTTER + (lane + 0.5) * w;
}

export function nodeX(node: number, nodeCount: number, width: number, clients = 1): number {
  return laneX(clients - 1 + node, nodeCount, width, clients);
}

/** A client's lane: its own, or the shared one. */
export function clientX(client: number, nodeCount: number, width: number, clients = 1): number {
  return laneX(clients === 1 ? 0 : client - 1, nodeCount, width, clients);
}

/** The lanes and their headers, for the canvas, the export and the page's sticky header alike. */
export function lanesOf(nodeCount: number, clientCount: number, width: number): Lane[] {
  const c = clientLanes(clientCount);
  // "client 1" in bold 14 px needs about 70 px: narrower lanes name a client as the logs do, "c1".
  const short = (width - GUTTER) / (nodeCount + c) < 72;
  const heads: Lane[] = Array.from({ length: c }, (_, k) => ({
    x: laneX(k, nodeCount, width, c), label: c === 1 ? (clientCount === 1 ? 'client 1' : 'Clients') : short ? `c${k + 1}` : `client ${k + 1}`, node: 0,
  }));
  for (let k = 1; k <= nodeCount; k++) heads.push({ x: nodeX(k, nodeCount, width, c), label: `S${k}`, node: k });
  return heads;
}

/** How far along its way (0 to 1) a message sent at `sentAt`, due at `deliverAt`, is at time t. */
function along(sentAt: number, deliverAt: number, t: number): number {
  return deliverAt <= sentAt ? 1 : Math.min(1, Math.max(0, (t - sentAt) / (deliverAt - sentAt)));
}

/** An arrow's segment: from its send to its delivery, to where it died, or to the playhead. */
export function arrowShape(a: SpaceTimeArrow, now: Moment, view: View, nodeCount: number, clients = 1): ArrowShape {
  const x1 = nodeX(a.from, nodeCount, view.width, clients);
  const xTo = nodeX(a.to, nodeCount, view.width, clients);
  return { arrow: a, ...segment(a, x1, xTo, now, view), loop: a.from === a.to };
}

/** A trip from lane x1 to lane xTo: to its delivery, to where it died (a cross), or to the playhead. */
function segment(a: { sent: Moment; deliverAt: number; end: Moment | null; fate: SpaceTimeArrow['fate'] }, x1: number, xTo: number, now: Moment, view: View) {
  const y1 = yOf(axisValue(a.sent, view.axis), view);
  if (a.fate === 'delivered') return { x1, y1, x2: xTo, y2: yOf(axisValue(a.end!, view.axis), view), cross: null };
  const until = a.fate === 'lost' ? a.end! : now;
  const y2 = yOf(axisValue(until, view.axis), view);
  let k = along(a.sent.t, a.deliverAt, until.t);
  if (a.fate === 'lost') {
    // It died on its way: never drawn as if it had reached the lane.
    const span = Math.abs(xTo - x1);
    k = span === 0 ? 1 : Math.min(k, Math.max(0, (span - CROSS_GAP) / span));
  }
  const x2 = x1 + (xTo - x1) * k;
  return { x1, y1, x2, y2, cross: a.fate === 'lost' ? { x: x2, y: y2 } : null };
}

/** Beside its lane, a request's wait without a reply is drawn this far in. */
const WAIT_INSET = 6;

/** A client's request (client lane to server lane) or reply (back), with a request's unanswered wait. */
export function clientShape(a: ClientArrow, now: Moment, view: View, nodeCount: number, clientCount: number): ClientShape {
  const c = clientLanes(clientCount);
  const xc = clientX(a.client, nodeCount, view.width, c);
  const xs = nodeX(a.node, nodeCount, view.width, c);
  const seg = a.dir === 'request' ? segment(a, xc, xs, now, view) : segment(a, xs, xc, now, view);
  const waits = a.outcome === 'unknown' || a.outcome === 'gave up' || a.outcome === 'waiting';
  const until = a.outcomeAt ?? now;
  return { arrow: a, ...seg, wait: waits ? { x: xc + WAIT_INSET, y1: seg.y1, y2: yOf(axisValue(until, view.axis), view) } : null };
}

/** The client's arrow under a point, within a few pixels. */
export function clientArrowAt(scene: Scene, x: number, y: number, slack = 6): ClientShape | null {
  let best: ClientShape | null = null;
  let bestD = slack;
  for (const s of scene.clients) {
    const d = distanceTo({ ...s, loop: false }, x, y);
    if (d <= bestD) { best = s; bestD = d; }
  }
  return best;
}

/** Distance from a point to an arrow as drawn (a loop counts as its bulge). */
function distanceTo(s: Pick<ArrowShape, 'x1' | 'y1' | 'x2' | 'y2' | 'loop'>, x: number, y: number): number {
  if (s.loop) return Math.hypot(x - (s.x1 + 12), y - (s.y1 + s.y2) / 2);
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2));
  return Math.hypot(x - (s.x1 + k * dx), y - (s.y1 + k * dy));
}

/** The arrow under a point, within a few pixels: what a click or a hover takes. */
export function arrowAt(scene: Scene, x: number, y: number, slack = 6): ArrowShape | null {
  let best: ArrowShape | null = null;
  let bestD = slack;
  for (const s of scene.arrows) {
    const d = distanceTo(s, x, y);
    if (d <= bestD) { best = s; bestD = d; }
  }
  return best;
}

/** The mark under a point (a client's request anywhere along its arrow). */
export function markAt(scene: Scene, x: number, y: number, slack = 9): MarkShape | null {
  let best: MarkShape | null = null;
  let bestD = slack;
  for (const m of scene.marks) {
    const inArrow = m.fromX !== null && Math.abs(y - m.y) <= 5 && x >= m.fromX && x <= m.x;
    const d = inArrow ? 0 : Math.hypot(x - m.x, y - m.y);
    if (d <= bestD) { best = m; bestD = d; }
  }
  return best;
}

/**
 * Where a click on an arrow seeks: the moment at the clicked height, kept within the
 * message's flight, so that it is on the wire there and can be selected in the cluster.
 */
export function seekTarget(s: { arrow: { sent: Moment; end: Moment | null } }, y: number, view: View): number {
  const a = s.arrow;
  const first = axisValue(a.sent, view.axis);
  const ended = a.end === null ? Infinity : axisValue(a.end, view.axis) - 1;
  const at = Math.round(valueAt(y, view));
  return Math.max(first, Math.min(Math.max(first, ended), at));
}

/** Tick spacing: 1, 2 or 5 times a power of ten, at least `minPx` apart. */
export function tickStep(scale: number, minPx = 60): number {
  for (let base = 1; ; base *= 10) {
    for (const k of [1, 2, 5]) if (base * k * scale >= minPx) return base * k;
  }
}

function ticks(view: View): Tick[] {
  const step = tickStep(view.scale);
  const out: Tick[] = [];
  const first = Math.ceil(view.start / step) * step;
  for (let v = first; yOf(v, view) <= view.height; v += step) {
    out.push({ y: yOf(v, view), text: view.axis === 'time' ? secondsLabel(v, step) : `#${v}` });
  }
  return out;
}

/**
 * A time tick's label, as many decimals as the tick step needs: "149.95 s". From 10,000 s
 * (nearly three hours) on, the unit gives way so the figure stays whole in the gutter.
 */
export function secondsLabel(ms: number, step: number): string {
  const figure = (ms / 1000).toFixed(step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3);
  return ms >= 10_000_000 ? figure : `${figure} s`;
}

/** Text width in pixels, measured by whoever draws (canvas), or estimated (tests, SVG). */
export type Measure = (text: string) => number;
export const estimate: Measure = (text) => text.length * FONT_PX * 0.56;

interface Box { x: number; y: number; w: number; h: number }

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Lays the scene out. `labelOf` names an arrow (type and key fields), `colorOf` its type's
 * colour. Labels are placed greedily, most telling first (faults, leaders, elections, then
 * messages, then commits), and a label that would overlap one already placed gives way.
 */
export function buildScene(win: SpaceTimeWindow, view: View, labelOf: (a: SpaceTimeArrow) => string,
  colorOf: (type: string) => string, measure: Measure = estimate, palette: Palette = LIGHT): Scene {
  const n = win.nodeCount;
  const c = clientLanes(win.clientCount);
  const visible = (y1: number, y2: number) => Math.max(y1, y2) >= -20 && Math.min(y1, y2) <= view.height + 20;
  const arrows = win.arrows.map((a) => arrowShape(a, win.now, view, n, c)).filter((s) => visible(s.y1, s.y2));
  const clients = win.clients.map((a) => clientShape(a, win.now, view, n, win.clientCount))
    .filter((s) => visible(s.y1, s.y2) || (s.wait !== null && visible(s.wait.y1, s.wait.y2)));
  const marks: MarkShape[] = win.marks
    .map((m) => {
      const x = nodeX(m.node, n, view.width, c);
      // A command from the timeline comes from the clients' lane, or, with none, from the left of its server's lane.
      const fromX = m.kind === 'request' ? (c > 0 ? laneX(0, n, view.width, c) : x - ((view.width - GUTTER) / n) * 0.45) : null;
      return { mark: m, x, y: yOf(axisValue(m, view.axis), view), fromX };
    })
    .filter((m) => visible(m.y, m.y));
  const playhead = yOf(axisValue(win.now, view.axis), view);
  const leases = win.leases.map((l) => leaseShape(l, playhead, view, n, c)).filter((l) => visible(l.y1, l.y2));
  const laneW = (view.width - GUTTER) / (n + c);
  const laneOf = (id: number) => nodeX(id, n, view.width, c);
  const shades: Shade[] = [];
  const notes: { y: number; text: string }[] = [];
  win.network.forEach((span, i) => {
    const next = win.network[i + 1];
    const y0 = Math.max(-1, yOf(axisValue(span, view.axis), view));
    const y1 = Math.min(view.height + 1, next === undefined ? playhead : yOf(axisValue(next, view.axis), view));
    if (y1 <= y0) return;
    span.groups?.forEach((g, k) => {
      for (const id of g) shades.push({ x: laneOf(id) - laneW / 2, y: y0, w: laneW, h: y1 - y0, kind: 'partition', group: k });
    });
    // A cut a>b drops what a sends b, not what b sends a: one band per receiver, naming its senders.
    const deaf = new Map<number, number[]>();
    for (const c of span.cuts) {
      const [from, to] = c.split('>').map(Number);
      deaf.set(to, [...(deaf.get(to) ?? []), from].sort((a, b) => a - b));
    }
    for (const [to, from] of [...deaf].sort(([a], [b]) => a - b)) shades.push({ x: laneOf(to) - laneW / 4, y: y0, w: laneW / 2, h: y1 - y0, kind: 'cut', group: 0, deaf: { to, from } });
    if (i > 0 || yOf(axisValue(span, view.axis), view) >= 0) {
      const parts = [span.groups === null ? 'healed' : `partition ${span.groups.map((g) => `{${g.map((id) => `S${id}`).join(',')}}`).join(' | ')}`];
      if (span.cuts.length > 0) parts.push(`cut ${span.cuts.map((c) => c.replace(/(\d+)>(\d+)/, 'S$1→S$2')).join(', ')}`);
      notes.push({ y: yOf(axisValue(span, view.axis), view), text: parts.join('; ') });
    }
  });
  for (const d of win.down) {
    const y0 = Math.max(-1, yOf(axisValue(d.from, view.axis), view));
    const y1 = Math.min(view.height + 1, d.to === null ? playhead : yOf(axisValue(d.to, view.axis), view));
    if (y1 > y0) shades.push({ x: laneOf(d.node) - 3, y: y0, w: 6, h: y1 - y0, kind: 'down', group: 0 });
  }
  // Labels, most telling first; each takes a box the next ones must not overlap.
  const placed: Box[] = [];
  const labels: Label[] = [];
  let wanted = 0;
  /** Places a label centred at the first of the points `at` where it fits (a label with one place: that point); false if none. */
  const placeAny = (text: string, at: readonly (readonly [number, number])[], color: string, of: Label['of'], whole = false) => {
    const w = measure(text) + 6;
    for (const [x, y] of at) {
      const box = { x: x - w / 2, y: y - FONT_PX / 2 - 2, w, h: FONT_PX + 4 };
      if (labels.length >= MAX_LABELS || box.y < 0 || box.y + box.h > view.height || placed.some((b) => overlaps(b, box))) continue;
      if (whole && (box.x < GUTTER || box.x + w > view.width)) continue;
      placed.push(box);
      labels.push({ text, x, y, w, color, of });
      return true;
    }
    return false;
  };
  const place = (text: string, x: number, y: number, color: string, of: Label['of']) => {
    wanted++;
    placeAny(text, [[x, y]], color, of);
  };
  // First, whom a cut lane no longer hears from, at the top of its band: without it the band does not say which way the link is cut.
  for (const c of shades) if (c.deaf !== undefined && c.h >= FONT_PX + 6) place(cutName(c.deaf.from), c.x + c.w / 2, Math.max(c.y, 0) + FONT_PX / 2 + 4, palette.danger, { cut: c.deaf.to });
  const rank = { crash: 0, recover: 0, leader: 1, election: 2, request: 3, commit: 5 } as const;
  const byRank = [...marks].sort((a, b) => rank[a.mark.kind] - rank[b.mark.kind]);
  for (const m of byRank.filter((x) => rank[x.mark.kind] < 5)) {
    const x = m.fromX === null ? m.x + laneW / 4 : (m.fromX + m.x) / 2;
    place(m.mark.label, x, m.y - (m.fromX === null ? 0 : FONT_PX / 2 + 2), markColor(m.mark.kind, palette), { mark: m.mark });
  }
  // Clients' requests and replies: what the History tab speaks of, named before the servers' messages.
  for (const s of clients) place(s.arrow.label, (s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2, clientColor(s.arrow, palette), { client: s.arrow.key });
  for (const s of arrows) {
    if (s.loop) continue;
    place(labelOf(s.arrow), (s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2, colorOf(s.arrow.type), { arrow: s.arrow.id });
  }
  for (const m of byRank.filter((x) => rank[x.mark.kind] === 5)) place(m.mark.label, m.x + laneW / 4, m.y, palette.mark.commit, { mark: m.mark });
  // Leases' words come last, clear of every label and mark: they say again what the band and the list say.
  for (const m of marks) placed.push({ x: m.x - 10, y: m.y - 10, w: 20, h: 20 });
  for (const l of leases) {
    for (const w of leaseWords(l)) {
      // Beside the band, right or left of the lane, at its height or a line either side: wherever it fits.
      const half = (measure(w.text) + 6) / 2;
      const xs = [l.x + LEASE_GAP + half, l.x - 2 * LEASE_OFFSET - LEASE_GAP - half];
      // Never past the playhead: nothing is drawn there yet.
      const ys = [w.y, w.y + FONT_PX + 4, w.y - FONT_PX - 4].filter((y) => y + FONT_PX / 2 <= playhead);
      placeAny(w.text, ys.flatMap((y) => xs.map((x) => [x, y] as const)), w.danger ? palette.danger : palette.ok, { lease: l.span.node }, true);
    }
  }
  const reasons: string[] = [];
  if (win.keptFrom > 0 && view.axis === 'time' && view.start < win.keptFrom) reasons.push(`messages before ${(win.keptFrom / 1000).toFixed(1)} s are no longer kept`);
  if (win.total > win.arrows.length) reasons.push(`${win.arrows.length.toLocaleString('en')} of ${win.total.toLocaleString('en')} messages drawn`);
  // A few labels giving way is ordinary; most of them is worth saying.
  if (labels.length < wanted / 2) reasons.push(`${(wanted - labels.length).toLocaleString('en')} of ${wanted.toLocaleString('en')} labels hidden for room`);
  return {
    view,
    lanes: lanesOf(n, win.clientCount, view.width),
    arrows, clients, marks, leases, shades, notes, labels, ticks: ticks(view), playhead,
    thinned: reasons.length === 0 ? null : `Detail thinned: ${reasons.join('; ')}. Zoom in for all.`,
  };
}

/** A lease's band runs this far right of its leader's lane: clear of the glyphs of the messages that reach the lane. */
export const LEASE_OFFSET = 12;
/** Between a lease's band and its words. */
const LEASE_GAP = 8;

/** A lease's band beside its leader's lane: to where it stopped holding, or to the playhead. */
export function leaseShape(l: LeaseSpan, playhead: number, view: View, nodeCount: number, clients = 1): LeaseShape {
  const y = (m: Moment) => yOf(axisValue(m, view.axis), view);
  return {
    span: l, x: nodeX(l.node, nodeCount, view.width, clients) + LEASE_OFFSET, y1: y(l.granted), y2: l.end === null ? playhead : y(l.end),
    yTrue: l.trueEndAt === null ? null : y(l.trueEndAt), yRanOut: l.endedBy === 'ranOut' ? y(l.end!) : null, reads: l.reads.map(y),
  };
}

const ms = (v: number) => `${Math.round(v)} ms`;

/**
 * The few words a lease's band carries, beside its lane: how long it holds by its leader's
 * clock (at its grant, unless the next round renewed it: the band goes on), where true time
 * passed its end, and where the leader's clock ran it out.
 */
function leaseWords(l: LeaseShape): { text: string; y: number; danger: boolean }[] {
  const s = l.span;
  const out: { text: string; y: number; danger: boolean }[] = [];
  const drifts = s.ownEnd !== null && Math.round(s.ownEnd) !== Math.round(s.trueEnd);
  if (s.endedBy !== 'renewed') {
    const onlyOwn = l.yTrue !== null && l.yTrue <= Math.max(0, l.y1) + FONT_PX;
    out.push({ text: drifts ? `lease to ${s.to} by S${s.node}'s clock` : `lease to ${ms(s.to)}`, y: Math.max(l.y1, FONT_PX) + FONT_PX / 2 + 4, danger: onlyOwn });
  }
  // Where true time passed its end, only there: above the window, the band's red says it.
  if (l.yTrue !== null && l.yTrue >= 0) out.push({ text: `true end ${ms(s.trueEnd)}`, y: l.yTrue, danger: true });
  if (l.yRanOut !== null) out.push({ text: `ran out ${ms(s.end!.t)}`, y: l.yRanOut, danger: false });
  return out;
}

/** What a cut band says: the servers whose messages its lane no longer receives. */
export function cutName(from: number[]): string {
  return `✕ from ${from.map((id) => `S${id}`).join(',')}`;
}

/** A lane mark's colour, as the timeline's marks have it. */
export function markColor(kind: LaneMark['kind'], palette: Palette): string {
  const { mark } = palette;
  return { election: mark.election, leader: mark.leader, commit: mark.commit, crash: mark.fault, recover: mark.commit, request: mark.request }[kind];
}

/** A client's arrow's colour: requests in the request mark's, replies by what they say. */
export function clientColor(a: ClientArrow, palette: Palette): string {
  if (a.dir === 'request') return palette.mark.request;
  return a.reply === 'ok' ? palette.ok : a.reply === 'redirect' ? palette.mark.leader : palette.muted;
}

/**
 * The scroll of a run longer than a browser lets an element be: up to `maxPx` of scrollbar,
 * each pixel of it standing for `ratio` pixels of the diagram.
 */
export function scrollModel(contentPx: number, viewPx: number, maxPx = 4_000_000): { spacerPx: number; ratio: number } {
  if (contentPx <= maxPx) return { spacerPx: contentPx, ratio: 1 };
  return { spacerPx: maxPx, ratio: Math.max(1, (contentPx - viewPx) / Math.max(1, maxPx - viewPx)) };
}
