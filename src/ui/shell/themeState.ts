import { useSyncExternalStore } from 'react';
import { type Palette, paletteOf, type ThemeName } from '../theme';

/** What the lecturer chose: a theme, or whatever the system prefers (until they choose). */
export type ThemeChoice = ThemeName | 'system';

const KEY = 'quorum.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // storage refused (a sandboxed frame): the system decides
  }
}

const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
let choice: ThemeChoice = stored();
let palette: Palette = resolve();
const listeners = new Set<() => void>();

function resolve(): Palette {
  return paletteOf(choice === 'system' ? (media?.matches ? 'dark' : 'light') : choice);
}

/** The style sheet's variables follow the root's data-theme; canvases ask for the palette. */
function apply(): void {
  const next = resolve();
  document.documentElement.dataset.theme = next.name;
  document.documentElement.style.colorScheme = next.name;
  if (next === palette) return;
  palette = next;
  for (const l of listeners) l();
}

media?.addEventListener('change', apply);
if (typeof document !== 'undefined') apply();

export function currentPalette(): Palette {
  return palette;
}

/** Calls `listener` whenever the palette changes; returns the unsubscribe. */
export function onPalette(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The palette, for a component that paints with it: it renders again when the theme changes. */
export function usePalette(): Palette {
  return useSyncExternalStore(onPalette, currentPalette);
}

/** The header's toggle: the other theme than the one shown, remembered in this browser. */
export function toggleTheme(): void {
  choice = palette.name === 'dark' ? 'light' : 'dark';
  try { localStorage.setItem(KEY, choice); } catch { /* not remembered, still applied */ }
  apply();
}
