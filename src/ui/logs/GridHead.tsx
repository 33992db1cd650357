import { useCallback, useState } from 'react';

/**
 * The width the header's row of indices has, as the cells below have it: the tables show only
 * the columns that fit in it whole (see indicesThatFit). Until it is measured, none is shown.
 */
export function useStripWidth(): [(el: HTMLElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (el === null) return;
    const resize = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  return [ref, width];
}

/** The header row of a table of logs or slots: who, the indices shown (with how many came before), the state machine. */
export function GridHead({ who, columns, cellWidth, cellsRef }: { who: string; columns: number[]; cellWidth: number; cellsRef: (el: HTMLElement | null) => void }) {
  const first = columns[0] ?? 1;
  return (
    <div className="log-row log-head" role="row">
      {/* How many entries the "…" column stands for: in the first column, on one line (beside the cells, it was cut). */}
      <span className="log-who" role="columnheader">{who}{first > 1 && <small className="log-earlier" data-earlier={first - 1}>… {first - 1} earlier</small>}</span>
      <span className="log-cells" ref={cellsRef}>
        {first > 1 && <span className="log-more" aria-hidden="true">…</span>}
        {columns.map((i, k) => <span key={k} className="log-index" role="columnheader" style={{ width: cellWidth }}>{i}</span>)}
      </span>
      <span className="log-kv" role="columnheader">state machine</span>
    </div>
  );
}
