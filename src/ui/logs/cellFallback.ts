import type { StripCell } from '../draw/stripPaint';

/**
 * Keeps a strip's canvas fallback content (a span per cell, read by assistive technology and
 * carrying the data-* hooks) in step with its cells, by hand: under load the whole window of
 * cells changes several times a second, and touching only what differs from the cells last
 * shown costs a fraction of what React spends reconciling hundreds of elements.
 */
export function syncFallback(el: HTMLCanvasElement, shown: readonly StripCell[], cells: readonly StripCell[], emptyText: string | undefined): void {
  if (cells.length === 0) {
    if (emptyText === undefined) { el.replaceChildren(); return; }
    if (el.childElementCount !== 1 || el.firstElementChild!.className !== 'log-empty') {
      const empty = cellSpan();
      empty.className = 'log-empty';
      el.replaceChildren(empty);
    }
    if (el.firstElementChild!.textContent !== emptyText) el.firstElementChild!.textContent = emptyText;
    return;
  }
  if (shown.length === 0) el.replaceChildren();
  while (el.childElementCount > cells.length) el.lastElementChild!.remove();
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    // Spans stay by column: as the window slides, their attributes change, nothing is rebuilt.
    const was: StripCell | undefined = k < el.childElementCount ? shown[k] : undefined;
    const span = was === undefined ? el.appendChild(cellSpan()) : el.children[k] as HTMLElement;
    if (was === undefined) span.className = 'log-cell';
    // The cell's whole description is its text, so assistive technology reads what the
    // canvas shows by colour and border too (committed or not, decided or not).
    if (was?.title !== c.title) span.title = span.textContent = c.title;
    for (const key in c.data) {
      const v = String(c.data[key]);
      if (was === undefined || String(was.data[key]) !== v) span.setAttribute(`data-${key}`, v);
    }
    if (was !== undefined) for (const key in was.data) if (!(key in c.data)) span.removeAttribute(`data-${key}`);
  }
}

function cellSpan(): HTMLElement {
  const span = document.createElement('span');
  span.setAttribute('role', 'cell');
  return span;
}
