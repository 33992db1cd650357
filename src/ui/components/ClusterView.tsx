import { useMemo } from 'react';
import { nodePositions, VIEW } from '../geometry/layout';
import { useSim } from '../store/simStore';
import { Links } from './Links';
import { Messages } from './Messages';
import { NodeGlyph } from './NodeGlyph';
import { TimerRing } from './TimerRing';

/** The cluster: servers on a circle, one-way links, timers and messages in flight. */
export function ClusterView() {
  const ids = useSim((s) => s.nodeIds);
  const flagged = useSim((s) => s.safety?.violations.flatMap((v) => v.nodes).join(',') ?? '');
  const positions = useMemo(() => nodePositions(ids.length), [ids.length]);
  const selectMessage = useSim((s) => s.selectMessage);
  const flaggedIds = flagged.split(',').map(Number);
  // Two stacked layers: what moves every frame (timers, messages) is composited apart from
  // what changes only at events (links, servers), so a moving message never repaints the rest.
  return (
    <div className="cluster" onClick={() => selectMessage(null)}>
      <svg className="cluster-base" viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="group" aria-label="Cluster">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" className="arrow-head" />
          </marker>
        </defs>
        <Links positions={positions} />
        {ids.map((id, i) => <NodeGlyph key={id} id={id} at={positions[i]} flagged={flaggedIds.includes(id)} />)}
      </svg>
      <svg className="cluster-overlay" viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="group" aria-label="Messages in flight">
        {ids.map((id, i) => <TimerRing key={id} id={id} at={positions[i]} />)}
        <Messages positions={positions} />
      </svg>
    </div>
  );
}
