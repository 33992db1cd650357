import type { MovingFrame, NodeView, Snapshot } from './protocol';

/** The moving layer's frame at a snapshot's moment, given every node's view (index 0 is S1). */
export function movingFrame(snap: Pick<Snapshot, 'time' | 'playing' | 'messages' | 'network'>, nodes: readonly (NodeView | undefined)[]): MovingFrame {
  return {
    time: snap.time,
    playing: snap.playing,
    rings: nodes.map(ring),
    messages: snap.messages,
    network: { groups: snap.network.groups, cuts: snap.network.cuts, latencyMax: snap.network.latencyMax },
  };
}

function ring(n: NodeView | undefined): MovingFrame['rings'][number] {
  if (n === undefined || !n.up) return null;
  // Raft's election timer (or a leader's heartbeat), Paxos's proposer retry or backoff.
  const t = n.timers.election ?? n.timers.retry ?? n.timers.leader ?? n.timers.heartbeat;
  if (t === undefined) return null;
  // A countdown empties towards its deadline; a leader's heartbeat refills.
  return { since: t.since, at: t.at, refills: t === n.timers.heartbeat };
}
