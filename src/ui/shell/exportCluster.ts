import { paintMoving } from '../draw/movingPaint';
import { nodePositions, VIEW } from '../geometry/layout';
import { frameOf } from '../components/MovingLayer';
import { currentPalette } from './themeState';
import type { SimState } from '../store/simStore';

/** Exports are at least this wide, in pixels: a 1920x1080 projector or a slide at full width. */
export const EXPORT_WIDTH = 1920;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** What the page's style sheet decides for the cluster's shapes and text: copied onto each element, so the file stands alone. */
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'opacity', 'font-size', 'font-weight', 'font-family', 'letter-spacing', 'text-anchor'] as const;

/**
 * The cluster as it is on screen, as a standalone SVG of EXPORT_WIDTH pixels: servers and
 * links from the page's SVG with their computed styles inlined, and the messages and timer
 * rings (drawn on a canvas on screen) painted afresh from the store's frame and embedded.
 */
export function clusterSvg(svg: SVGSVGElement, state: SimState): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i] as SVGElement;
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
    for (const p of STYLED) target.style.setProperty(p, style.getPropertyValue(p));
  });
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(EXPORT_WIDTH));
  copy.setAttribute('height', String(Math.round((EXPORT_WIDTH * VIEW.height) / VIEW.width)));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(VIEW.width));
  background.setAttribute('height', String(VIEW.height));
  background.setAttribute('fill', currentPalette().panel);
  copy.prepend(background);
  const moving = movingCanvas(state, EXPORT_WIDTH);
  if (moving !== null) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', moving.toDataURL('image/png'));
    image.setAttribute('width', String(VIEW.width));
    image.setAttribute('height', String(VIEW.height));
    copy.append(image);
  }
  return new XMLSerializer().serializeToString(copy);
}

/** The moving layer (messages, timer rings) at `width` pixels, painted from the store: the on-screen canvas may belong to a worker. */
function movingCanvas(state: SimState, width: number): HTMLCanvasElement | null {
  const frame = frameOf(state);
  if (frame === null) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.round((width * VIEW.height) / VIEW.width);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(width / VIEW.width, width / VIEW.width);
  paintMoving(ctx, frame, nodePositions(state.nodeIds.length), state.selectedMessage, currentPalette());
  return canvas;
}

/** The same picture as a PNG of EXPORT_WIDTH pixels. */
export async function clusterPng(svg: SVGSVGElement, state: SimState): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([clusterSvg(svg, state)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = EXPORT_WIDTH;
    canvas.height = Math.round((EXPORT_WIDTH * VIEW.height) / VIEW.width);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('the PNG could not be made')) : resolve(b)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
