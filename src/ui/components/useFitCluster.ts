import { type RefObject, useLayoutEffect } from 'react';
import { VIEW } from '../geometry/layout';

/**
 * Sizes the cluster in pixels, as large as its box allows at the drawing's aspect ratio, and
 * again only when the box changes size. Sized in CSS from the box (container units), it was
 * restyled on every layout of the page, and its SVG then laid out every server and link
 * again: a text change in any panel cost the cluster's whole layout.
 */
export function useFitCluster(ref: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (el == null || box == null) return;
    const fit = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      const w = Math.min(width, (height * VIEW.width) / VIEW.height);
      el.style.width = `${w}px`;
      el.style.height = `${(w * VIEW.height) / VIEW.width}px`;
    });
    fit.observe(box);
    return () => fit.disconnect();
  }, [ref]);
}
