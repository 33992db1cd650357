import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the controls stay after the pointer last moved, in presenter mode (wall-clock ms: a UI matter, not the simulation's). */
const CHROME_MS = 2500;

/**
 * Presenter mode: the page full screen, in larger type, with the header and timeline out of
 * the way until the pointer moves (or the keyboard reaches them). Leaving full screen (Esc)
 * leaves presenter mode too. Where full screen is refused (a frame without permission, a
 * headless browser), the mode still applies to the window.
 */
export function usePresenter(): { presenter: boolean; toggle: () => void; chrome: boolean } {
  const [presenter, setPresenter] = useState(false);
  const [chrome, setChrome] = useState(true);
  const hide = useRef<ReturnType<typeof setTimeout> | null>(null);
  const toggle = useCallback(() => {
    setPresenter((on) => {
      const next = !on;
      if (next) void document.documentElement.requestFullscreen?.().catch(() => { /* windowed presenter mode */ });
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      return next;
    });
  }, []);
  useEffect(() => {
    const onChange = () => { if (document.fullscreenElement === null) setPresenter(false); };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  useEffect(() => {
    if (!presenter) { setChrome(true); return; }
    const show = () => {
      setChrome(true);
      if (hide.current !== null) clearTimeout(hide.current);
      hide.current = setTimeout(() => setChrome(false), CHROME_MS);
    };
    show();
    window.addEventListener('pointermove', show);
    return () => {
      window.removeEventListener('pointermove', show);
      if (hide.current !== null) clearTimeout(hide.current);
    };
  }, [presenter]);
  return { presenter, toggle, chrome };
}
