import { useEffect, useState } from 'react';
import type { Opened } from '../scenario/fromLocation';
import { isPairHash, openPair, type OpenedPair } from '../scenario/pair';
import { App } from './App';
import { PairApp } from './PairApp';

/**
 * One run or two side by side, as the address asks. A pair link (`vs=` or `compare=`) opened
 * while the app runs switches to two runs; a lesson chosen while two are shown, back to one.
 * Within one mode, each app follows the address by itself.
 */
export function Root({ initial }: { initial: OpenedPair }) {
  const [open, setOpen] = useState<{ key: number; opened: OpenedPair }>({ key: 0, opened: initial });
  useEffect(() => {
    const onHash = () => {
      const pair = isPairHash(window.location.hash);
      // Pair to pair reopens both runs; single to single is App's own business.
      if (pair || open.opened.kind === 'pair') setOpen((o) => ({ key: o.key + 1, opened: openPair(window.location.hash) }));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [open.opened.kind]);
  const single = (opened: Opened) => setOpen((o) => ({ key: o.key + 1, opened: { kind: 'single', opened } }));
  return open.opened.kind === 'pair'
    ? <PairApp key={open.key} opened={open.opened} onSingle={(scenario) => single({ scenario })} />
    : <App key={open.key} opened={open.opened.opened} />;
}
