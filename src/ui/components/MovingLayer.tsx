import { type RefObject, useContext, useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand';
import { lane, messagePlacement, type Point, VIEW } from '../geometry/layout';
import { SimContext, type SimState } from '../store/simStore';
import { messageStyle } from '../theme';
import { blockKeyOf, linkBlocker } from './Links';

const TWO_PI = Math.PI * 2;
const HIT_RADIUS = 14;

export interface Placed { id: number; x: number; y: number }

/**
 * What moves every frame (messages, timer rings) drawn on a canvas, outside React: a
 * function of (snapshot, virtual time), so pausing freezes it exactly. Clicks on a message
 * are hit-tested here; the messages' DOM hooks and keyboard access live in MessageList.
 */
export function MovingLayer({ positions, placed }: { positions: Point[]; placed: RefObject<Placed[]> }) {
  const store = useContext(SimContext) as StoreApi<SimState>;
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    let frame: number | null = null;
    const draw = () => {
      frame = null;
      const scale = el.clientWidth / VIEW.width;
      const ratio = window.devicePixelRatio || 1;
      const w = Math.round(el.clientWidth * ratio);
      const h = Math.round(el.clientHeight * ratio);
      if (el.width !== w || el.height !== h) { el.width = w; el.height = h; }
      ctx.setTransform(scale * ratio, 0, 0, scale * ratio, 0, 0);
      ctx.clearRect(0, 0, VIEW.width, VIEW.height);
      placed.current = paint(ctx, store.getState(), positions);
    };
    const schedule = () => { if (frame === null) frame = requestAnimationFrame(draw); };
    const unsubscribe = store.subscribe(schedule);
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    schedule();
    return () => { unsubscribe(); resize.disconnect(); if (frame !== null) cancelAnimationFrame(frame); };
  }, [store, positions, placed]);

  return <canvas ref={canvas} className="moving-layer" aria-hidden="true" />;
}

/** The message at a point of the cluster (in view units), if any: what a click on the canvas hits. */
export function messageAt(placed: readonly Placed[], x: number, y: number): number | null {
  let best: Placed | null = null;
  let bestD = HIT_RADIUS;
  for (const p of placed) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= bestD) { best = p; bestD = d; }
  }
  return best?.id ?? null;
}

function paint(ctx: CanvasRenderingContext2D, s: SimState, positions: Point[]): Placed[] {
  const snap = s.snapshot;
  if (snap === null) return [];
  const time = snap.time;
  // Timer rings: the election timer empties towards its deadline; a leader's heartbeat refills.
  s.nodeIds.forEach((id, i) => {
    const n = s.nodes[id];
    const at = positions[i];
    if (n === undefined || at === undefined || !n.up) return;
    // Raft's election timer (or a leader's heartbeat), Paxos's proposer retry or backoff.
    const t = n.timers.election ?? n.timers.retry ?? n.timers.leader ?? n.timers.heartbeat;
    if (t === undefined) return;
    const left = Math.min(1, Math.max(0, (t.at - time) / Math.max(1, t.at - t.since)));
    const fraction = t !== n.timers.heartbeat ? left : 1 - left;
    const r = VIEW.nodeRadius + 5.5;
    ctx.lineWidth = 5;
    ctx.strokeStyle = '#e2e8f0';
    ctx.beginPath(); ctx.arc(at.x, at.y, r, 0, TWO_PI); ctx.stroke();
    if (fraction > 0) {
      ctx.strokeStyle = t !== n.timers.heartbeat ? '#2563eb' : '#d97706';
      ctx.beginPath(); ctx.arc(at.x, at.y, r, -Math.PI / 2, -Math.PI / 2 + TWO_PI * fraction); ctx.stroke();
    }
  });
  const blocked = linkBlocker(blockKeyOf(snap.network));
  const paused = !snap.playing;
  const out: Placed[] = [];
  for (const m of snap.messages) {
    const from = positions[m.from - 1];
    const to = positions[m.to - 1];
    // A message a node sends itself (Paxos: proposer to its own acceptor) has no link to travel.
    if (from === undefined || to === undefined || m.from === m.to) continue;
    const p = messagePlacement(lane(from, to), m.sentAt, m.deliverAt, m.lostAt, blocked(m.from, m.to) !== null, time, snap.network.latencyMax);
    if (p.opacity <= 0) continue;
    const f = m.fields as { granted?: boolean; success?: boolean };
    const selected = m.id === s.selectedMessage;
    ctx.globalAlpha = p.opacity;
    drawShape(ctx, m.type, p.x, p.y, f.granted !== false && f.success !== false, selected);
    if (m.duplicateOf !== null) label(ctx, '×2', p.x + 12, p.y - 7, '#b45309', 10);
    if (paused || selected) label(ctx, shortLabel(m.type, m.fields), p.x, p.y - 14, '#0f172a', 11);
    ctx.globalAlpha = 1;
    if (m.lostAt === null) out.push({ id: m.id, x: p.x, y: p.y });
  }
  return out;
}

function drawShape(ctx: CanvasRenderingContext2D, type: string, x: number, y: number, filled: boolean, selected: boolean): void {
  const st = messageStyle(type);
  ctx.beginPath();
  switch (st.shape) {
    case 'square': ctx.rect(x - 7, y - 7, 14, 14); break;
    case 'diamond': ctx.moveTo(x, y - 9); ctx.lineTo(x + 9, y); ctx.lineTo(x, y + 9); ctx.lineTo(x - 9, y); ctx.closePath(); break;
    case 'triangle': ctx.moveTo(x, y - 9); ctx.lineTo(x + 8.5, y + 7); ctx.lineTo(x - 8.5, y + 7); ctx.closePath(); break;
    default: ctx.arc(x, y, 7.5, 0, TWO_PI);
  }
  ctx.fillStyle = filled && st.shape !== 'ring' ? st.color : '#fff';
  ctx.fill();
  ctx.lineWidth = selected ? 3.5 : 2.5;
  ctx.strokeStyle = selected ? '#000' : st.color;
  ctx.stroke();
  if (st.shape === 'ring' && filled) {
    ctx.beginPath(); ctx.arc(x, y, 3.5, 0, TWO_PI); ctx.fillStyle = st.color; ctx.fill();
  }
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, size: number): void {
  ctx.font = `700 ${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#fff';
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
    case 'Prepare': return `prep ${ballot(fields.ballot)}`;
    case 'Promise': return `prom ${ballot(fields.ballot)}${fields.accepted ? ' +v' : ''}`;
    case 'Nack': return `nack < ${ballot(fields.promised)}`;
    case 'Accept': return `acc ${fields.slot !== undefined ? `s${fields.slot} ` : ''}"${fields.value}"`;
    case 'Accepted': return `ok ${fields.slot !== undefined ? `s${fields.slot}` : ballot(fields.ballot)}`;
    case 'Heartbeat': return `hb ${ballot(fields.ballot)}`;
    case 'CatchUp': return `catch up ${fields.from}+`;
    case 'Decide': return `decide ×${fields.entries}`;
    default: return type;
  }
}

function ballot(b: unknown): string {
  return Array.isArray(b) ? `(${b[0]},S${b[1]})` : '';
}
