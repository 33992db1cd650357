import { type DetailField, viewOf } from '../protocolView';
import { useSight, useSim } from '../store/simStore';

/**
 * The selected server's state, in the legend's place under the cluster while the Panels drawer
 * is closed: what it wrote to disk (survives a crash) and what it keeps in memory (lost in one),
 * as lesson 6 asks the class to watch. The Node panel has the same fields with the controls.
 */
export function NodeCard() {
  const id = useSim((s) => s.selectedNode);
  const node = useSim((s) => (s.selectedNode === null ? undefined : s.details?.nodes[s.selectedNode]));
  const ids = useSim((s) => s.nodeIds);
  const protocol = useSim((s) => s.snapshot?.protocol ?? 'raft');
  const select = useSim((s) => s.select);
  // The details view is refreshed only while something that shows it is in sight.
  const sight = useSight('details', id !== null);
  if (id === null) return null;
  const view = viewOf(protocol);
  const fields = node === undefined ? null : view.details({ id, up: node.up, state: node.state, logStart: node.logStart }, ids);
  const list = (items: DetailField[]) => items.map((f) => <span key={f.name} className="node-card-field">{f.name} <b>{f.value}</b></span>);
  return (
    <section ref={sight} className="node-card" aria-label={`S${id}'s state`} data-node-card={id}>
      <h3>
        S{id} <small>{node === undefined ? '' : node.up ? view.badge(node.state, id).label.toLowerCase() : 'crashed'}</small>
        <button type="button" className="linkish" onClick={() => select(null)} aria-label={`Close S${id}'s state (Esc)`}>✕</button>
      </h3>
      {fields !== null && node !== undefined && <>
        <p data-kept="persistent"><span className="node-card-kind">Persistent <small>survives a crash</small></span>{list(fields.persistent)}</p>
        <p data-kept="volatile" className={node.up ? '' : 'erased'}><span className="node-card-kind">Volatile <small>{node.up ? 'lost in a crash' : 'erased by the crash'}</small></span>{list(fields.volatile)}</p>
      </>}
    </section>
  );
}
