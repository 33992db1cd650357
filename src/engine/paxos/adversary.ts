import type { PendingChoice } from '../sim/pending';
import type { NodeSlot, UnstampedAction } from '../sim/types';
import { compareBallots } from './ballot';
import type { PaxosMessage, PaxosState } from './types';

/**
 * FLP by hand: a scheduler that keeps dueling proposers from ever choosing a value, whatever
 * their backoff, using only what a network may do (deliver in any order, and fire timers when
 * it likes, as slow and fast clocks would). It delivers everything at once except a
 * proposer's Accepts, which it keeps back until a rival's Prepare has outbid them; then they
 * arrive stale and are refused, and the rival's own Accepts wait for the next rival.
 * The next choice, or null when there is none to make.
 */
export function duelChoice(pending: readonly PendingChoice[], nodes: readonly NodeSlot<PaxosState>[],
  message: (id: number) => PaxosMessage | undefined): UnstampedAction | null {
  const waiting = pending.filter((c) => c.kind === 'message' && !c.held);
  const msgs = waiting.map((c) => ({ c: c as Extract<PendingChoice, { kind: 'message' }>, m: message((c as { id: number }).id)! }));
  const other = msgs.find(({ m }) => m.type !== 'Accept');
  if (other !== undefined) return { type: 'deliver', message: other.c.id };
  // An Accept below its acceptor's promise is refused: deliver it, and its proposer backs off.
  const stale = msgs.find(({ c, m }) => {
    const promised = nodes[c.to - 1].state.promised;
    return m.type === 'Accept' && promised !== null && compareBallots(m.ballot, promised) < 0;
  });
  if (stale !== undefined) return { type: 'deliver', message: stale.c.id };
  // Only fresh Accepts wait: a rival proposer's timer fires now, and its Prepare outbids them.
  const leading = new Set(msgs.map(({ c }) => c.from));
  const rival = pending.find((c) => c.kind === 'timer' && c.name === 'retry' && !leading.has(c.node)
    && nodes[c.node - 1].state.phase !== 'done' && nodes[c.node - 1].state.learned === null);
  return rival?.kind === 'timer' ? { type: 'fire', node: rival.node, timer: 'retry' } : null;
}
