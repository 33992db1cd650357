import { memo } from 'react';
import { ballotText } from '../../engine/paxos/ballot';
import type { MultiPaxosState } from '../../engine/multipaxos/types';
import { useSim } from '../store/simStore';

const COLUMNS = 20;

/** Multi-Paxos: a row per replica, a column per slot; decided slots solid, accepted ones dashed, no-ops marked. */
export function SlotTable() {
  const ids = useSim((s) => s.nodeIds);
  const top = useSim((s) => s.nodeIds.reduce((m, id) => {
    const st = s.panel?.nodes[id]?.state as MultiPaxosState | undefined;
    return st === undefined ? m : Math.max(m, ...Object.keys(st.accepted).map(Number), ...Object.keys(st.decided).map(Number));
  }, 0));
  const first = Math.max(1, top - COLUMNS + 1);
  const slots = Array.from({ length: Math.max(0, top - first + 1) }, (_, i) => first + i);
  return (
    <section className="panel logs" aria-label="Slots">
      <h2>Slots <small>solid: decided · dashed: accepted, not known decided · NOOP: a gap filled by a new leader</small></h2>
      <div className="log-grid" role="table" aria-label="Slots of every replica">
        <div className="log-row log-head" role="row">
          <span className="log-who" role="columnheader">replica</span>
          <span className="log-cells">
            {first > 1 && <span className="log-more">… {first - 1} earlier</span>}
            {slots.map((i) => <span key={i} className="log-index" role="columnheader">{i}</span>)}
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
  const kv = Object.entries(node.kv);
  return (
    <div className={`log-row${node.up ? '' : ' down'}${s.role === 'leader' ? ' leader' : ''}`} role="row" data-node-id={id}>
      <span className="log-who" role="rowheader">
        S{id}
        <small>{node.up ? s.role : 'crashed'}{s.leader !== null && s.role !== 'leader' ? ` · leader S${s.leader}` : ''} · applied {s.applied}</small>
      </span>
      <span className="log-cells">
        {first > 1 && <span className="log-more" />}
        {slots.map((slot) => {
          const decided = s.decided[slot];
          const accepted = s.accepted[slot];
          const value = decided ?? accepted?.value;
          if (value === undefined) return <span key={slot} className="log-cell empty" role="cell" data-node-id={id} data-slot={slot} />;
          return (
            <span key={slot} role="cell" className={`log-cell${decided !== undefined ? ' committed' : ''}${slot === s.applied ? ' boundary' : ''}${value === 'noop' ? ' noop' : ''}`}
              data-node-id={id} data-slot={slot} data-decided={decided !== undefined} data-value={value}
              title={`slot ${slot}: "${value}"${accepted ? `, accepted at ${ballotText(accepted.ballot)}` : ''}${decided !== undefined ? ' (decided)' : ''}`}>
              <b>{accepted ? accepted.ballot[0] : '·'}</b>
              <span className="log-cmd">{value === 'noop' ? 'NOOP' : value}</span>
            </span>
          );
        })}
      </span>
      <span className="log-kv" title="The key-value store after this replica's applied slots">{kv.length === 0 ? '∅' : kv.map(([k, v]) => `${k}=${v}`).join(' ')}</span>
    </div>
  );
});
