import type { Context } from '../sim/protocol';
import type { RaftOut } from './state';
import type { LogEntry, RaftState } from './types';

/**
 * Slide 7, updating the follower's log. On a conflict the log keeps exactly its first
 * prefixLen entries; then the suffix entries beyond the end are appended; then the
 * newly committed entries are delivered to the state machine in order.
 */
export function appendEntries(
  s: RaftState, prefixLen: number, leaderCommit: number, suffix: readonly LogEntry[], out: RaftOut, ctx: Context,
): RaftState {
  let log = s.log;
  if (suffix.length > 0 && log.length > prefixLen) {
    const index = Math.min(log.length, prefixLen + suffix.length) - 1;
    if (log.get(index).term !== suffix[index - prefixLen].term) {
      log = log.truncate(ctx.bugs.has('truncateOffByOne') ? prefixLen - 1 : prefixLen);
    }
  }
  if (prefixLen + suffix.length > log.length) {
    log = log.append(suffix, Math.max(0, log.length - prefixLen));
  }
  // The whole suffix is always sent, so leaderCommit never exceeds the log; the clamp only
  // matters under a mutant that corrupts the log, where it keeps the engine well defined.
  const commitTo = Math.min(leaderCommit, log.length);
  if (commitTo <= s.commitLength) return log === s.log ? s : { ...s, log };
  for (let i = s.commitLength; i < commitTo; i++) out.apply(i, log.get(i).command);
  return { ...s, log, commitLength: commitTo };
}
