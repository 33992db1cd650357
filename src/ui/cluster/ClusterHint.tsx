import { viewOf } from '../protocolView';
import { useSim } from '../store/simStore';

/** In the middle of the cluster, when the run stands still until the user acts (Paxos: no proposal yet), says so and what to do. */
export function ClusterHint() {
  const hint = useSim((s) => viewOf(s.snapshot?.protocol ?? 'raft').hint(s.nodeIds.flatMap((id) => s.nodes[id] ?? [])));
  if (hint === null) return null;
  return <p className="cluster-hint" role="status">{hint}</p>;
}
