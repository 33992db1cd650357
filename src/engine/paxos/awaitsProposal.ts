import type { PaxosState } from './types';

/**
 * Paxos acts only when a client asks a proposer for a value: with nothing learned and no
 * live proposer at work (none asked yet, or the one asked has crashed), nothing will happen
 * however long the run plays.
 */
export function awaitsProposal(nodes: readonly { up: boolean; state: PaxosState }[]): boolean {
  return nodes.every((n) => n.state.learned === null && (!n.up || n.state.phase === 'idle'));
}
