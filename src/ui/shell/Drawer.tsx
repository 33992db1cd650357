import { ClusterSettings } from '../controls/ClusterSettings';
import { BreakRule } from '../controls/BreakRule';
import { FaultControls } from '../controls/network/FaultControls';
import { NodeDetails } from '../controls/NodeDetails';
import { RunDetails } from '../controls/RunDetails';
import { SafetyPanel } from '../controls/SafetyPanel';
import { ShortcutBar } from './Shortcuts';

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
      <BreakRule />
      <NodeDetails />
      <FaultControls />
      <ClusterSettings />
      <RunDetails />
      <ShortcutBar onHelp={onHelp} />
    </aside>
  );
}
