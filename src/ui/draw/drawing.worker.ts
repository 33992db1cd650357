/// <reference lib="webworker" />
/**
 * The drawing worker: paints canvases the page handed over. The moving layer (messages,
 * timer rings) it paints from frames the simulation worker posts straight to it; strips of
 * log cells from what the page posts when a row changes. The page's main thread never
 * touches these pixels, so however busy the run, painting costs it nothing.
 */
import { nodePositions, type ViewSize } from '../geometry/layout';
import type { MovingFrame } from '../../worker/protocol';
import { paintMoving } from './movingPaint';
import { type CanvasSize, fitCanvas } from './fitCanvas';
import { paintStrip, type Strip } from './stripPaint';
import { LIGHT, type Palette } from '../theme';

export type ToDrawer =
  | { type: 'moving'; canvas: OffscreenCanvas; frames: MessagePort; view: ViewSize }
  | { type: 'movingSize'; size: CanvasSize }
  | { type: 'movingStop' }
  | { type: 'select'; id: number | null }
  | { type: 'strip'; id: number; canvas: OffscreenCanvas }
  | { type: 'stripSize'; id: number; size: CanvasSize }
  | { type: 'stripCells'; id: number; strip: Strip }
  | { type: 'stripStop'; id: number }
  | { type: 'palette'; palette: Palette };

interface Moving {
  canvas: OffscreenCanvas;
  frames: MessagePort;
  frame: MovingFrame | null;
  size: CanvasSize;
  /** The cluster's view, which the page picked for its box. */
  view: ViewSize;
}

interface StripCanvas {
  canvas: OffscreenCanvas;
  size: CanvasSize | null;
  strip: Strip | null;
}

let moving: Moving | null = null;
let selected: number | null = null;
let palette: Palette = LIGHT;
const strips = new Map<number, StripCanvas>();
/** What changed since the last paint: the moving layer, and strips by id. */
let movingDirty = false;
const dirtyStrips = new Set<number>();
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
  if (movingDirty && moving !== null) paintMovingLayer(moving);
  movingDirty = false;
  for (const id of dirtyStrips) {
    const s = strips.get(id);
    if (s !== undefined && s.size !== null && s.strip !== null) paintStrip(s.canvas, s.size, s.strip, palette);
  }
  dirtyStrips.clear();
}

function paintMovingLayer({ canvas, frame, size, view }: Moving): void {
  // Drawn in the view's units, as the cluster's SVG is.
  const ctx = frame === null ? null : fitCanvas(canvas, size, size.width / view.width);
  if (ctx === null || frame === null) return;
  ctx.clearRect(0, 0, view.width, view.height);
  paintMoving(ctx, frame, nodePositions(frame.rings.length, view), selected, palette);
}

function touchMoving(): void {
  movingDirty = true;
  schedule();
}

function touchStrip(id: number): void {
  dirtyStrips.add(id);
  schedule();
}

self.onmessage = (e: MessageEvent<ToDrawer>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'moving': {
      moving?.frames.close();
      const layer: Moving = { canvas: msg.canvas, frames: msg.frames, frame: null, size: { width: 0, height: 0, ratio: 1 }, view: msg.view };
      msg.frames.onmessage = (f: MessageEvent<MovingFrame>) => { layer.frame = f.data; touchMoving(); };
      moving = layer;
      break;
    }
    case 'movingSize': if (moving !== null) { moving.size = msg.size; touchMoving(); } break;
    case 'movingStop': moving?.frames.close(); moving = null; break;
    case 'select': selected = msg.id; touchMoving(); break;
    case 'strip': strips.set(msg.id, { canvas: msg.canvas, size: null, strip: null }); break;
    case 'stripSize': { const s = strips.get(msg.id); if (s !== undefined) { s.size = msg.size; touchStrip(msg.id); } break; }
    case 'stripCells': { const s = strips.get(msg.id); if (s !== undefined) { s.strip = msg.strip; touchStrip(msg.id); } break; }
    case 'stripStop': strips.delete(msg.id); dirtyStrips.delete(msg.id); break;
    case 'palette':
      palette = msg.palette;
      if (moving !== null) movingDirty = true;
      for (const id of strips.keys()) dirtyStrips.add(id);
      schedule();
      break;
  }
};
