import { type ReactNode, useEffect, useState } from 'react';

/** One tab of the teaching area: its label, its page-region hook, and the panel it shows. */
export interface TeachingTab {
  id: string;
  label: string;
  /** The `data-region` hook the panel carries (pseudocode, spacetime...), for tests and tools. */
  region: string;
  panel: ReactNode;
}

const REMEMBER = 'quorum.teachingTab';
const ARROWS_HINT = 'Left and right arrow keys: the other tabs. Tab: into the panel.';

function remembered(tabs: TeachingTab[]): string {
  try {
    const id = localStorage.getItem(REMEMBER);
    if (tabs.some((t) => t.id === id)) return id!;
  } catch { /* storage may be unavailable (private mode, a sandboxed frame): use the first tab */ }
  return tabs[0].id;
}

/**
 * The teaching area beside the cluster: one panel at a time (pseudocode, space-time, the
 * event log, the client history), chosen by tabs and remembered; `show` opens a given tab. Every panel stays mounted, so switching tabs
 * keeps a panel's scroll position and state; the hidden ones are not laid out.
 */
export function TeachingArea({ tabs, show = null, enlarged, onEnlarge }: {
  tabs: TeachingTab[];
  show?: string | null;
  /** Whether the area takes the logs' room too (one click, for a diagram or a handler that needs the height). */
  enlarged: boolean;
  onEnlarge: () => void;
}) {
  const [active, setActive] = useState(() => show ?? remembered(tabs));
  // A run that brings its own panel (clients bring the history) opens on it; the choice is not
  // remembered, so the next run without one goes back to the lecturer's own choice.
  useEffect(() => { setActive(show ?? remembered(tabs)); }, [show]);
  const choose = (id: string) => {
    setActive(id);
    try { localStorage.setItem(REMEMBER, id); } catch { /* not remembered, still shown */ }
  };
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKey = (e: React.KeyboardEvent, k: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const next = tabs[(k + step + tabs.length) % tabs.length];
    choose(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <section className="teaching" aria-label="Teaching panels">
      <div className="teaching-head">
        {/* Only the open tab is in the Tab order (the ARIA tabs pattern): say so, to the mouse and to a screen reader. */}
        <span id="teaching-tabs-hint" className="visually-hidden">{ARROWS_HINT}</span>
        <div className="teaching-tabs" role="tablist" aria-label="Teaching panel" title={ARROWS_HINT}>
          {tabs.map((t, k) => (
            <button key={t.id} id={`tab-${t.id}`} type="button" role="tab" aria-selected={t.id === active} aria-controls={`panel-${t.id}`}
              aria-describedby="teaching-tabs-hint" tabIndex={t.id === active ? 0 : -1} onClick={() => choose(t.id)} onKeyDown={(e) => onKey(e, k)}>
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="teaching-enlarge" aria-pressed={enlarged} onClick={onEnlarge} data-teaching-enlarge
          aria-label="Enlarge the teaching panel over the logs" title={enlarged ? 'Give the logs their room back' : 'Enlarge this panel: it takes the logs\' room'}>
          <svg className="enlarge-icon" width="16" height="16" viewBox="0 0 20 20" aria-hidden="true"><path d="M2 2h7v2H5.4l4 4L8 9.4l-4-4V9H2zM18 18h-7v-2h3.6l-4-4 1.4-1.4 4 4V11h2z" fill="currentColor" /></svg>
          <span className="enlarge-word">Enlarge</span>
        </button>
      </div>
      {tabs.map((t) => (
        <div key={t.id} id={`panel-${t.id}`} className="teaching-panel" role="tabpanel" aria-labelledby={`tab-${t.id}`} data-region={t.region} hidden={t.id !== active}
          // Tab from the tabs reaches the open panel itself, even one with nothing focusable inside.
          tabIndex={0}>
          {t.panel}
        </div>
      ))}
    </section>
  );
}

