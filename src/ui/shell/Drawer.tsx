import { ClusterSettings } from '../components/ClusterSettings';
import { FaultControls } from '../components/FaultControls';
import { NodeDetails } from '../components/NodeDetails';
import { RunDetails } from '../components/RunDetails';
import { SafetyPanel } from '../components/SafetyPanel';
import { ShortcutBar } from '../components/Shortcuts';

/**
 * The control panels a lecturer rarely needs while telling the story (safety in full, the
 * selected node, the network, cluster settings, run details), folded into a drawer at the
 * right so that the cluster, the narration and the logs keep the screen.
 */
export function Drawer({ onClose, onHelp }: { onClose: () => void; onHelp: () => void }) {
  return (
    <aside id="drawer" className="side drawer" aria-label="Panels">
      <div className="drawer-head">
        <h2>Panels</h2>
        <button type="button" onClick={onClose} aria-label="Close the panels">✕</button>
      </div>
      <SafetyPanel />
      <NodeDetails />
      <FaultControls />
      <ClusterSettings />
      <RunDetails />
      <ShortcutBar onHelp={onHelp} />
    </aside>
  );
}
