import { useEffect } from 'react';

/**
 * Keys of the page itself (the simulation's are in useShortcuts): F presenter mode, D the
 * panels (a page without the drawer, as side by side, passes none).
 */
export function useShellKeys(togglePresenter: () => void, toggleDrawer?: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'f' || e.key === 'F') togglePresenter();
      else if ((e.key === 'd' || e.key === 'D') && toggleDrawer !== undefined) toggleDrawer();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePresenter, toggleDrawer]);
}
