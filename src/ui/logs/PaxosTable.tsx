import { majority } from '../../engine/quorum/quorum';
import { paxosRows } from '../protocolViews/paxos';
import { useSight, useSim } from '../store/simStore';

/** Single-decree Paxos at a glance: each acceptor's promise and acceptance, each proposer's progress, what each learner learned. */
export function PaxosTable() {
  const ids = useSim((s) => s.nodeIds);
  const nodes = useSim((s) => s.panel?.nodes);
  const sight = useSight('panel');
  if (nodes === undefined) return null;
  const rows = paxosRows(ids.flatMap((id) => nodes[id] ?? []));
  return (
    <section ref={sight} className="panel logs paxos" aria-label="Acceptors, proposers and learners">
      <h2>Acceptors, proposers, learners <small>a value is chosen once {majority(ids.length)} of {ids.length} accept it at one ballot</small></h2>
      <table className="paxos-table">
        <thead>
          <tr><th>node</th><th>promised</th><th>accepted</th><th>learned</th><th>proposer</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-node-id={r.id} data-learned={r.learned ?? ''} className={r.up ? '' : 'down'}>
              <th scope="row">S{r.id}{r.up ? '' : ' (down)'}</th>
              <td>{r.promised}</td>
              {/* One line each: a long value is cut short on screen, whole in the cell's text and its title. */}
              <td className="paxos-accepted" title={r.accepted === null ? undefined : `"${r.accepted.value}" at ${r.accepted.ballot}`}>
                {r.accepted === null ? '—' : <><b className="paxos-value">"{r.accepted.value}"</b> at {r.accepted.ballot}</>}
              </td>
              <td className={r.learned === null ? '' : 'learned'} title={r.learned === null ? undefined : `"${r.learned}"`}>
                {r.learned === null ? '—' : <span className="paxos-value">"{r.learned}"</span>}
              </td>
              <td className="proposer">{r.proposer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
