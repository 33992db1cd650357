import { useCallback, useState } from 'react';

const REMEMBER = 'quorum.drawer';
/** Wide enough to give the panels a column and still show cluster, narration and logs in full. */
const WIDE = 1400;

function initial(): boolean {
  try {
    const kept = localStorage.getItem(REMEMBER);
    if (kept === 'open' || kept === 'closed') return kept === 'open';
  } catch { /* no storage (a sandboxed frame): decide by width */ }
  return window.innerWidth >= WIDE;
}

/** Whether the panels' drawer is open: open on wide screens, folded on a projector, and the lecturer's last choice remembered. */
export function useDrawer(): { open: boolean; toggle: () => void } {
  const [open, setOpen] = useState(initial);
  const toggle = useCallback(() => setOpen((was) => {
    try { localStorage.setItem(REMEMBER, was ? 'closed' : 'open'); } catch { /* not remembered */ }
    return !was;
  }), []);
  return { open, toggle };
}
