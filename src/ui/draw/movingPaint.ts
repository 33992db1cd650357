/**
 * Drawing what moves in the cluster (messages and timer rings) from a MovingFrame: a pure
 * function of the frame, used by the drawing worker, by the main thread where no worker can
 * draw, and for hit-testing a click on a message.
 */
import type { Context2D } from './fitCanvas';
import { blockKeyOf, linkBlocker } from '../geometry/blocking';
import { type Box, placeLabels } from './labelPlacement';
import { lane, messagePlacement, NODE_ROOM, type Point, VIEW } from '../geometry/layout';
import { messageStyle, type Palette } from '../theme';
import type { MessageView, MovingFrame } from '../../worker/protocol';

const TWO_PI = Math.PI * 2;
const HIT_RADIUS = 14;
/** A timer ring's ticks (dash, gap), in view units; the legend's swatch draws the same. */
export const TIMER_TICKS = [5, 3];
/** A message's label, in view units: at least 14 px on screen when the cluster is drawn at 1280x720. */
export const MESSAGE_LABEL_PX = 15;

/** Draws a frame: timer rings first, then the messages (labelled when paused or selected). */
export function paintMoving(ctx: Context2D, frame: MovingFrame, positions: Point[], selected: number | null, palette: Palette): void {
  const time = frame.time;
  frame.rings.forEach((t, i) => {
    const at = positions[i];
    if (t === null || at === undefined) return;
    const left = Math.min(1, Math.max(0, (t.at - time) / Math.max(1, t.at - t.since)));
    const fraction = t.refills ? 1 - left : left;
    const r = VIEW.nodeRadius + 5.5;
    ctx.lineWidth = 5;
    // In ticks, like a clock's dial: no role's outline is dashed and ringed off the circle, so a timer never reads as a candidate.
    ctx.setLineDash(TIMER_TICKS);
    ctx.strokeStyle = palette.line;
    ctx.beginPath(); ctx.arc(at.x, at.y, r, 0, TWO_PI); ctx.stroke();
    if (fraction > 0) {
      ctx.strokeStyle = t.refills ? palette.refill : palette.timer;
      ctx.beginPath(); ctx.arc(at.x, at.y, r, -Math.PI / 2, -Math.PI / 2 + TWO_PI * fraction); ctx.stroke();
    }
    ctx.setLineDash([]);
  });
  const wishes = [];
  // A server: its circle, and its role label written under it (most are wider than the circle).
  const servers = positions.flatMap(serverBoxes);
  for (const { m, x, y, opacity } of placeMessages(frame, positions)) {
    const f = m.fields as { granted?: boolean; success?: boolean; vote?: string; decision?: string };
    const isSelected = m.id === selected;
    ctx.globalAlpha = opacity;
    drawShape(ctx, m.type, x, y, f.granted !== false && f.success !== false && f.vote !== 'no' && f.decision !== 'abort', isSelected, palette);
    // Not where it would show between the letters of a server's name or role ("LEADE×2"): the message passes under the server there.
    if (m.duplicateOf !== null && !servers.some((b) => overlaps(b, DUPLICATE_BOX, x + 15, y - 7))) label(ctx, '×2', x + 15, y - 7, palette.duplicate, 14, palette.panel);
    if (m.heldAt !== null) drawHeld(ctx, x, y, palette);
    if (!frame.playing || isSelected) wishes.push({ text: shortLabel(m.type, m.fields), x, y: y - 15, first: isSelected, opacity });
    ctx.globalAlpha = 1;
  }
  // Labels over every shape, and only where they do not cover one another or a server's badge.
  ctx.font = LABEL_FONT;
  for (const w of placeLabels(wishes, (t) => ctx.measureText(t).width, MESSAGE_LABEL_PX, servers)) {
    ctx.globalAlpha = w.opacity;
    label(ctx, w.text, w.x, w.y, palette.ink, MESSAGE_LABEL_PX, palette.panel);
    ctx.globalAlpha = 1;
  }
}

const LABEL_FONT = `700 ${MESSAGE_LABEL_PX}px system-ui, sans-serif`;

/** The ×2 beside a duplicate, around its anchor (centred text, on its baseline, 14 px). */
const DUPLICATE_BOX = { left: -10, right: 10, top: -12, bottom: 3 };

function overlaps(b: Box, around: Box, x: number, y: number): boolean {
  return b.left < x + around.right && x + around.left < b.right && b.top < y + around.bottom && y + around.top < b.bottom;
}

/** Where a server's circle and role label are, which message labels keep off. */
export function serverBoxes(p: Point): Box[] {
  const r = VIEW.nodeRadius;
  const { halfWidth, top, baseline } = NODE_ROOM.label;
  return [
    { left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + top },
    { left: p.x - halfWidth, right: p.x + halfWidth, top: p.y + top, bottom: p.y + baseline + 4 },
  ];
}

/** Where each visible message is drawn: on its lane, stopped at a break, or falling if lost. */
export function placeMessages(frame: MovingFrame, positions: Point[]): { m: MessageView; x: number; y: number; opacity: number }[] {
  const blocked = linkBlocker(blockKeyOf(frame.network));
  const out = [];
  for (const m of frame.messages) {
    const from = positions[m.from - 1];
    const to = positions[m.to - 1];
    // A message a node sends itself (Paxos: proposer to its own acceptor) has no link to travel.
    if (from === undefined || to === undefined || m.from === m.to) continue;
    // A held message stays where it was when held; once released it flies on from there.
    const p = messagePlacement(lane(from, to), m.sentAt + m.heldFor, m.deliverAt, m.lostAt, blocked(m.from, m.to) !== null, m.heldAt ?? frame.time, frame.network.latencyMax);
    if (p.opacity > 0) out.push({ m, ...p });
  }
  return out;
}

/** The message in flight at a point of the cluster (in view units), if any: what a click hits. */
export function messageAt(frame: MovingFrame, positions: Point[], x: number, y: number): number | null {
  let best: number | null = null;
  let bestD = HIT_RADIUS;
  for (const p of placeMessages(frame, positions)) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (p.m.lostAt === null && d <= bestD) { best = p.m.id; bestD = d; }
  }
  return best;
}

function drawShape(ctx: Context2D, type: string, x: number, y: number, filled: boolean, selected: boolean, palette: Palette): void {
  const st = messageStyle(type, palette);
  ctx.beginPath();
  switch (st.shape) {
    case 'square': ctx.rect(x - 7, y - 7, 14, 14); break;
    case 'diamond': ctx.moveTo(x, y - 9); ctx.lineTo(x + 9, y); ctx.lineTo(x, y + 9); ctx.lineTo(x - 9, y); ctx.closePath(); break;
    case 'triangle': ctx.moveTo(x, y - 9); ctx.lineTo(x + 8.5, y + 7); ctx.lineTo(x - 8.5, y + 7); ctx.closePath(); break;
    case 'hourglass': ctx.moveTo(x - 7, y - 8); ctx.lineTo(x + 7, y - 8); ctx.lineTo(x - 7, y + 8); ctx.lineTo(x + 7, y + 8); ctx.closePath(); break;
    default: ctx.arc(x, y, 7.5, 0, TWO_PI);
  }
  ctx.fillStyle = filled && st.shape !== 'ring' ? st.color : palette.panel;
  ctx.fill();
  ctx.lineWidth = selected ? 3.5 : 2.5;
  ctx.strokeStyle = selected ? palette.selected : st.color;
  ctx.stroke();
  if (st.shape === 'ring' && filled) {
    ctx.beginPath(); ctx.arc(x, y, 3.5, 0, TWO_PI); ctx.fillStyle = st.color; ctx.fill();
  }
}

/** A held message: pause bars beside it, as on a media player, in the violet of a paused server. */
function drawHeld(ctx: Context2D, x: number, y: number, palette: Palette): void {
  ctx.fillStyle = palette.held;
  ctx.fillRect(x - 20, y - 7, 4, 14);
  ctx.fillRect(x - 14, y - 7, 4, 14);
}

function label(ctx: Context2D, text: string, x: number, y: number, color: string, size: number, halo: string): void {
  ctx.font = `700 ${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.lineWidth = 3;
  ctx.strokeStyle = halo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

export function shortLabel(type: string, fields: Record<string, unknown>): string {
  switch (type) {
    case 'VoteRequest': return `vote? t${fields.term}`;
    case 'VoteResponse': return `${fields.granted ? 'yes' : 'no'} t${fields.term}`;
    case 'LogRequest': return `t${fields.term} +${fields.suffix}`;
    case 'LogResponse': return fields.success ? `ack ${fields.ack}` : 'fail';
    case 'ClientRequest': return String(fields.command);
    case 'TimeoutNow': return `time out now t${fields.term}`;
    case 'Prepare': return fields.tx !== undefined ? `prepare ${fields.tx}` : `prep ${ballot(fields.ballot)}`;
    case 'Begin': return `begin ${(fields.tx as { id?: string } | undefined)?.id ?? ''}`;
    case 'Vote': return `${fields.vote} ${fields.tx}`;
    case 'Decision': return `${fields.decision} ${fields.tx}`;
    case 'Ack': return `ack ${fields.tx}`;
    case 'AskDecision': return `? ${fields.tx}`;
    case 'PreCommit': return `pre ${fields.tx}`;
    case 'PreAck': return `pre-ack ${fields.tx}`;
    case 'StateReq': return `state? ${fields.tx}`;
    case 'StateReport': return `${fields.status} ${fields.tx}`;
    case 'Promise': return `prom ${ballot(fields.ballot)}${fields.accepted ? ' +v' : ''}`;
    case 'Nack': return `nack < ${ballot(fields.promised)}`;
    case 'Accept': return `acc ${fields.slot !== undefined ? `s${fields.slot} ` : ''}"${fields.value}"`;
    case 'Accepted': return `ok ${fields.slot !== undefined ? `s${fields.slot}` : ballot(fields.ballot)}`;
    case 'Heartbeat': return `hb ${ballot(fields.ballot)}`;
    case 'HeartbeatAck': return `hb ok ${ballot(fields.ballot)}`;
    case 'CatchUp': return `catch up ${fields.from}+`;
    case 'Decide': return `decide ×${fields.entries}`;
    default: return type;
  }
}

function ballot(b: unknown): string {
  return Array.isArray(b) ? `(${b[0]},S${b[1]})` : '';
}
