/// <reference lib="webworker" />
/**
 * The drawing worker: paints the moving layer on a canvas the page handed over, from frames
 * the simulation worker posts straight to it. The page's main thread never touches these
 * pixels, so animation costs it nothing, however busy the panels are.
 */
import { nodePositions, VIEW } from '../geometry/layout';
import type { MovingFrame } from '../../worker/protocol';
import { paintMoving } from './movingPaint';

export type ToDrawer =
  | { type: 'start'; canvas: OffscreenCanvas; frames: MessagePort }
  | { type: 'size'; width: number; height: number; ratio: number }
  | { type: 'select'; id: number | null };

let canvas: OffscreenCanvas | null = null;
let frame: MovingFrame | null = null;
let size = { width: 0, height: 0, ratio: 1 };
let selected: number | null = null;
let scheduled = false;

const nextFrame: (draw: () => void) => void = typeof self.requestAnimationFrame === 'function'
  ? (draw) => self.requestAnimationFrame(draw)
  : (draw) => setTimeout(draw, 0);

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  nextFrame(draw);
}

function draw(): void {
  scheduled = false;
  if (canvas === null || frame === null || size.width === 0) return;
  const w = Math.round(size.width * size.ratio);
  const h = Math.round(size.height * size.ratio);
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  const ctx = canvas.getContext('2d')!;
  const scale = (size.width / VIEW.width) * size.ratio;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, VIEW.width, VIEW.height);
  paintMoving(ctx, frame, nodePositions(frame.rings.length), selected);
}

self.onmessage = (e: MessageEvent<ToDrawer>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'start':
      canvas = msg.canvas;
      msg.frames.onmessage = (f: MessageEvent<MovingFrame>) => { frame = f.data; schedule(); };
      break;
    case 'size': size = msg; break;
    case 'select': selected = msg.id; break;
  }
  schedule();
};
