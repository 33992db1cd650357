import { useSim } from '../../store/simStore';

/**
 * The server picked (a click on it in either run, or its digit), and what can be done to it.
 * One bar for both runs, at the end of the narration's controls, clear of both clusters: the
 * action goes through the pair's transport, so it happens to the same server in both runs.
 */
export function NodeBar() {
  const id = useSim((s) => s.selectedNode);
  const up = useSim((s) => (s.selectedNode === null ? null : s.nodes[s.selectedNode]?.up ?? null));
  const act = useSim((s) => s.act);
  const select = useSim((s) => s.select);
  if (id === null || up === null) return <span className="pair-nodebar hint">Click a server to crash it or make it time out: it happens in both runs.</span>;
  return (
    <span className="pair-nodebar" role="group" aria-label={`Server S${id}, in both runs`} data-pair-nodebar>
      <strong>S{id}</strong>
      <button type="button" data-pair-act={up ? 'crash' : 'recover'} onClick={() => act({ type: up ? 'crash' : 'recover', node: id })}>
        {up ? `Crash S${id}` : `Recover S${id}`}
      </button>
      <button type="button" data-pair-act="timeout" disabled={!up} onClick={() => act({ type: 'timeout', node: id })}>{`Time out S${id}`}</button>
      <button type="button" className="linkish" onClick={() => select(null)} aria-label="Deselect the server (Esc)">Done</button>
    </span>
  );
}
