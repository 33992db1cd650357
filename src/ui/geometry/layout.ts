/**
 * Pure geometry for the cluster view: where nodes sit, where each one-way link runs,
 * and where a message is at a given virtual time (interpolated between sentAt and
 * deliverAt, as RaftScope does). No DOM: tested in Node.
 */
export interface Point {
  x: number;
  y: number;
}

export const VIEW = { width: 640, height: 520, nodeRadius: 46 } as const;

/** The size of the cluster's drawing, in view units: the view's box, and what the SVGs' viewBox says. */
export interface ViewSize {
  width: number;
  height: number;
  /** How wide a role label may be, where the view is too short for long ones (they are narrowed to it). */
  labelRoom?: number;
}

/**
 * Room a node needs around its centre, in view units: its timer ring and focus outline
 * (`around`), and the role label under it (`label`: half its width, and how far below the
 * centre its baseline sits). layout.test.ts checks with these that nothing overlaps.
 */
export const NODE_ROOM = {
  around: VIEW.nodeRadius + 16,
  label: { halfWidth: 51, top: VIEW.nodeRadius + 9, baseline: VIEW.nodeRadius + 24 },
  /** Up to six nodes, room at the sides for a long label ("PROPOSER · PREPARE", `LEARNED "value"`). */
  longLabel: { upTo: 6, halfWidth: 106 },
} as const;

/**
 * Nodes on an ellipse as wide as the view allows, S1 at the top, clockwise, equally spaced
 * along its rim (on a flattish ellipse equal angles would crowd the nodes at its ends); in a
 * view at least FLAT_FROM times as wide as high, in a zigzag (see zigzag). The ellipse sits a
 * little high, leaving room for the role labels under the bottom nodes; wide, so that up to
 * nine nodes and their labels stay clear of each other, but with room at the sides for long
 * labels while there are few nodes.
 */
export function nodePositions(n: number, { width, height }: ViewSize = VIEW): Point[] {
  const cx = width / 2;
  const cy = height / 2 - 8;
  const rx = width / 2 - (n <= NODE_ROOM.longLabel.upTo ? NODE_ROOM.longLabel.halfWidth + 4 : NODE_ROOM.around + 6);
  const ry = height / 2 - NODE_ROOM.label.baseline - 2;
  if (n >= 2 && width / height >= FLAT_FROM) return zigzag(n, cx, cy, rx, ry);
  const at = (angle: number): Point => ({ x: cx + rx * Math.sin(angle), y: cy - ry * Math.cos(angle) });
  // The rim's length from twelve o'clock, clockwise, at RIM_STEPS angles: each node goes where it reaches k/n of the whole.
  const lengths = [0];
  for (let i = 1; i <= RIM_STEPS; i++) {
    const a = at(((i - 1) / RIM_STEPS) * 2 * Math.PI);
    const b = at((i / RIM_STEPS) * 2 * Math.PI);
    lengths.push(lengths[i - 1] + Math.hypot(b.x - a.x, b.y - a.y));
  }
  let i = 0;
  return Array.from({ length: n }, (_, k) => {
    const goal = (k / n) * lengths[RIM_STEPS];
    while (lengths[i + 1] < goal) i++;
    const part = (goal - lengths[i]) / (lengths[i + 1] - lengths[i] || 1);
    return at(((i + part) / RIM_STEPS) * 2 * Math.PI);
  });
}

/** From this width-to-height ratio on, a view is flat enough for the zigzag. */
export const FLAT_FROM = 2;

/**
 * A wide, short view's layout: the nodes evenly spread across its width, by turns high and
 * low, so that each role label has the room between the two nodes under it and the view
 * needs only two rows' height. The rows bow a little, on an ellipse wider than the row: no
 * three nodes in line, so no link runs through a node's centre. Clockwise: the high row left
 * to right from S1, then the low row back.
 */
function zigzag(n: number, cx: number, cy: number, rx: number, ry: number): Point[] {
  const spread = Array.from({ length: n }, (_, k) => cx + rx * (2 * k / (n - 1) - 1));
  const bow = (x: number) => ry * Math.sqrt(1 - ((x - cx) / (rx * ZIGZAG_BOW)) ** 2);
  const high = spread.filter((_, k) => k % 2 === 0).map((x) => ({ x, y: cy - bow(x) }));
  const low = spread.filter((_, k) => k % 2 === 1).map((x) => ({ x, y: cy + bow(x) })).reverse();
  return [...high, ...low];
}

/** How much wider than the row of nodes the ellipse its rows bow on is. */
const ZIGZAG_BOW = 1.25;

/** How finely the rim is measured to space the nodes along it. */
const RIM_STEPS = 720;

/** The clear gap, in view units, between two servers' timer rings: a message between them has room to be seen in flight (two message shapes' width). */
export const RING_GAP = 36;

/** The outer edge of a server's timer ring (drawn at nodeRadius + 5.5, 5 wide), from its centre. */
export const RING_EDGE = VIEW.nodeRadius + 8;

/**
 * True when n servers laid out in `view` keep clear of each other and of its edges: two
 * timer rings keep RING_GAP between them, no role label runs into another server's ring or another label, and all
 * stay inside the view.
 */
export function layoutFits(n: number, view: ViewSize, halfWidth: number = labelHalfWidth(n)): boolean {
  const ps = nodePositions(n, view);
  const ring = RING_EDGE;
  const { top, baseline } = NODE_ROOM.label;
  const labels = ps.map((p) => ({ x0: p.x - halfWidth, x1: p.x + halfWidth, y0: p.y + top, y1: p.y + baseline }));
  return ps.every((p, i) => {
    const l = labels[i];
    // Room for descenders under the baseline.
    const inside = p.x - NODE_ROOM.around >= 0 && p.x + NODE_ROOM.around <= view.width && p.y - NODE_ROOM.around >= 0
      && l.x0 >= 0 && l.x1 <= view.width && l.y1 + 4 <= view.height;
    return inside && ps.every((q, j) => {
      if (j === i) return true;
      const m = labels[j];
      const dx = Math.max(l.x0 - q.x, 0, q.x - l.x1);
      const dy = Math.max(l.y0 - q.y, 0, q.y - l.y1);
      return Math.hypot(p.x - q.x, p.y - q.y) >= 2 * ring + RING_GAP && Math.hypot(dx, dy) > ring
        && (l.x1 < m.x0 || m.x1 < l.x0 || l.y1 < m.y0 || m.y1 < l.y0);
    });
  });
}

/**
 * How wide each server's role label may be: the room between neighbours on the ring (less a
 * margin), no wider than the view allows (`labelRoom`), and no further out from its centre
 * than the view's nearer side: a long label on a server at the side of seven ran past the
 * view's edge and was cut ("PROPOSER · PREPA").
 */
export function labelRooms(positions: Point[], view: ViewSize): number[] {
  const neighbours = positions.length < 2 ? view.width : Math.hypot(positions[1].x - positions[0].x, positions[1].y - positions[0].y) - 12;
  const room = Math.min(neighbours, view.labelRoom ?? Infinity);
  return positions.map((p) => Math.min(room, 2 * Math.min(p.x, view.width - p.x)));
}

/** Half the room a role label has: a long one's while there are few nodes. */
export function labelHalfWidth(n: number): number {
  return n <= NODE_ROOM.longLabel.upTo ? NODE_ROOM.longLabel.halfWidth : NODE_ROOM.label.halfWidth;
}

/** The scale at which the servers' smallest text (15 view units) is drawn at 12 px. */
export const READABLE_SCALE = 12 / 15;

/** Steps in which a wide view's height is tried, from the flattest up. */
const HEIGHT_STEP = 10;

/**
 * The view for a box of boxWidth x boxHeight pixels: the box's own shape, so that the cluster
 * fills it. A box taller than the standard view keeps the standard view (drawn across the
 * box's width); a wider one gets a view as wide as its shape asks and as short as n servers
 * allow, so that a wide, short pane (side by side, manual delivery) draws them as large as
 * its height permits. Never taller than the standard view: the drawing's scale is never
 * smaller than the standard view's in the same box.
 */
export function viewFor(n: number, boxWidth: number, boxHeight: number): ViewSize {
  const aspect = boxWidth / boxHeight;
  if (!(aspect > VIEW.width / VIEW.height) || !Number.isFinite(aspect)) return { width: VIEW.width, height: VIEW.height };
  const flattest = (halfWidth: number): ViewSize => {
    for (let height = NODE_ROOM.label.baseline * 2 + HEIGHT_STEP; height < VIEW.height; height += HEIGHT_STEP) {
      const view = { width: height * aspect, height };
      if (layoutFits(n, view, halfWidth)) return view;
    }
    return { width: VIEW.height * aspect, height: VIEW.height };
  };
  // Room for long labels, unless the text would then be drawn under 12 px: then labels longer than a short one's room are narrowed (NodeGlyph fits them).
  const roomy = flattest(labelHalfWidth(n));
  return boxHeight / roomy.height >= READABLE_SCALE ? roomy : { ...flattest(NODE_ROOM.label.halfWidth), labelRoom: 2 * NODE_ROOM.label.halfWidth };
}

/**
 * The lane of the one-way link from -> to: the segment between the two node rims,
 * shifted to its right so that the two directions of a link run side by side.
 */
export function lane(from: Point, to: Point, offset = 7, rim: number = VIEW.nodeRadius + 4): { a: Point; b: Point } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const ox = -uy * offset;
  const oy = ux * offset;
  return {
    a: { x: from.x + ux * rim + ox, y: from.y + uy * rim + oy },
    b: { x: to.x - ux * rim + ox, y: to.y - uy * rim + oy },
  };
}

/** How far along its lane a message is at `time`: 0 at sentAt, 1 at deliverAt. */
export function progress(sentAt: number, deliverAt: number, time: number): number {
  if (deliverAt <= sentAt) return 1;
  return Math.min(1, Math.max(0, (time - sentAt) / (deliverAt - sentAt)));
}

/** A point part-way along a lane. */
export function along(l: { a: Point; b: Point }, p: number): Point {
  return { x: l.a.x + (l.b.x - l.a.x) * p, y: l.a.y + (l.b.y - l.a.y) * p };
}

/** Where a blocked link is drawn broken, and where messages on it stop: its middle. */
export const BREAK_AT = 0.5;

/**
 * A message's position and opacity. On a blocked link it stops at the break; once
 * lost it falls and fades over `fallMs` of virtual time, so pausing freezes it exactly.
 */
export function messagePlacement(
  l: { a: Point; b: Point }, sentAt: number, deliverAt: number, lostAt: number | null, blocked: boolean, time: number, fallMs: number,
): { x: number; y: number; opacity: number } {
  let p = progress(sentAt, deliverAt, time);
  if (blocked) p = Math.min(p, BREAK_AT);
  const at = along(l, p);
  if (lostAt === null) return { ...at, opacity: 1 };
  const f = Math.min(1, Math.max(0, (time - lostAt) / Math.max(1, fallMs)));
  return { x: at.x, y: at.y + 46 * f * f, opacity: 1 - f };
}
