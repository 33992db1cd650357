import type { Context } from '../sim/protocol';
import { change, copyState, type RaftOut } from './state';
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
  const overlap = suffix.length > 0 && log.length > prefixLen;
  out.mark('appendEntries.overlap', () => (overlap ? `suffix.length ${suffix.length} > 0, log.length ${s.log.length} > prefixLen ${prefixLen}`
    : suffix.length === 0 ? 'no: suffix empty' : `no: log.length ${s.log.length} ≤ prefixLen ${prefixLen}`));
  if (overlap) {
    const index = Math.min(log.length, prefixLen + suffix.length) - 1;
    const mine = log.get(index).term;
    const theirs = suffix[index - prefixLen].term;
    out.mark('appendEntries.index', () => `index ${index}`);
    out.mark('appendEntries.conflict', () => (mine !== theirs ? `term ${mine} ≠ ${theirs}` : `no: both term ${mine}`));
    if (mine !== theirs) {
      const before = log.length;
      log = log.truncate(ctx.bugs.has('truncateOffByOne') ? prefixLen - 1 : prefixLen);
      const after = log.length;
      out.mark('appendEntries.truncate', () => change('log.length', before, after));
    }
  }
  const extend = prefixLen + suffix.length > log.length;
  const length = log.length;
  out.mark('appendEntries.extend', () => `${extend ? '' : 'no: '}${prefixLen + suffix.length} ${extend ? '>' : '≤'} log.length ${length}`);
  if (extend) {
    log = log.append(suffix, Math.max(0, log.length - prefixLen));
    const after = log.length;
    out.mark('appendEntries.append', () => change('log.length', length, after));
  }
  // The whole suffix is always sent, so leaderCommit never exceeds the log; the clamp only
  // matters under a mutant that corrupts the log, where it keeps the engine well defined.
  const commitTo = Math.min(leaderCommit, log.length);
  out.mark('appendEntries.commitIf', () => `${commitTo > s.commitLength ? '' : 'no: '}leaderCommit ${leaderCommit} ${commitTo > s.commitLength ? '>' : '≤'} commitLength ${s.commitLength}`);
  if (commitTo <= s.commitLength && log === s.log) return s;
  const next = copyState(s);
  next.log = log;
  if (commitTo <= s.commitLength) return next;
  out.mark('appendEntries.deliver', () => (commitTo - s.commitLength === 1 ? `log[${s.commitLength}]` : `log[${s.commitLength}] … log[${commitTo - 1}]`));
  out.mark('appendEntries.commit', () => change('commitLength', s.commitLength, commitTo));
  for (let i = s.commitLength; i < commitTo; i++) out.apply(i, log.get(i).command);
  next.commitLength = commitTo;
  return next;
}
