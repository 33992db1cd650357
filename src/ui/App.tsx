import { useCallback, useEffect, useRef, useState } from 'react';
import { type Opened, openFromHash } from '../scenario/fromLocation';
import { SimClient } from '../worker/client';
import { ClusterSettings } from './components/ClusterSettings';
import { ClusterView } from './components/ClusterView';
import { EventLog } from './components/EventLog';
import { FaultControls } from './components/FaultControls';
import { Legend } from './components/Legend';
import { LogsPanel } from './components/LogsPanel';
import { MessagePopover } from './components/MessagePopover';
import { Narration } from './components/Narration';
import { ScenarioBar } from './components/ScenarioBar';
import { NodeDetails } from './components/NodeDetails';
import { PaxosTable } from './components/PaxosTable';
import { viewOf } from './protocolView';
import { DescriptorTable } from './components/DescriptorTable';
import { Progress } from './components/Progress';
import { SlotTable } from './components/SlotTable';
import { Notices } from './components/Notices';
import { RunDetails } from './components/RunDetails';
import { SafetyPanel } from './components/SafetyPanel';
import { ShortcutBar, ShortcutHelp } from './components/Shortcuts';
import { Timeline } from './components/Timeline';
import { SpaceTime } from './teaching/spacetime/SpaceTime';
import { Clock, Transport } from './components/Transport';
import { createSimStore, SimContext, useSim } from './store/simStore';
import { PseudocodePanel } from './teaching/pseudocode/PseudocodePanel';
import { useOpenFile } from './useOpenFile';
import { useShortcuts } from './useShortcuts';

/** The app: one simulation worker, one store, and the views that select from it. */
export function App({ opened }: { opened: Opened }) {
  const client = useRef<SimClient | null>(null);
  const [store] = useState(() => createSimStore((cmd) => client.current?.send(cmd)));
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  useShortcuts(store, toggleHelp);
  // The worker lives exactly as long as this effect (StrictMode mounts it twice in development).
  useEffect(() => {
    const c = new SimClient((msg) => store.getState().receive(msg));
    client.current = c;
    c.send({ type: 'load', scenario: opened.scenario, at: opened.at });
    if (opened.error !== undefined) store.getState().notify(opened.error, 'alert');
    // A link opened while the app runs (a lesson picked, a link pasted): a bad one changes nothing.
    const onHash = () => {
      const next = openFromHash(window.location.hash);
      if (next.fallback) {
        store.getState().notify(`${next.error!.replace(/ A default cluster is shown instead\.$/, '')} The current run is kept.`, 'alert');
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
      <Shell onHelp={toggleHelp} />
      {help && <ShortcutHelp onClose={closeHelp} />}
    </SimContext.Provider>
  );
}

function Shell({ onHelp }: { onHelp: () => void }) {
  const ready = useSim((s) => s.snapshot !== null);
  const title = useSim((s) => s.scenario?.title);
  const name = useSim((s) => s.scenario?.protocol ?? 'raft');
  const protocol = viewOf(name).name;
  const openFile = useOpenFile();
  return (
    <div
      className="app"
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) e.preventDefault(); }}
      onDrop={(e) => { const f = e.dataTransfer.files[0]; if (f) { e.preventDefault(); void openFile(f); } }}
    >
      <header className="top">
        <h1 title={title ? `${protocol} · ${title}` : protocol}>Quorum <small>{protocol}{title ? ` · ${title}` : ''}</small></h1>
        <ScenarioBar />
        <Transport />
        <Clock />
      </header>
      <Timeline />
      <Notices />
      <Progress />
      {!ready ? <p className="loading" role="status">Starting the simulation…</p> : (
        <main className="main">
          <div className="stage">
            <Narration />
            <ClusterView />
            <MessagePopover />
            <Legend />
            <PseudocodePanel />
          </div>
          <aside className="side">
            <SafetyPanel />
            <NodeDetails />
            <FaultControls />
            <ClusterSettings />
            <RunDetails />
          </aside>
          {viewOf(name).table !== undefined ? <DescriptorTable protocol={name} /> : protocol === 'Paxos' ? <PaxosTable /> : protocol === 'Multi-Paxos' ? <SlotTable /> : <LogsPanel />}
          <EventLog />
          <SpaceTime />
        </main>
      )}
      <ShortcutBar onHelp={onHelp} />
    </div>
  );
}
