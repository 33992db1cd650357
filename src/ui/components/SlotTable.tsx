import { memo } from 'react';
import { ballotText } from '../../engine/paxos/ballot';
import type { MultiPaxosState } from '../../engine/multipaxos/types';
import { useSight, useSim } from '../store/simStore';
import type { StripCell } from '../draw/stripPaint';
import { CellStrip } from './CellStrip';
import { KvCell } from './KvCell';

const SLOT_COLOR = '#0e7490';

const COLUMNS = 20;

/** Multi-Paxos: a row per replica, a column per slot; decided slots solid, accepted ones dashed, no-ops marked. */
export function SlotTable() {
  const ids = useSim((s) => s.nodeIds);
  const sight = useSight('panel');
  const top = useSim((s) => s.nodeIds.reduce((m, id) => {
    const st = s.panel?.nodes[id]?.state as MultiPaxosState | undefined;
    return st === undefined ? m : Math.max(m, ...Object.keys(st.accepted).map(Number), ...Object.keys(st.decided).map(Number));
  }, 0));
  const first = Math.max(1, top - COLUMNS + 1);
  const slots = Array.from({ length: Math.max(0, top - first + 1) }, (_, i) => first + i);
  return (
    <section ref={sight} className="panel logs" aria-label="Slots">
      <h2>Slots <small>solid: decided · dashed: accepted, not known decided · NOOP: a gap filled by a new leader</small></h2>
      <div className="log-grid" role="table" aria-label="Slots of every replica">
        <div className="log-row log-head" role="row">
          <span className="log-who" role="columnheader">replica</span>
          <span className="log-cells">
            {first > 1 && <span className="log-more">… {first - 1} earlier</span>}
            {slots.map((i, k) => <span key={k} className="log-index" role="columnheader">{i}</span>)}
          </span>
          <span className="log-kv" role="columnheader">state machine</span>
        </div>
        {ids.map((id) => <SlotRow key={id} id={id} slots={slots} first={first} />)}
      </div>
    </section>
  );
}

const SlotRow = memo(function SlotRow({ id, slots, first }: { id: number; slots: number[]; first: number }) {
  const node = useSim((s) => s.panel?.nodes[id]);
  if (node === undefined) return null;
  const s = node.state as MultiPaxosState;
  const cells = slots.map((slot): StripCell => {
    const decided = s.decided[slot];
    const accepted = s.accepted[slot];
    const value = decided ?? accepted?.value;
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
  });
  return (
    <div className={`log-row${node.up ? '' : ' down'}${s.role === 'leader' ? ' leader' : ''}`} role="row" data-node-id={id}>
      <span className="log-who" role="rowheader">
        S{id}
        <small>{node.up ? s.role : 'crashed'}{s.leader !== null && s.role !== 'leader' ? ` · leader S${s.leader}` : ''} · applied {s.applied}</small>
      </span>
      <CellStrip cells={cells} more={first > 1} />
      <KvCell kv={node.kv} what="The key-value store after this replica's applied slots" />
    </div>
  );
});
