import { viewOf } from '../protocolView';
import { useSight, useSim } from '../store/simStore';

/**
 * A protocol's own table, drawn from its descriptor's words (2PC and 3PC: one row per
 * transaction, a column per server). Cells with a tone are coloured by it; a held lock gets
 * a padlock.
 */
export function DescriptorTable({ protocol }: { protocol: string }) {
  const ids = useSim((s) => s.nodeIds);
  const nodes = useSim((s) => s.panel?.nodes);
  const bugs = useSim((s) => s.scenario?.bugs);
  const sight = useSight('panel');
  const view = viewOf(protocol);
  if (nodes === undefined || view.table === undefined) return null;
  const facts = ids.flatMap((id) => nodes[id] ?? []);
  const table = view.table(facts);
  const note = view.tableNote(facts, bugs ?? []);
  return (
    <section ref={sight} className="panel logs descriptor-table" aria-label={table.caption} data-protocol-table={protocol}>
      <h2>{table.caption}</h2>
      {note !== null && <p className="table-note" role="status" title={note}>{note}</p>}
      {table.rows.length === 0 ? <p className="hint">No transaction yet.</p> : (
        <table className="paxos-table">
          <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key} data-row={r.key}>
                {r.cells.map((c, k) => (k === 0
                  ? <th key={k} scope="row">{c.text}</th>
                  : <td key={k} data-col={table.columns[k]} data-tone={c.tone ?? ''} data-locked={c.locked === true} className={c.tone === undefined ? '' : `tone-${c.tone}`}>
                    {c.locked && <svg className="cell-lock" width="14" height="16" viewBox="-8 -11 16 22" role="img" aria-label="lock held"><path d="M-4.5,-3 v-3.5 a4.5,4.5 0 0 1 9,0 v3.5" fill="none" stroke="currentColor" strokeWidth={2.5} /><rect x={-7} y={-3} width={14} height={11} rx={2} fill="currentColor" /></svg>}{c.text}
                  </td>))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
