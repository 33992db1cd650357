import { quorumLength } from '../quorum/quorum';
import type { Context } from '../sim/protocol';
import { change, copyState, quorum, type RaftOut } from './state';
import type { RaftState } from './types';

/**
 * Slide 9, the leader committing log entries: the largest length a majority has
 * acknowledged commits, but only if it ends in an entry of the leader's own term.
 * Older entries then commit with it, indirectly (the Raft paper's Figure 8).
 */
export function commitLogEntries(s: RaftState, out: RaftOut, ctx: Context): RaftState {
  const ready = quorumLength(s.ackedLength, quorum(ctx), 1);
  out.mark('commitLogEntries.ready', () => `ready ${ready} (majority ${quorum(ctx)})`);
  if (ready <= s.commitLength) {
    out.mark('commitLogEntries.commitIf', () => `no: ready ${ready} ≤ commitLength ${s.commitLength}`);
    return s;
  }
  const term = s.log.get(ready - 1).term;
  if (!ctx.bugs.has('commitOldTermByCount') && term !== s.currentTerm) {
    out.mark('commitLogEntries.commitIf', () => `no: log[${ready - 1}].term ${term} ≠ currentTerm ${s.currentTerm} (older entries commit only with one of this term)`);
    return s;
  }
  out.mark('commitLogEntries.commitIf', () => `ready ${ready} > commitLength ${s.commitLength}, log[${ready - 1}].term ${term}${term === s.currentTerm ? ' = currentTerm' : ` ≠ currentTerm ${s.currentTerm}, counted anyway`}`);
  out.mark('commitLogEntries.deliver', () => (ready - s.commitLength === 1 ? `log[${s.commitLength}]` : `log[${s.commitLength}] … log[${ready - 1}]`));
  out.mark('commitLogEntries.commit', () => change('commitLength', s.commitLength, ready));
  for (let i = s.commitLength; i < ready; i++) out.apply(i, s.log.get(i).command);
  const next = copyState(s);
  next.commitLength = ready;
  return next;
}
