import { quorumLength } from '../quorum/quorum';
import type { Context } from '../sim/protocol';
import { quorum, type RaftOut } from './state';
import type { RaftState } from './types';

/**
 * Slide 9, the leader committing log entries: the largest length a majority has
 * acknowledged commits, but only if it ends in an entry of the leader's own term.
 * Older entries then commit with it, indirectly (the Raft paper's Figure 8).
 */
export function commitLogEntries(s: RaftState, out: RaftOut, ctx: Context): RaftState {
  const ready = quorumLength(s.ackedLength, quorum(ctx), 1);
  if (ready <= s.commitLength) return s;
  if (!ctx.bugs.has('commitOldTermByCount') && s.log.get(ready - 1).term !== s.currentTerm) return s;
  for (let i = s.commitLength; i < ready; i++) out.apply(i, s.log.get(i).command);
  return { ...s, commitLength: ready };
}
