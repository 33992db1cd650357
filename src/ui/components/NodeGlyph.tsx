import { memo } from 'react';
import type { RaftState } from '../../engine/raft/types';
import { VIEW, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';
import { CRASHED, ROLE } from '../theme';

/** One server: its id, role (colour, outline and label), currentTerm and votedFor. */
export const NodeGlyph = memo(function NodeGlyph({ id, at, flagged }: { id: number; at: Point; flagged: boolean }) {
  // Only the fields drawn here: a node's log and timers change far more often than these.
  const up = useSim((s) => s.nodes[id]?.up);
  const currentRole = useSim((s) => (s.nodes[id]?.state as RaftState | undefined)?.currentRole ?? 'follower');
  const currentTerm = useSim((s) => (s.nodes[id]?.state as RaftState | undefined)?.currentTerm ?? 0);
  const votedFor = useSim((s) => (s.nodes[id]?.state as RaftState | undefined)?.votedFor ?? null);
  const selected = useSim((s) => s.selectedNode === id);
  const picked = useSim((s) => s.partitionPick?.includes(id) ?? false);
  const picking = useSim((s) => s.partitionPick !== null);
  const select = useSim((s) => s.select);
  const setPick = useSim((s) => s.setPartitionPick);
  const pick = useSim((s) => s.partitionPick);
  if (up === undefined) return null;
  const s = { currentRole, currentTerm, votedFor };
  const node = { up };
  const role = node.up ? ROLE[s.currentRole] : CRASHED;
  const r = VIEW.nodeRadius;
  const onActivate = () => {
    if (picking) setPick(picked ? pick!.filter((x) => x !== id) : [...pick!, id]);
    else select(selected ? null : id);
  };
  return (
    <g
      className="node"
      transform={`translate(${at.x},${at.y})`}
      data-node-id={id}
      data-role={node.up ? s.currentRole : 'crashed'}
      data-term={s.currentTerm}
      data-up={node.up}
      role="button"
      tabIndex={0}
      aria-label={picking ? `${picked ? 'Unpick' : 'Pick'} S${id} for one side of the partition` : `Select S${id}, ${node.up ? s.currentRole : 'crashed'}, term ${s.currentTerm}`}
      aria-pressed={picking ? picked : selected}
      onClick={onActivate}
      onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); onActivate(); } }}
    >
      <circle r={r + 13} className="node-focus" />
      {flagged && <circle r={r + 16} className="node-flag" />}
      {(selected || picked) && <circle r={r + 11} className={picked ? 'node-picked' : 'node-selected'} />}
      <circle
        r={r}
        fill={role.fill}
        stroke={role.color}
        strokeWidth={node.up && s.currentRole === 'leader' ? 6 : 3}
        strokeDasharray={node.up && s.currentRole === 'candidate' ? '7 5' : undefined}
      />
      {node.up && s.currentRole === 'leader' && <circle r={r - 7} fill="none" stroke={role.color} strokeWidth={2} />}
      <text className="node-id" y={-12}>S{id}</text>
      <text className="node-line" y={9}>term {s.currentTerm}</text>
      <text className="node-line" y={26}>{s.votedFor === null ? 'no vote' : `voted S${s.votedFor}`}</text>
      {!node.up && <path className="node-x" d={`M${-r * 0.6},${-r * 0.6}L${r * 0.6},${r * 0.6}M${r * 0.6},${-r * 0.6}L${-r * 0.6},${r * 0.6}`} />}
      <text className="node-role" y={r + 24} fill={role.color}>{role.label}</text>
    </g>
  );
});
