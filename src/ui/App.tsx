import { useCallback, useEffect, useRef, useState } from 'react';
import { type Opened, openFromHash } from '../scenario/fromLocation';
import { isPairHash } from '../scenario/pair';
import { SimClient } from '../worker/client';
import { ShortcutHelp } from './shell/Shortcuts';
import { EmbedShell } from './shell/EmbedShell';
import { EmbedUpdateNotice } from './shell/OfflineNotice';
import { Shell } from './shell/Shell';
import { viewModeOf } from './shell/viewMode';
import { createSimStore, SimContext } from './store/simStore';
import { useShortcuts } from './useShortcuts';

/** The app: one simulation worker, one store, and the views that select from it. */
export function App({ opened }: { opened: Opened }) {
  const client = useRef<SimClient | null>(null);
  const [store] = useState(() => createSimStore((cmd) => client.current?.send(cmd)));
  const [help, setHelp] = useState(false);
  const [mode] = useState(() => viewModeOf(window.location.hash));
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  useShortcuts(store, toggleHelp);
  // The worker lives exactly as long as this effect (StrictMode mounts it twice in development).
  useEffect(() => {
    const c = new SimClient((msg) => store.getState().receive(msg));
    client.current = c;
    c.send({ type: 'load', scenario: opened.scenario, at: opened.at });
    if (opened.error !== undefined) store.getState().notify(opened.error, 'alert', opened.offer);
    // A link opened while the app runs (a lesson picked, a link pasted): a bad one changes nothing.
    const onHash = () => {
      if (isPairHash(window.location.hash)) return; // two runs side by side: Root opens them
      const next = openFromHash(window.location.hash);
      if (next.fallback) {
        store.getState().notify(`${next.error!.replace(/ A default cluster is shown instead\.$/, '')} The current run is kept.`, 'alert', next.offer);
        return;
      }
      c.send({ type: 'load', scenario: next.scenario, at: next.at });
      if (next.error !== undefined) store.getState().notify(next.error, 'alert');
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      c.dispose();
      client.current = null;
    };
  }, [store, opened]);
  return (
    <SimContext.Provider value={store}>
      {mode === 'embed' ? <EmbedShell /> : <Shell onHelp={toggleHelp} />}
      {help && <ShortcutHelp onClose={closeHelp} />}
      {/* The full page says the service worker's news itself (Shell); the embed registers the worker all the same. */}
      {mode === 'embed' && <EmbedUpdateNotice />}
    </SimContext.Provider>
  );
}
