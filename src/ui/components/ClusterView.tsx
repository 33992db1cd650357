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
  const flagged = useSim((s) => s.snapshot?.safety.violations.flatMap((v) => v.nodes).join(',') ?? '');
  const positions = useMemo(() => nodePositions(ids.length), [ids.length]);
  const selectMessage = useSim((s) => s.selectMessage);
  const flaggedIds = flagged.split(',').map(Number);
  return (
    <svg className="cluster" viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="group" aria-label="Cluster" onClick={() => selectMessage(null)}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10Z" className="arrow-head" />
        </marker>
      </defs>
      <Links positions={positions} />
      {ids.map((id, i) => <TimerRing key={id} id={id} at={positions[i]} />)}
      {ids.map((id, i) => <NodeGlyph key={id} id={id} at={positions[i]} flagged={flaggedIds.includes(id)} />)}
      <Messages positions={positions} />
    </svg>
  );
}
