import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedPair } from '../scenario/pair';
import type { Scenario } from '../scenario/schema';
import { SimClient } from '../worker/client';
import { ShortcutHelp } from './shell/Shortcuts';
import { PairEmbedShell } from './shell/pair/PairEmbedShell';
import { PairShell } from './shell/pair/PairShell';
import { viewModeOf } from './shell/viewMode';
import { PairTransport, type Side } from './store/pairTransport';
import { createSimStore } from './store/simStore';
import { useShortcuts } from './useShortcuts';

/**
 * Two runs side by side: a worker and a store for each, and one transport between the page
 * and both workers (one clock, one set of controls; see PairTransport). Every view of a side
 * reads that side's store as it would in a single run.
 */
export function PairApp({ opened, onSingle }: { opened: Extract<OpenedPair, { kind: 'pair' }>; onSingle: (scenario: Scenario) => void }) {
  const transport = useRef<PairTransport | null>(null);
  const [stores] = useState(() => ({
    left: createSimStore((cmd) => transport.current?.send('left', cmd)),
    right: createSimStore((cmd) => transport.current?.send('right', cmd)),
  }));
  const [help, setHelp] = useState(false);
  const [mode] = useState(() => viewModeOf(window.location.hash));
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const leave = useRef(onSingle);
  useEffect(() => { leave.current = onSingle; }, [onSingle]);
  // The keyboard drives the pair through the left store, whose commands go to both runs.
  useShortcuts(stores.left, toggleHelp);
  // A server picked in one run is picked in the other: the action on it happens in both, and both mark it.
  useEffect(() => {
    const follow = (from: Side, to: Side) => stores[from].subscribe((s, was) => {
      if (s.selectedNode !== was.selectedNode && stores[to].getState().selectedNode !== s.selectedNode) stores[to].getState().select(s.selectedNode);
    });
    const stops = [follow('left', 'right'), follow('right', 'left')];
    return () => { for (const stop of stops) stop(); };
  }, [stores]);
  useEffect(() => {
    const workers: Partial<Record<Side, SimClient>> = {};
    const t = new PairTransport({ left: (cmd) => workers.left?.send(cmd), right: (cmd) => workers.right?.send(cmd) }, (s) => leave.current(s));
    for (const side of ['left', 'right'] as const) {
      workers[side] = new SimClient((msg) => { if (!t.observe(side, msg)) stores[side].getState().receive(msg); });
    }
    transport.current = t;
    workers.left!.send({ type: 'load', scenario: opened.pair.left, at: opened.at });
    workers.right!.send({ type: 'load', scenario: opened.pair.right, at: opened.at });
    if (opened.error !== undefined) stores.left.getState().notify(opened.error, 'alert');
    return () => {
      workers.left?.dispose();
      workers.right?.dispose();
      transport.current = null;
    };
  }, [stores, opened]);
  return (
    <>
      {mode === 'embed'
        ? <PairEmbedShell title={opened.pair.title} left={stores.left} right={stores.right} />
        : <PairShell title={opened.pair.title} left={stores.left} right={stores.right} />}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}
