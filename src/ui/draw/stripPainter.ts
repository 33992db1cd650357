import { currentPalette, onPalette } from '../shell/themeState';
import { type Drawer, drawingWorker } from './drawer';
import type { CanvasSize } from './fitCanvas';
import { paintStrip, type Strip } from './stripPaint';

/** Paints one strip of log cells, wherever it is painted. */
export interface StripPainter {
  paint: (strip: Strip) => void;
  stop: () => void;
}

/**
 * The painter for a strip's canvas: the drawing worker where the canvas can be handed to
 * it, else the main thread. The canvas's size comes from a ResizeObserver, never read
 * during a render, which would force a layout in the middle of React's commit.
 */
export function stripPainter(el: HTMLCanvasElement): StripPainter {
  const drawer = drawingWorker();
  return drawer === null ? paintHere(el) : paintInWorker(el, drawer);
}

function observeSize(el: HTMLCanvasElement, onSize: (size: CanvasSize) => void): ResizeObserver {
  const resize = new ResizeObserver(([entry]) => {
    onSize({ width: entry.contentRect.width, height: entry.contentRect.height, ratio: window.devicePixelRatio || 1 });
  });
  resize.observe(el);
  return resize;
}

function paintHere(el: HTMLCanvasElement): StripPainter {
  let size: CanvasSize | null = null;
  let strip: Strip | null = null;
  const repaint = () => { if (size !== null && strip !== null) paintStrip(el, size, strip, currentPalette()); };
  const resize = observeSize(el, (s) => { size = s; repaint(); });
  const unTheme = onPalette(repaint);
  return {
    paint: (next) => { strip = next; repaint(); },
    stop: () => { resize.disconnect(); unTheme(); },
  };
}

/** A canvas's id at the worker: control of a canvas passes only once, so a remount (as StrictMode does) keeps it. */
const handedOver = new WeakMap<HTMLCanvasElement, number>();
const mounted = new Set<number>();
let nextId = 0;

function paintInWorker(el: HTMLCanvasElement, drawer: Drawer): StripPainter {
  let id = handedOver.get(el);
  if (id === undefined) {
    id = ++nextId;
    handedOver.set(el, id);
    const canvas = el.transferControlToOffscreen();
    drawer.post({ type: 'strip', id, canvas }, [canvas]);
  }
  const own = id;
  mounted.add(own);
  const resize = observeSize(el, (size) => drawer.post({ type: 'stripSize', id: own, size }));
  return {
    paint: (strip) => drawer.post({ type: 'stripCells', id: own, strip }),
    stop: () => {
      resize.disconnect();
      mounted.delete(own);
      // Let go of the worker's canvas only if the element does not come straight back.
      queueMicrotask(() => { if (!mounted.has(own)) drawer.post({ type: 'stripStop', id: own }); });
    },
  };
}

