import type { NodeId } from '../sim/protocol';

/** A ballot (round, nodeId): totally ordered, by round and then by node id. */
export type Ballot = readonly [round: number, node: NodeId];

export function compareBallots(a: Ballot, b: Ballot): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/** a > b, with null below every ballot. */
export function above(a: Ballot, b: Ballot | null): boolean {
  return b === null || compareBallots(a, b) > 0;
}

export function sameBallot(a: Ballot | null, b: Ballot | null): boolean {
  return a !== null && b !== null && a[0] === b[0] && a[1] === b[1];
}

export function ballotText(b: Ballot | null): string {
  return b === null ? 'none' : `(${b[0]}, S${b[1]})`;
}

/** An acceptor's promise went back (lower, or forgotten): what promiseMonotonic forbids. */
export function promiseWentBack(before: Ballot | null, after: Ballot | null): boolean {
  return before !== null && (after === null || compareBallots(after, before) < 0);
}
