import type { PendingChoice } from '../sim/pending';
import type { NodeId } from '../sim/protocol';
import type { NodeSlot, UnstampedAction } from '../sim/types';
import type { RaftMessage, RaftState } from './types';

/**
 * FLP by hand, for Raft: a scheduler that keeps a cluster in split votes forever. Each round
 * it fires the election timers of the candidates together (as if their clocks agreed), then
 * hands each other server the VoteRequest of the candidate it is assigned first, so the votes
 * split evenly and nobody has a majority; every other message is delivered. With four
 * servers and two candidates (or five and three) no term ever elects a leader.
 * The next choice, or null when there is none to make.
 */
export function splitVoteChoice(pending: readonly PendingChoice[], nodes: readonly NodeSlot<RaftState>[],
  message: (id: number) => RaftMessage | undefined, candidates: readonly NodeId[]): UnstampedAction | null {
  const ready = candidates.map((id) => nodes[id - 1]).filter((n) => n.up && n.timers.election != null)
    .sort((a, b) => a.state.currentTerm - b.state.currentTerm || a.id - b.id);
  // A candidate behind the others' term stands now too, before any request is delivered.
  if (ready.length > 1 && ready[0].state.currentTerm < ready[ready.length - 1].state.currentTerm) return { type: 'fire', node: ready[0].id, timer: 'election' };
  const voters = nodes.map((n) => n.id).filter((id) => !candidates.includes(id));
  const assigned = (voter: NodeId) => candidates[voters.indexOf(voter) % candidates.length];
  const msgs = pending.filter((c) => c.kind === 'message' && !c.held)
    .map((c) => ({ c: c as Extract<PendingChoice, { kind: 'message' }>, m: message((c as { id: number }).id)! }));
  const first = msgs.find(({ c, m }) => {
    if (m.type !== 'VoteRequest' || !voters.includes(c.to)) return true;
    // A voter hears its own candidate first; the rival's request waits until it has voted.
    if (m.candidateId === assigned(c.to)) return true;
    return !msgs.some((o) => o.m.type === 'VoteRequest' && o.c.to === c.to && o.m.candidateId === assigned(c.to) && o.m.term === m.term);
  });
  if (first !== undefined) return { type: 'deliver', message: first.c.id };
  // Nothing in flight: the next round, every candidate's timer at once (the one above fires the rest).
  return ready.length === 0 ? null : { type: 'fire', node: ready[0].id, timer: 'election' };
}
