import type { LogEntry, RaftState } from './types';

/** Uncommitted entries of older terms on a leader whose log holds no entry of its own term. */
export interface OlderTermWait {
  /** 1-based log indices of the waiting entries, first to last. */
  first: number;
  last: number;
  /** The leader's term: an entry of this term must be replicated before they can commit. */
  term: number;
}

/** What it reads of a node: the engine's state, or a snapshot's (whose log is a plain array of its tail). */
export type LeaderFacts = Pick<RaftState, 'currentRole' | 'currentTerm' | 'commitLength'> & { log: { length: number; at(i: number): LogEntry | undefined } };

/**
 * The leader's commit rule counts acknowledgements only for an entry of its own term (the
 * Raft paper's Figure 8). A leader whose uncommitted tail is all older terms therefore
 * commits none of it until an entry of its own term (a client command, or the no-op on
 * election) reaches a majority; without one, the entries wait indefinitely.
 * `logStart` counts entries left out before `s.log[0]` (snapshots carry a log's tail).
 * `bugs` are the run's broken rules: with commitOldTermByCount the leader counts any entry
 * (commit.ts), so nothing waits for one of its term.
 */
export function olderTermWait(s: LeaderFacts, logStart = 0, bugs: readonly string[] = []): OlderTermWait | null {
  const length = logStart + s.log.length;
  if (bugs.includes('commitOldTermByCount') || s.currentRole !== 'leader' || length <= s.commitLength) return null;
  // Terms never decrease along a log: if the last entry is older, so is every uncommitted one.
  const last = s.log.at(-1);
  if (last === undefined || last.term >= s.currentTerm) return null;
  return { first: s.commitLength + 1, last: length, term: s.currentTerm };
}
