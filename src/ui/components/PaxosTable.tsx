import { ballotText } from '../../engine/paxos/ballot';
import type { PaxosState } from '../../engine/paxos/types';
import { useSight, useSim } from '../store/simStore';

/** Single-decree Paxos at a glance: each acceptor's promise and acceptance, each proposer's progress, what each learner learned. */
export function PaxosTable() {
  const ids = useSim((s) => s.nodeIds);
  const nodes = useSim((s) => s.panel?.nodes);
  const sight = useSight('panel');
  const quorum = Math.floor(ids.length / 2) + 1;
  if (nodes === undefined) return null;
  return (
    <section ref={sight} className="panel logs paxos" aria-label="Acceptors, proposers and learners">
      <h2>Acceptors, proposers, learners <small>a value is chosen once {quorum} of {ids.length} accept it at one ballot</small></h2>
      <table className="paxos-table">
        <thead>
          <tr><th>node</th><th>promised</th><th>accepted</th><th>learned</th><th>proposer</th></tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const n = nodes[id];
            if (n === undefined) return null;
            const s = n.state as PaxosState;
            const proposing = s.phase !== 'idle';
            return (
              <tr key={id} data-node-id={id} data-learned={s.learned ?? ''} className={n.up ? '' : 'down'}>
                <th scope="row">S{id}{n.up ? '' : ' (down)'}</th>
                <td>{ballotText(s.promised)}</td>
                <td>{s.accepted === null ? '—' : <><b>"{s.accepted.value}"</b> at {ballotText(s.accepted.ballot)}</>}</td>
                <td className={s.learned === null ? '' : 'learned'}>{s.learned === null ? '—' : `"${s.learned}"`}</td>
                <td>{!proposing ? '—' : `${s.phase} ${ballotText(s.ballot)} · own "${s.value}"${s.phase === 'prepare' ? ` · ${s.promises.length}/${quorum} promises` : ''}${s.phase === 'accept' || s.phase === 'done' ? ` · proposing "${s.proposal}" · ${s.acceptedBy.length}/${quorum} accepted` : ''}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
