import { paintMoving } from '../draw/movingPaint';
import { nodePositions, type ViewSize } from '../geometry/layout';
import { frameOf } from '../cluster/MovingLayer';
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
 * `width` pixels, on the panel's colour: the links' layer (links, partition regions), then
 * `between` (the messages, which on screen pass under the servers' labels), then the
 * servers, each from the page's SVG with its computed styles inlined.
 */
export function clusterStill(svg: SVGSVGElement, width = EXPORT_WIDTH, between: Element[] = []): SVGSVGElement {
  const [under, over] = stillLayers(svg, width);
  under.append(...between, ...over.childNodes);
  return under;
}

/**
 * The still part of the cluster in its two layers, each a standalone SVG of `width` pixels:
 * under the messages the panel's colour and the links, over them the servers (see-through).
 */
export function stillLayers(svg: SVGSVGElement, width: number): [SVGSVGElement, SVGSVGElement] {
  const view = viewOf(svg);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(view.width));
  background.setAttribute('height', String(view.height));
  background.setAttribute('fill', currentPalette().panel);
  // On screen the links lie in a layer of their own, under the messages and the servers.
  const links = svg.parentElement?.querySelector<SVGSVGElement>('svg.cluster-links');
  const under = standalone(view, width, [background, ...(links != null && links !== svg ? inlined(links).childNodes : [])]);
  return [under, standalone(view, width, [...inlined(svg).childNodes])];
}

function standalone(view: ViewSize, width: number, children: Node[]): SVGSVGElement {
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('viewBox', `0 0 ${view.width} ${view.height}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(heightFor(view, width)));
  out.append(...children);
  return out;
}

/**
 * The cluster as it is on screen, as a standalone SVG of EXPORT_WIDTH pixels: the still
 * part from the page's SVG, and the messages and timer rings (drawn on a canvas on screen)
 * painted afresh from the store's frame and embedded between the links and the servers.
 */
export function clusterSvg(svg: SVGSVGElement, state: SimState): string {
  const view = viewOf(svg);
  const moving = movingCanvas(state, view, EXPORT_WIDTH);
  const between = [];
  if (moving !== null) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', moving.toDataURL('image/png'));
    image.setAttribute('width', String(view.width));
    image.setAttribute('height', String(view.height));
    between.push(image);
  }
  return new XMLSerializer().serializeToString(clusterStill(svg, EXPORT_WIDTH, between));
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
