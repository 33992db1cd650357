/**
 * Pure geometry for the cluster view: where nodes sit, where each one-way link runs,
 * and where a message is at a given virtual time (interpolated between sentAt and
 * deliverAt, as RaftScope does). No DOM: tested in Node.
 */
import { pie } from 'd3';

export interface Point {
  x: number;
  y: number;
}

export const VIEW = { width: 640, height: 520, nodeRadius: 46 } as const;

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
 * Nodes on an ellipse as wide as the view allows, S1 at the top, clockwise: d3's pie gives
 * each node an equal slice, and its angles already run clockwise from twelve o'clock. The
 * ellipse sits a little high, leaving room for the role labels under the bottom nodes; wide,
 * so that up to nine nodes and their labels stay clear of each other, but with room at the
 * sides for long labels while there are few nodes.
 */
export function nodePositions(n: number, width: number = VIEW.width, height: number = VIEW.height): Point[] {
  const cx = width / 2;
  const cy = height / 2 - 8;
  const rx = width / 2 - (n <= NODE_ROOM.longLabel.upTo ? NODE_ROOM.longLabel.halfWidth + 4 : NODE_ROOM.around + 6);
  const ry = height / 2 - NODE_ROOM.label.baseline - 2;
  const slices = pie<number>().value(1).sort(null)(Array.from({ length: n }, (_, i) => i));
  return slices.map(({ startAngle }) => ({ x: cx + rx * Math.sin(startAngle), y: cy - ry * Math.cos(startAngle) }));
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
