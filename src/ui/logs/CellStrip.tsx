import { memo, useLayoutEffect, useRef } from 'react';
import { columnAt, type StripCell } from '../draw/stripPaint';
import { type StripPainter, stripPainter } from '../draw/stripPainter';
import { syncFallback } from './cellFallback';

/**
 * A row of log cells drawn on a canvas: as a run plays, whole windows of entries slide by
 * several times a second, and a canvas redraws them for a fraction of what laying out
 * hundreds of elements costs; where it can, the drawing worker paints them, off the main
 * thread. The cells also exist as the canvas's fallback content (see syncFallback): never
 * laid out or painted, but read by assistive technology and carrying the data-* hooks.
 */
export const CellStrip = memo(function CellStrip({ cells, more, emptyText, cellWidth }: { cells: StripCell[]; more: boolean; emptyText?: string; cellWidth?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef<StripPainter | null>(null);
  const shown = useRef<StripCell[]>([]);
  useLayoutEffect(() => {
    const p = stripPainter(canvas.current!);
    painter.current = p;
    return () => p.stop();
  }, []);
  useLayoutEffect(() => {
    painter.current!.paint({ cells, more, emptyText, cellWidth });
    syncFallback(canvas.current!, shown.current, cells, emptyText);
    shown.current = cells;
  }, [cells, more, emptyText, cellWidth]);
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const k = columnAt(e.clientX - e.currentTarget.getBoundingClientRect().left, more, cellWidth);
    const title = k === null ? '' : cells[k]?.title ?? '';
    if (e.currentTarget.title !== title) e.currentTarget.title = title;
  };
  return (
    // The fallback content is kept by syncFallback, not by React.
    <canvas ref={canvas} className="cell-strip" data-cell-width={cellWidth} onMouseMove={onMove} />
  );
});

