/**
 * Quorum maths. A quorum is a strict majority, floor(n/2) + 1: any two quorums
 * share a node, which is what lets a new leader learn everything committed before it.
 * (floor(n/2) alone is the classic mistake: two of four nodes would "win".)
 */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** The broken rule kept as a mutant: with it two disjoint halves can both win. */
export function minorityQuorum(n: number): number {
  return Math.floor(n / 2);
}

/**
 * The largest length acknowledged by at least `quorum` nodes (the quorum-th largest value).
 * Clusters have at most nine nodes, so counting beats sorting and allocates nothing.
 * `from` skips leading slots (Raft's per-node arrays leave slot 0 unused).
 */
export function quorumLength(acked: readonly number[], quorum: number, from = 0): number {
  if (quorum <= 0 || quorum > acked.length - from) return 0;
  let best = 0;
  for (let i = from; i < acked.length; i++) {
    const len = acked[i];
    if (len <= best) continue;
    let count = 0;
    for (let j = from; j < acked.length; j++) if (acked[j] >= len) count++;
    if (count >= quorum) best = len;
  }
  return best;
}
