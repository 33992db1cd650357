import { useContext, useMemo, useRef } from 'react';
import { labelRooms, nodePositions } from '../geometry/layout';
import { messageAt } from '../draw/movingPaint';
import { SimContext, useSim } from '../store/simStore';
import { ClusterHint } from './ClusterHint';
import { Links } from './Links';
import { MessageList } from './MessageList';
import { frameOf, MovingLayer } from './MovingLayer';
import { LeaseMark } from './LeaseMark';
import { NodeGlyph } from './NodeGlyph';
import { useFitCluster } from './useFitCluster';
import { PartitionRegions } from './PartitionRegions';

/**
 * The cluster in layers: links and servers in SVG (they change only at events), and
 * everything that moves each frame on a canvas between them, so that no message hides a
 * server's name, role or term. A click on a drawn message is caught before it reaches a
 * link or server.
 */
export function ClusterView() {
  const ids = useSim((s) => s.nodeIds);
  const flagged = useSim((s) => s.safety?.violations.flatMap((v) => v.nodes).join(',') ?? '');
  const box = useRef<HTMLDivElement>(null);
  const view = useFitCluster(box, ids.length);
  const positions = useMemo(() => nodePositions(ids.length, view), [ids.length, view]);
  const rooms = useMemo(() => labelRooms(positions, view), [positions, view]);
  const selectMessage = useSim((s) => s.selectMessage);
  const store = useContext(SimContext)!;
  const flaggedIds = flagged.split(',').map(Number);
  const hit = (e: React.MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const frame = frameOf(store.getState());
    return frame === null ? null : messageAt(frame, positions, ((e.clientX - box.left) / box.width) * view.width, ((e.clientY - box.top) / box.height) * view.height);
  };
  return (
    <>
      <div
        ref={box}
        className="cluster"
        onClickCapture={(e) => {
          const id = hit(e);
          if (id !== null) {
            e.stopPropagation();
            selectMessage(id);
          }
        }}
        onClick={() => selectMessage(null)}
      >
        {/* Servers come first for the keyboard (Tab reaches them before the links), but are
            drawn above the links and the messages: three layers, the links' one underneath. */}
        <svg className="cluster-base cluster-servers" viewBox={`0 0 ${view.width} ${view.height}`} role="group" aria-label="Servers">
          {ids.map((id, i) => <LeaseMark key={id} id={id} at={positions[i]} below={view.height - positions[i].y} />)}
          {ids.map((id, i) => <NodeGlyph key={id} id={id} at={positions[i]} flagged={flaggedIds.includes(id)} labelRoom={rooms[i]} inward={positions[i].x > view.width / 2 ? -1 : 1} />)}
        </svg>
        <svg className="cluster-base cluster-links" viewBox={`0 0 ${view.width} ${view.height}`} role="group" aria-label="Links">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
              <path d="M0,0L10,5L0,10Z" className="arrow-head" />
            </marker>
          </defs>
          <PartitionRegions positions={positions} />
          <Links positions={positions} />
        </svg>
        <MovingLayer positions={positions} view={view} />
        <ClusterHint />
      </div>
      <MessageList positions={positions} />
    </>
  );
}
