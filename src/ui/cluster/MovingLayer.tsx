import { useContext, useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand';
import type { Point, ViewSize } from '../geometry/layout';
import { fitCanvas } from '../draw/fitCanvas';
import { paintMoving } from '../draw/movingPaint';
import { currentPalette, onPalette } from '../shell/themeState';
import { type Drawer, drawingWorker } from '../draw/drawer';
import { PaintHereContext } from '../draw/paintHere';
import { SimContext, type SimState } from '../store/simStore';
import { movingFrame } from '../../worker/movingFrame';
import type { MovingFrame } from '../../worker/protocol';

/** The moving layer's frame from the store: what the main thread draws and hit-tests. */
export function frameOf(s: SimState): MovingFrame | null {
  return s.snapshot === null ? null : movingFrame(s.snapshot, s.nodeIds.map((id) => s.nodes[id]));
}

/**
 * What moves every frame (messages, timer rings), on a canvas outside React: a function of
 * the frame, so pausing freezes it exactly. Where the browser can hand a canvas to a worker,
 * a drawing worker paints it from frames the simulation worker sends it directly; otherwise
 * the main thread paints it from the store. Clicks are hit-tested in ClusterView; the
 * messages' DOM hooks and keyboard access live in MessageList.
 */
export function MovingLayer({ positions, view }: { positions: Point[]; view: ViewSize }) {
  const store = useContext(SimContext) as StoreApi<SimState>;
  const here = useContext(PaintHereContext);
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A fresh canvas per mount: control of a canvas passes to a worker only once.
    const canvas = document.createElement('canvas');
    holder.current!.append(canvas);
    const drawer = here ? null : drawingWorker();
    const stop = drawer === null ? drawHere(canvas, store, positions, view) : drawInWorker(canvas, drawer, store, view);
    return () => { stop(); canvas.remove(); };
  }, [store, positions, view, here]);
  return <div ref={holder} className="moving-layer" aria-hidden="true" />;
}

function drawInWorker(canvas: HTMLCanvasElement, drawer: Drawer, store: StoreApi<SimState>, view: ViewSize): () => void {
  const offscreen = canvas.transferControlToOffscreen();
  const channel = new MessageChannel();
  drawer.post({ type: 'moving', canvas: offscreen, frames: channel.port2, view: { width: view.width, height: view.height } }, [offscreen, channel.port2]);
  store.getState().send({ type: 'drawTo', port: channel.port1 });
  const resize = new ResizeObserver(([entry]) => {
    drawer.post({ type: 'movingSize', size: { width: entry.contentRect.width, height: entry.contentRect.height, ratio: window.devicePixelRatio || 1 } });
  });
  resize.observe(canvas);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.selectedMessage !== prev.selectedMessage) drawer.post({ type: 'select', id: s.selectedMessage });
  });
  return () => { unsubscribe(); resize.disconnect(); drawer.post({ type: 'movingStop' }); };
}

function drawHere(canvas: HTMLCanvasElement, store: StoreApi<SimState>, positions: Point[], view: ViewSize): () => void {
  let size = { width: 0, height: 0 };
  let frame: number | null = null;
  const draw = () => {
    frame = null;
    const s = store.getState();
    const f = frameOf(s);
    const ctx = f === null ? null : fitCanvas(canvas, { ...size, ratio: window.devicePixelRatio || 1 }, size.width / view.width);
    if (ctx === null || f === null) return;
    ctx.clearRect(0, 0, view.width, view.height);
    paintMoving(ctx, f, positions, s.selectedMessage, currentPalette());
  };
  const schedule = () => { if (frame === null) frame = requestAnimationFrame(draw); };
  const unsubscribe = store.subscribe(schedule);
  const unTheme = onPalette(schedule);
  const resize = new ResizeObserver(([entry]) => { size = { width: entry.contentRect.width, height: entry.contentRect.height }; schedule(); });
  resize.observe(canvas);
  return () => { unsubscribe(); unTheme(); resize.disconnect(); if (frame !== null) cancelAnimationFrame(frame); };
}
