import { useState } from 'react';
import { ClusterView } from '../cluster/ClusterView';
import { EventLog } from '../teaching/events/EventLog';
import { Legend } from '../cluster/Legend';
import { NodeCard } from '../cluster/NodeCard';
import { MessagePopover } from '../cluster/MessagePopover';
import { Narration } from '../teaching/narration/Narration';
import { BrokenRuleBanner } from '../teaching/narration/BrokenRuleBanner';
import { Notices } from './Notices';
import { ViolationNotice } from '../cluster/ViolationNotice';
import { Progress } from './Progress';
import { Timeline } from '../timeline/Timeline';
import { PendingChoices } from '../controls/network/PendingChoices';
import { useSim } from '../store/simStore';
import { useOpenFile } from '../useOpenFile';
import { Drawer } from './Drawer';
import { Header } from './Header';
import { RunTable } from './RunTable';
import { OfflineReady, UpdateNotice, useServiceWorkerNews } from './OfflineNotice';
import { StepAnnouncer } from './StepAnnouncer';
import { PseudocodePanel } from '../teaching/pseudocode/PseudocodePanel';
import { SpaceTime } from '../teaching/spacetime/SpaceTime';
import { HistoryPanel } from '../teaching/history/HistoryPanel';
import { TeachingArea } from './TeachingArea';
import { useDrawer } from './useDrawer';
import { usePresenter } from './usePresenter';
import { useShellKeys } from './useShellKeys';
import './shell.css';

/**
 * The page, laid out for a projector: a one-row header and the timeline; then the cluster
 * on the left, and on the right the narration, the logs (or the Paxos tables) and a teaching
 * panel, all within one screen from 1024x768 up. The control panels fold into a drawer.
 * Each region carries `data-region`, so a test can check what is on screen.
 */
export function Shell({ onHelp }: { onHelp: () => void }) {
  const ready = useSim((s) => s.snapshot !== null);
  const protocol = useSim((s) => s.scenario?.protocol ?? 'raft');
  const hasClients = useSim((s) => s.scenario?.clients !== undefined);
  const selected = useSim((s) => s.selectedNode !== null);
  const drawer = useDrawer();
  const presenter = usePresenter();
  useShellKeys(presenter.toggle, drawer.toggle);
  const openFile = useOpenFile();
  const drawerShown = drawer.open && !presenter.presenter;
  const sw = useServiceWorkerNews();
  // The teaching panel over the logs' room: a lecturer's choice for this page, kept across lessons.
  const [enlarged, setEnlarged] = useState(false);
  return (
    <div
      className={`app${presenter.presenter ? ' presenter' : ''}${drawerShown ? ' with-drawer' : ''}`}
      data-chrome={presenter.chrome ? 'shown' : 'hidden'}
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) e.preventDefault(); }}
      onDrop={(e) => { const f = e.dataTransfer.files[0]; if (f) { e.preventDefault(); void openFile(f); } }}
    >
      <div className="chrome">
        <Header drawerOpen={drawerShown} onDrawer={drawer.toggle} presenter={presenter.presenter} onPresenter={presenter.toggle} news={<OfflineReady news={sw} />} />
        <Timeline />
      </div>
      {/* A new version is offered among the notices, after any error; "works offline" is in the header (it covered lesson text here). */}
      <Notices><UpdateNotice news={sw} /></Notices>
      <Progress />
      <StepAnnouncer />
      {!ready ? <p className="loading" role="status">Starting the simulation…</p> : (
        <main className="main">
          <div className="stage" data-region="cluster">
            <div className="cluster-box">
              <ClusterView />
              <MessagePopover />
            </div>
            {/* A selected server's state takes the legend's place while the drawer (and its Node panel) is closed. */}
            <div className="legend-slot">{selected && !drawerShown ? <NodeCard /> : <Legend />}<ViolationNotice /></div>
            <PendingChoices />
          </div>
          <div className={`story${enlarged ? ' enlarged' : ''}`}>
            <div data-region="narration"><BrokenRuleBanner /><Narration /></div>
            {/* It scrolls when the teaching tabs squeeze it: focusable, so the keyboard can scroll it too. */}
            <div data-region={protocol === 'raft' ? 'logs' : 'tables'} hidden={enlarged} tabIndex={0} role="region"
              aria-label={`${protocol === 'raft' ? 'Logs' : 'Tables'}, scrollable`}>
              <RunTable protocol={protocol} />
            </div>
            <TeachingArea tabs={[
              { id: 'pseudocode', label: 'Pseudocode', region: 'pseudocode', panel: <PseudocodePanel /> },
              { id: 'spacetime', label: 'Space-time', region: 'spacetime', panel: <SpaceTime /> },
              { id: 'events', label: 'Events', region: 'events', panel: <EventLog /> },
              { id: 'history', label: 'History', region: 'history', panel: <HistoryPanel /> },
            ]} show={hasClients ? 'history' : null} enlarged={enlarged} onEnlarge={() => setEnlarged((e) => !e)} />
          </div>
          {drawerShown && <Drawer onClose={drawer.toggle} onHelp={onHelp} />}
        </main>
      )}
    </div>
  );
}
