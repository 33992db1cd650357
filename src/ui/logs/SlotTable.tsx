import { memo, useMemo } from 'react';
import { ballotText } from '../../engine/paxos/ballot';
import type { MultiPaxosView } from '../../engine/multipaxos/types';
import { type PanelView, useSight, useSim } from '../store/simStore';
import { cellWidthFor, indicesThatFit, type StripCell } from '../draw/stripPaint';
import { CellStrip } from './CellStrip';
import { GridHead, useStripWidth } from './GridHead';
import { involvedKey, involvedMap, markInvolved } from './involved';
import { KvCell } from './KvCell';

const SLOT_COLOR = '#0e7490';

/** The highest slot any replica has proposed as leader, accepted or learned decided (a loop: spreading thousands of slots into Math.max overflows the stack). */
export function topSlot(view: PanelView | null, ids: number[]): number {
  let top = 0;
  for (const id of ids) {
    const st = view?.nodes[id]?.state as MultiPaxosView | undefined;
    if (st === undefined) continue;
    for (const k in st.accepted) top = Math.max(top, Number(k));
    for (const k in st.decided) top = Math.max(top, Number(k));
    // A leader's proposal whose Accepts are still in flight: the table shows it before anyone accepts it.
    if (st.role === 'leader') for (const k in st.proposals) top = Math.max(top, Number(k));
  }
  return top;
}

/** Multi-Paxos: a row per replica, a column per slot; decided slots solid, accepted ones dashed, no-ops marked. */
export function SlotTable() {
  const ids = useSim((s) => s.nodeIds);
  const sight = useSight('panel');
  const top = useSim((s) => topSlot(s.panel, s.nodeIds));
  // A window ending at the highest slot, as many as the panel shows whole.
  const [cellsRef, stripWidth] = useStripWidth();
  const slots = indicesThatFit(stripWidth, top);
  const first = slots[0] ?? top + 1;
  const cellWidth = cellWidthFor(stripWidth, slots.length, first > 1);
  return (
    <section ref={sight} className="panel logs" aria-label="Slots">
      <h2>Slots <small>solid: decided · dashed: accepted, not known decided · → proposed by the leader, not yet accepted here · NOOP: a gap filled by a new leader</small></h2>
      <div className="log-grid" role="table" aria-label="Slots of every replica">
        <GridHead who="replica" columns={slots} cellWidth={cellWidth} cellsRef={cellsRef} />
        {ids.map((id) => <SlotRow key={id} id={id} slots={slots} first={first} cellWidth={cellWidth} />)}
      </div>
    </section>
  );
}

const SlotRow = memo(function SlotRow({ id, slots, first, cellWidth }: { id: number; slots: number[]; first: number; cellWidth: number }) {
  const node = useSim((s) => s.panel?.nodes[id]);
  const named = useSim((s) => involvedKey(s, id));
  const involved = useMemo(() => involvedMap(named), [named]);
  if (node === undefined) return null;
  const s = node.state as MultiPaxosView;
  const cells = slots.map((slot): StripCell => markInvolved(slotCell(s, id, slot), involved.get(slot)));
  return (
    <div className={`log-row${node.up ? '' : ' down'}${s.role === 'leader' ? ' leader' : ''}`} role="row" data-node-id={id}>
      <span className="log-who" role="rowheader">
        <span>S{id} <small>{node.up ? s.role : 'crashed'}</small></span>
        {/* Whom it last heard lead, not who leads now (after a failover it may be the old leader): said so, and short enough to show whole. */}
        <small data-heard-leader={s.role !== 'leader' ? s.leader ?? undefined : undefined} data-applied={s.applied}
          title={s.leader !== null && s.role !== 'leader' ? `S${id} last heard S${s.leader} as leader; it has applied slots up to ${s.applied}` : undefined}>
          {s.leader !== null && s.role !== 'leader' ? `heard S${s.leader} · ` : ''}applied {s.applied}
        </small>
      </span>
      <CellStrip cells={cells} more={first > 1} cellWidth={cellWidth} />
      <KvCell kv={node.kv} locks={node.locks} what="The state machine after this replica's applied slots" />
    </div>
  );
});

/** One slot of one replica: decided solid, accepted dashed, proposed by this leader "→", nothing there empty. */
export function slotCell(s: MultiPaxosView, id: number, slot: number): StripCell {
  const decided = s.decided[slot];
  const accepted = s.accepted[slot];
  const value = decided ?? accepted?.value;
  const proposed = s.role === 'leader' ? s.proposals[slot] : undefined;
  if (value === undefined && proposed !== undefined) {
    return {
      label: '→', sub: proposed === 'noop' ? 'NOOP' : proposed, color: SLOT_COLOR, solid: false, hatched: proposed === 'noop',
      title: `slot ${slot}: S${id} proposed "${proposed}" at ${ballotText(s.ballot)}; not accepted here yet`,
      data: { 'node-id': id, slot, decided: false, proposed: true, value: proposed },
    };
  }
  if (value === undefined) return { label: '', sub: '', color: SLOT_COLOR, solid: false, empty: true, title: `slot ${slot}: nothing accepted here`, data: { 'node-id': id, slot } };
  return {
    label: accepted ? String(accepted.ballot[0]) : '·',
    sub: value === 'noop' ? 'NOOP' : value,
    color: SLOT_COLOR,
    solid: decided !== undefined,
    boundary: slot === s.applied,
    hatched: value === 'noop',
    title: `slot ${slot}: "${value}"${accepted ? `, accepted at ${ballotText(accepted.ballot)}` : ''}${decided !== undefined ? ' (decided)' : ''}`,
    data: { 'node-id': id, slot, decided: decided !== undefined, value },
  };
}
