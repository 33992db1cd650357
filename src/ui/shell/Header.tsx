import type { ReactNode } from 'react';
import { ScenarioBar } from './ScenarioBar';
import { Clock, Transport } from '../timeline/Transport';
import { viewOf } from '../protocolView';
import { useSim } from '../store/simStore';
import { toggleTheme, usePalette } from './themeState';


/** Icons drawn as SVG, as the transport's are: symbol fonts differ between projectors. */
function Icon({ kind }: { kind: 'panels' | 'presenter' | 'theme' }) {
  const paths = {
    panels: 'M2 3h16v14H2zM4 5v10h7V5zM13 6h3v1.6h-3zM13 9h3v1.6h-3zM13 12h3v1.6h-3z',
    presenter: 'M2 2h6v2H4v4H2zM12 2h6v6h-2V4h-4zM2 12h2v4h4v2H2zM16 12h2v6h-6v-2h4z',
    // A circle, its right half filled: light and dark.
    theme: 'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM10 3.3v13.4a6.7 6.7 0 0 1 0-13.4z',
  };
  return <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><path d={paths[kind]} fill="currentColor" fillRule="evenodd" /></svg>;
}

/**
 * Whether every safety check holds, always in sight: the full panel lives in the drawer,
 * and a violation is what a lecturer must never miss. A click opens the drawer on it.
 */
function SafetyBadge({ onOpen }: { onOpen: () => void }) {
  const broken = useSim((s) => s.info?.safety?.violations[0]?.predicate ?? null);
  return (
    <button type="button" className={`safety-badge${broken === null ? '' : ' broken'}`} onClick={onOpen} data-safe={broken === null}
      title={broken === null ? 'Every safety check holds (open the panels for the list)' : `Safety violated: ${broken}`}>
      <span aria-hidden="true">{broken === null ? '✓' : '✗'}</span> {broken === null ? 'safe' : 'unsafe'}
    </button>
  );
}

/** Light or dark, remembered in this browser; until the first click, the system's preference decides. */
export function ThemeToggle() {
  const dark = usePalette().name === 'dark';
  return (
    <button type="button" className="icon" onClick={toggleTheme} aria-pressed={dark} aria-label="Dark theme" data-theme-toggle
      title={dark ? 'Dark theme is on: click for the light one' : 'Light theme is on: click for the dark one'}>
      <Icon kind="theme" />
    </button>
  );
}

/** Presenter mode on or off (F). */
export function PresenterButton({ presenter, onPresenter }: { presenter: boolean; onPresenter: () => void }) {
  return (
    // A click (detail > 0) lets go of the focus, as the F key never takes it: the header then fades when idle. From the keyboard the focus stays, and with it the header.
    <button type="button" className="icon" onClick={(e) => { if (e.detail > 0) e.currentTarget.blur(); onPresenter(); }} aria-pressed={presenter} aria-label="Presenter mode" title="Presenter mode: full screen, large type (F)">
      <Icon kind="presenter" />
    </button>
  );
}

/** The header, one row: title, lessons and files, safety, playback, clock, and the page's modes. */
export function Header({ drawerOpen, onDrawer, onPresenter, presenter, news }: { drawerOpen: boolean; onDrawer: () => void; onPresenter: () => void; presenter: boolean; news?: ReactNode }) {
  const title = useSim((s) => s.scenario?.title);
  const protocol = useSim((s) => viewOf(s.scenario?.protocol ?? 'raft').name);
  // "Multi-Paxos · Multi-Paxos: a stable leader…" says the protocol twice: a title that names it stands alone.
  const shown = !title ? protocol : title.startsWith(protocol) ? title : `${protocol} · ${title}`;
  return (
    <header className="top">
      <h1 title={title ? `${protocol} · ${title}` : protocol}>Quorum <small>{shown}</small></h1>
      {news}
      <ScenarioBar />
      <SafetyBadge onOpen={() => { if (!drawerOpen) onDrawer(); }} />
      <Transport />
      <Clock />
      <div className="modes" role="group" aria-label="View">
        <button type="button" className="icon" onClick={onDrawer} aria-expanded={drawerOpen} aria-controls="drawer" aria-label="Panels" title="Safety, node, network and cluster panels (D)">
          <Icon kind="panels" />
        </button>
        <ThemeToggle />
        <PresenterButton presenter={presenter} onPresenter={onPresenter} />
      </div>
    </header>
  );
}
