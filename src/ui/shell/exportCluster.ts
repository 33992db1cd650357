import { paintMoving } from '../draw/movingPaint';
import { nodePositions, VIEW } from '../geometry/layout';
import { frameOf } from '../components/MovingLayer';
import { svgToPng } from './rasterize';
import { currentPalette } from './themeState';
import type { SimState } from '../store/simStore';

/** Exports are at least this wide, in pixels: a 1920x1080 projector or a slide at full width. */
export const EXPORT_WIDTH = 1920;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** What the page's style sheet decides for the cluster's shapes and text: copied onto each element, so the file stands alone. */
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'opacity', 'font-size', 'font-weight', 'font-family', 'letter-spacing', 'text-anchor'] as const;

/**
 * The cluster's servers and links as they are on screen, as a standalone SVG element of
 * `width` pixels: the page's SVG with its computed styles inlined, on the panel's colour.
 */
export function clusterStill(svg: SVGSVGElement, width = EXPORT_WIDTH): SVGSVGElement {
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
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(Math.round((width * VIEW.height) / VIEW.width)));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(VIEW.width));
  background.setAttribute('height', String(VIEW.height));
  background.setAttribute('fill', currentPalette().panel);
  copy.prepend(background);
  return copy;
}

/**
 * The cluster as it is on screen, as a standalone SVG of EXPORT_WIDTH pixels: the still
 * part from the page's SVG, and the messages and timer rings (drawn on a canvas on screen)
 * painted afresh from the store's frame and embedded.
 */
export function clusterSvg(svg: SVGSVGElement, state: SimState): string {
  const copy = clusterStill(svg);
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
export function clusterPng(svg: SVGSVGElement, state: SimState): Promise<Blob> {
  return svgToPng(clusterSvg(svg, state), EXPORT_WIDTH, Math.round((EXPORT_WIDTH * VIEW.height) / VIEW.width), currentPalette().panel);
}
