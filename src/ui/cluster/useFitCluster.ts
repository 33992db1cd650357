import { type RefObject, useLayoutEffect, useState } from 'react';
import { VIEW, viewFor, type ViewSize } from '../geometry/layout';

/**
 * Picks the cluster's view for its box (the box's shape, see viewFor) and sizes the cluster
 * in pixels, as large as the box allows at the view's aspect ratio, again only when the box
 * changes size. Sized in CSS from the box (container units), it was restyled on every layout
 * of the page, and its SVG then laid out every server and link again: a text change in any
 * panel cost the cluster's whole layout.
 */
export function useFitCluster(ref: RefObject<HTMLDivElement | null>, n: number): ViewSize {
  const [view, setView] = useState<ViewSize>(VIEW);
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (el == null || box == null) return;
    const fit = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width <= 0 || height <= 0) return;
      const next = viewFor(n, width, height);
      const scale = Math.min(width / next.width, height / next.height);
      el.style.width = `${next.width * scale}px`;
      el.style.height = `${next.height * scale}px`;
      setView((v) => (v.width === next.width && v.height === next.height && v.labelRoom === next.labelRoom ? v : next));
    });
    fit.observe(box);
    return () => fit.disconnect();
  }, [ref, n]);
  return view;
}
