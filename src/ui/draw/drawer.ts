import { currentPalette, onPalette } from '../shell/themeState';
import type { ToDrawer } from './drawing.worker';

/** The page's drawing worker, typed by what it accepts. */
export interface Drawer {
  post: (msg: ToDrawer, transfer?: Transferable[]) => void;
}

let drawer: Drawer | null | undefined;

/**
 * The page's one drawing worker, started on first use; null where a canvas cannot be
 * handed to a worker, and the main thread draws instead. It outlives any one component:
 * the moving layer and every strip of log cells register their canvases with it.
 */
export function drawingWorker(): Drawer | null {
  if (drawer === undefined) {
    if (typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function') {
      const worker = new Worker(new URL('./drawing.worker.ts', import.meta.url), { type: 'module' });
      drawer = { post: (msg, transfer = []) => worker.postMessage(msg, transfer) };
      // The worker paints in the page's theme, and again in the new one when it changes.
      const d = drawer;
      d.post({ type: 'palette', palette: currentPalette() });
      onPalette(() => d.post({ type: 'palette', palette: currentPalette() }));
    } else {
      drawer = null;
    }
  }
  return drawer;
}
