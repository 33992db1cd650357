import type { StoreApi } from 'zustand';
import { frameOf } from '../cluster/MovingLayer';
import { paintMoving } from '../draw/movingPaint';
import { nodePositions, VIEW } from '../geometry/layout';
import type { SimState } from '../store/simStore';
import { stillLayers, viewOf } from './exportCluster';
import { currentPalette } from './themeState';
import { type EncodedFrame, muxWebm } from './webm';

/** A video is this wide: a 720p slide, light enough to encode on a lecturer's laptop. */
export const VIDEO_WIDTH = 1280;
/** The standard view's height at VIDEO_WIDTH: what the browser is asked it can encode. */
const VIDEO_HEIGHT = Math.round((VIDEO_WIDTH * VIEW.height) / VIEW.width);
export const FPS = 30;
/** A key frame every two seconds: a slide tool can start the video anywhere near. */
const KEY_EVERY = 2 * FPS;
/** A moment the run does not come to in this long is one it waits at (a choice to make, a rule broken): the video ends there. */
const STUCK_MS = 5000;
const CODEC = { codec: 'vp8', width: VIDEO_WIDTH, height: VIDEO_HEIGHT, bitrate: 4_000_000, framerate: FPS };

/** A span of the run in virtual milliseconds, played at `speed` (virtual ms per ms of video). */
export interface Span { from: number; to: number; speed: number }

export interface Recorded {
  video: Blob;
  /** The moment of the last frame. */
  endedAt: number;
  /** Why the video ends before the span does: the run waits there (a choice to make, a rule broken), or Stop was pressed. */
  early: 'waits' | 'stopped' | null;
}

export interface Recording {
  /** The WebM file and the moment of its last frame, or null when cancelled. */
  done: Promise<Recorded | null>;
  /** Ends the recording now: saved with the frames made so far, or thrown away. */
  stop: (save: boolean) => void;
}

/** Why this browser cannot record, or null if it can. */
export async function cannotRecord(): Promise<string | null> {
  if (typeof VideoEncoder === 'undefined') return 'This browser cannot encode video (it has no WebCodecs; Chrome, Edge and Firefox do).';
  const { supported } = await VideoEncoder.isConfigSupported(CODEC);
  return supported === true ? null : 'This browser cannot encode VP8 video.';
}

/** The moments of the span a video shows, one per frame. */
export function frameMoments(span: Span): number[] {
  const step = (span.speed * 1000) / FPS;
  const count = Math.floor((span.to - span.from) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => Math.round(span.from + i * step));
}

/**
 * Records the cluster over a span of the run as a WebM video, frame by frame: the run is moved
 * to each frame's moment (virtual time, so the video plays evenly however slow the machine),
 * the cluster is painted onto a canvas (servers and links from the page's SVG, messages and
 * timer rings from the store's frame, as on screen) and the browser encodes it (WebCodecs,
 * VP8). The run is left paused at the span's end.
 */
export function recordRun(store: StoreApi<SimState>, svg: SVGSVGElement, span: Span, onProgress: (share: number) => void): Recording {
  const send = store.getState().send;
  // The view on screen when recording starts (it takes the shape of the cluster's box); VP8 wants an even height.
  const view = viewOf(svg);
  const height = 2 * Math.round((VIDEO_WIDTH * view.height) / view.width / 2);
  const canvas = new OffscreenCanvas(VIDEO_WIDTH, height);
  const ctx = canvas.getContext('2d')!;
  const frames: EncodedFrame[] = [];
  let failed: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      frames.push({ data, ms: Math.round(chunk.timestamp / 1000), key: chunk.type === 'key' });
    },
    error: (e) => { failed = e; },
  });
  encoder.configure({ ...CODEC, height });
  let stopped: boolean | null = null;

  const paint = async () => {
    const state = store.getState();
    const palette = currentPalette();
    // As on screen: links, then what moves, then the servers.
    const [under, over] = await Promise.all(stillLayers(svg, VIDEO_WIDTH).map(picture));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(under, 0, 0, VIDEO_WIDTH, height);
    const frame = frameOf(state);
    ctx.setTransform(VIDEO_WIDTH / view.width, 0, 0, VIDEO_WIDTH / view.width, 0, 0);
    if (frame !== null) paintMoving(ctx, frame, nodePositions(state.nodeIds.length, view), null, palette);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(over, 0, 0, VIDEO_WIDTH, height);
    // The moment, for whoever watches the video without the page around it.
    ctx.font = '600 28px system-ui, sans-serif';
    ctx.fillStyle = palette.ink;
    ctx.textAlign = 'right';
    ctx.fillText(`${((state.snapshot?.time ?? 0) / 1000).toFixed(3)} s`, VIDEO_WIDTH - 24, height - 24);
  };

  const run = async (): Promise<Recorded | null> => {
    send({ type: 'pause' });
    const moments = frameMoments(span);
    let early: Recorded['early'] = null;
    let endedAt = span.from;
    for (let i = 0; i < moments.length && failed === null; i++) {
      if (stopped !== null) { early = 'stopped'; break; }
      send({ type: 'seekTime', time: moments[i] });
      if (!(await until(store, (s) => s.snapshot !== null && Math.floor(s.snapshot.time) === moments[i], STUCK_MS))) { early = 'waits'; break; }
      endedAt = moments[i];
      // The page's SVG shows the moment once React has drawn it: a frame later.
      await new Promise((r) => requestAnimationFrame(r));
      await paint();
      const frame = new VideoFrame(canvas, { timestamp: Math.round((i * 1_000_000) / FPS), duration: Math.round(1_000_000 / FPS) });
      encoder.encode(frame, { keyFrame: i % KEY_EVERY === 0 });
      frame.close();
      // Not too far ahead of the encoder: each waiting frame holds a picture's memory.
      while (encoder.encodeQueueSize > 2) await new Promise((r) => setTimeout(r, 5));
      onProgress((i + 1) / moments.length);
    }
    if (failed === null) await encoder.flush();
    encoder.close();
    if (failed !== null) throw failed instanceof Error ? failed : new Error(String(failed));
    if (stopped === false || frames.length === 0) return null;
    const file = muxWebm(VIDEO_WIDTH, height, frames, (frames.length * 1000) / FPS);
    return { video: new Blob([file.buffer as ArrayBuffer], { type: 'video/webm' }), endedAt, early };
  };
  return { done: run(), stop: (save) => { stopped = save; } };
}

/** Resolves true once the store's state satisfies the test, false if it has not after `ms`. */
function until(store: StoreApi<SimState>, test: (s: SimState) => boolean, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (test(store.getState())) { resolve(true); return; }
    const timer = setTimeout(() => { unsubscribe(); resolve(false); }, ms);
    const unsubscribe = store.subscribe((s) => { if (test(s)) { clearTimeout(timer); unsubscribe(); resolve(true); } });
  });
}

/** A standalone SVG as a decoded picture, to draw on a canvas. */
async function picture(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  const image = new Image();
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  return image;
}
