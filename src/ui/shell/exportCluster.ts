import { paintMoving } from '../draw/movingPaint';
import { nodePositions, type ViewSize } from '../geometry/layout';
import { frameOf } from '../components/MovingLayer';
import { svgToPng } from './rasterize';
import { currentPalette } from './themeState';
import type { SimState } from '../store/simStore';

/** Exports are at least this wide, in pixels: a 1920x1080 projector or a slide at full width. */
export const EXPORT_WIDTH = 1920;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** What the page's style sheet decides for the cluster's shapes and text: copied onto each element, so the file stands alone. */
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'paint-order', 'opacity', 'font-size', 'font-weight', 'font-family', 'letter-spacing', 'text-anchor'] as const;

/** The view the cluster is drawn in on screen (it takes the shape of its box): the SVG's viewBox. */
export function viewOf(svg: SVGSVGElement): ViewSize {
  const { width, height } = svg.viewBox.baseVal;
  return { width, height };
}

/** How tall an export `width` pixels wide is, for the view on screen. */
export function heightFor(view: ViewSize, width: number): number {
  return Math.round((width * view.height) / view.width);
}

/** A copy of an SVG element with the page's computed styles inlined: it stands alone. */
function inlined(svg: SVGSVGElement): SVGSVGElement {
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
  return copy;
}

/**
 * The cluster's servers and links as they are on screen, as a standalone SVG element of
 * `width` pixels: the page's servers' SVG with its computed styles inlined, the links' layer
 * (links, partition regions) drawn under it, on the panel's colour.
 */
export function clusterStill(svg: SVGSVGElement, width = EXPORT_WIDTH): SVGSVGElement {
  const copy = inlined(svg);
  // On screen the links lie in a layer of their own, under the servers'.
  const links = svg.parentElement?.querySelector<SVGSVGElement>('svg.cluster-links');
  if (links != null && links !== svg) copy.prepend(...inlined(links).childNodes);
  const view = viewOf(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(heightFor(view, width)));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(view.width));
  background.setAttribute('height', String(view.height));
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
  const view = viewOf(svg);
  const moving = movingCanvas(state, view, EXPORT_WIDTH);
  if (moving !== null) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', moving.toDataURL('image/png'));
    image.setAttribute('width', String(view.width));
    image.setAttribute('height', String(view.height));
    copy.append(image);
  }
  return new XMLSerializer().serializeToString(copy);
}

/** The moving layer (messages, timer rings) at `width` pixels, painted from the store: the on-screen canvas may belong to a worker. */
function movingCanvas(state: SimState, view: ViewSize, width: number): HTMLCanvasElement | null {
  const frame = frameOf(state);
  if (frame === null) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = heightFor(view, width);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(width / view.width, width / view.width);
  paintMoving(ctx, frame, nodePositions(state.nodeIds.length, view), state.selectedMessage, currentPalette());
  return canvas;
}

/** The same picture as a PNG of EXPORT_WIDTH pixels. */
export function clusterPng(svg: SVGSVGElement, state: SimState): Promise<Blob> {
  return svgToPng(clusterSvg(svg, state), EXPORT_WIDTH, heightFor(viewOf(svg), EXPORT_WIDTH), currentPalette().panel);
}
