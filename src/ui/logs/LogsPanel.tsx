import { memo, useMemo } from 'react';
import type { RaftState } from '../../engine/raft/types';
import { type SimState, useSight, useSim } from '../store/simStore';
import { raftView } from '../protocolViews/raft';
import { termColor } from '../theme';
import { cellWidthFor, indicesThatFit, type StripCell } from '../draw/stripPaint';
import { CellStrip } from './CellStrip';
import { GridHead, useStripWidth } from './GridHead';
import { involvedKey, involvedMap, markInvolved } from './involved';
import { KvCell } from './KvCell';
import { LogsKey } from './LogsKey';

const NO_BUGS: readonly string[] = [];

function leaderOf(s: SimState): number | null {
  let best: { id: number; term: number } | null = null;
  for (const id of s.nodeIds) {
    const n = s.panel?.nodes[id];
    if (n === undefined) continue;
    const st = n.state as RaftState;
    if (n.up && st.currentRole === 'leader' && (best === null || st.currentTerm > best.term)) best = { id, term: st.currentTerm };
  }
  return best?.id ?? null;
}

function longestLog(s: SimState): number {
  return s.nodeIds.reduce((m, id) => {
    const n = s.panel?.nodes[id];
    return n === undefined ? m : Math.max(m, n.logStart + (n.state as RaftState).log.length);
  }, 0);
}

/** A row per node, a column per log index: the term (by colour) and command of every entry. */
export function LogsPanel() {
  const ids = useSim((s) => s.nodeIds);
  const leader = useSim(leaderOf);
  const longest = useSim(longestLog);
  // Why a leader's inherited entries stay dashed: the engine reads it from the leader's state and the run's broken rules.
  const note = useSim((s) => raftView.tableNote(s.nodeIds.flatMap((id) => s.panel?.nodes[id] ?? []), s.scenario?.bugs ?? NO_BUGS));
  const sight = useSight('panel');
  // The newest entries, as many as the panel shows whole.
  const [cellsRef, stripWidth] = useStripWidth();
  const indices = indicesThatFit(stripWidth, longest);
  const first = indices[0] ?? longest + 1;
  const cellWidth = cellWidthFor(stripWidth, indices.length, first > 1);
  return (
    <section ref={sight} className="panel logs" aria-label="Logs">
      <h2>Logs <LogsKey leader={leader} /></h2>
      {note !== null && <p className="table-note" role="status" title={note}>{note}</p>}
      <div className="log-grid" role="table" aria-label="Log of every node">
        <GridHead who="node" columns={indices} cellWidth={cellWidth} cellsRef={cellsRef} />
        {ids.map((id) => <LogRow key={id} id={id} leader={leader} first={first} cellWidth={cellWidth} />)}
      </div>
    </section>
  );
}

const LogRow = memo(function LogRow({ id, leader, first, cellWidth }: { id: number; leader: number | null; first: number; cellWidth: number }) {
  const node = useSim((s) => s.panel?.nodes[id]);
  const sent = useSim((s) => (leader !== null && leader !== id ? (s.panel?.nodes[leader]?.state as RaftState | undefined)?.sentLength[id] ?? null : null));
  const acked = useSim((s) => (leader !== null && leader !== id ? (s.panel?.nodes[leader]?.state as RaftState | undefined)?.ackedLength[id] ?? null : null));
  const named = useSim((s) => involvedKey(s, id));
  const involved = useMemo(() => involvedMap(named), [named]);
  if (node === undefined) return null;
  const s = node.state as RaftState;
  // Snapshots carry the log's tail only: entry k of s.log is at index logStart + k + 1 (1-based).
  const skip = Math.max(0, first - 1 - node.logStart);
  const cells = s.log.slice(skip).map((e, k): StripCell => {
    const index = node.logStart + skip + k + 1;
    const committed = index <= s.commitLength;
    return markInvolved({
      label: String(e.term),
      sub: e.command,
      color: termColor(e.term),
      solid: committed,
      boundary: index === s.commitLength,
      next: sent !== null && index === sent + 1,
      acked: acked !== null && index <= acked,
      title: `index ${index}, term ${e.term}: ${e.command} (${committed ? 'committed' : 'not committed yet'})`,
      data: { 'node-id': id, index, term: e.term, committed },
    }, involved.get(index));
  });
  return (
    <div className={`log-row${node.up ? '' : ' down'}${leader === id ? ' leader' : ''}`} role="row" data-node-id={id}>
      <span className="log-who" role="rowheader">
        <span>S{id} <small>{node.up ? s.currentRole : 'crashed'}</small></span>
        {/* Two lines, so a row stays one entry high: the cells mark sentLength (a box) and ackedLength (an underline). */}
        <small title={sent === null ? undefined : `sentLength ${sent}, ackedLength ${acked}, as leader S${leader} sees them`}>commitLength {s.commitLength}</small>
      </span>
      <CellStrip cells={cells} more={first > 1} emptyText="(empty log)" cellWidth={cellWidth} />
      <KvCell kv={node.kv} locks={node.locks} what="The state machine after this node's committed entries" />
    </div>
  );
});
