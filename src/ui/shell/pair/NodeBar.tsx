import { useSim } from '../../store/simStore';

/**
 * The server picked on this side (a click on it, or its digit), and what can be done to it.
 * The action goes through the pair's transport, so it happens to the same server in both runs.
 */
export function NodeBar() {
  const id = useSim((s) => s.selectedNode);
  const up = useSim((s) => (s.selectedNode === null ? null : s.nodes[s.selectedNode]?.up ?? null));
  const act = useSim((s) => s.act);
  const select = useSim((s) => s.select);
  if (id === null || up === null) return <p className="pair-nodebar hint">Click a server to crash it or make it time out: it happens in both runs.</p>;
  return (
    <div className="pair-nodebar row" role="group" aria-label={`Server S${id}, in both runs`}>
      <strong>S{id}</strong>
      <button type="button" data-pair-act={up ? 'crash' : 'recover'} onClick={() => act({ type: up ? 'crash' : 'recover', node: id })}>
        {up ? `Crash S${id}` : `Recover S${id}`}
      </button>
      <button type="button" data-pair-act="timeout" disabled={!up} onClick={() => act({ type: 'timeout', node: id })}>{`Time out S${id}`}</button>
      <button type="button" className="linkish" onClick={() => select(null)} aria-label="Deselect the server">Done</button>
    </div>
  );
}
