import type { NodeId } from './protocol';
import type { NetworkState } from './types';

export function createNetwork(dropRate: number, duplicateRate: number, latencyMin: number, latencyMax: number): NetworkState {
  return { dropRate, duplicateRate, latencyMin, latencyMax, groups: null, groupOf: null, cuts: [] };
}

/**
 * Splits the cluster into groups; nodes named in no group form one more group together,
 * so "partition [[1,2]]" isolates S1 and S2 from everyone else.
 */
export function partition(net: NetworkState, groups: readonly (readonly NodeId[])[], n: number): NetworkState {
  const groupOf = new Array<number>(n + 1).fill(groups.length);
  groups.forEach((g, i) => g.forEach((id) => (groupOf[id] = i)));
  const rest: NodeId[] = [];
  for (let id = 1; id <= n; id++) if (groupOf[id] === groups.length) rest.push(id);
  const all = rest.length > 0 ? [...groups.map((g) => [...g]), rest] : groups.map((g) => [...g]);
  return { ...net, groups: all, groupOf };
}

/** Makes the network whole again: the partition ends and every cut link is restored. */
export function heal(net: NetworkState): NetworkState {
  return { ...net, groups: null, groupOf: null, cuts: [] };
}

/**
 * Heals one group: the named nodes rejoin everyone, while the groups left stay apart from
 * each other. With fewer than two groups left nothing is cut off, and the partition ends.
 * (Nodes in no group talk to every node: groupOf marks them -1.)
 */
export function healNodes(net: NetworkState, nodes: readonly NodeId[]): NetworkState {
  if (net.groups === null) return net;
  const groups = net.groups.map((g) => g.filter((id) => !nodes.includes(id))).filter((g) => g.length > 0);
  if (groups.length < 2) return { ...net, groups: null, groupOf: null };
  const groupOf = net.groupOf!.map(() => -1);
  groups.forEach((g, i) => g.forEach((id) => (groupOf[id] = i)));
  return { ...net, groups, groupOf };
}

export function cutKey(from: NodeId, to: NodeId): string {
  return `${from}>${to}`;
}

export function cut(net: NetworkState, from: NodeId, to: NodeId): NetworkState {
  const key = cutKey(from, to);
  return net.cuts.includes(key) ? net : { ...net, cuts: [...net.cuts, key] };
}

export function restore(net: NetworkState, from: NodeId, to: NodeId): NetworkState {
  const key = cutKey(from, to);
  return { ...net, cuts: net.cuts.filter((c) => c !== key) };
}

/** Why a message from -> to cannot pass right now, or null if the link is open. */
export function blockedReason(net: NetworkState, from: NodeId, to: NodeId): string | null {
  if (net.groupOf !== null && net.groupOf[from] !== net.groupOf[to] && net.groupOf[from] !== -1 && net.groupOf[to] !== -1) return 'a network partition';
  if (net.cuts.length > 0 && net.cuts.includes(cutKey(from, to))) return `the cut link S${from}→S${to}`;
  return null;
}
