import { lastInvocations, operationsOf } from '../engine/clients/operations';
import type { ClientWorld, ReadPath } from '../engine/clients/types';
import type { ClientsView } from './protocol';

/** The history panel shows at most this many operations, the most recent (a long session holds thousands). */
export const HISTORY_SHOWN = 200;

/**
 * The clients' part of a snapshot: the most recent operations, only when the history has
 * grown (or shrunk, going back in time) since the view last had it (`sent`, -1 for never).
 * Operations under way count as changed at every history event, so their bars keep growing.
 */
export function clientsView(world: ClientWorld | null, reads: ReadPath | null, sent: number): { view: ClientsView; history: number } | null {
  if (world === null || reads === null) return null;
  const history = world.history.length;
  if (history === sent) return null;
  // Only the tail is read: the cost stays flat however long the session.
  const operations = operationsOf(world.history, undefined, lastInvocations(world.history, HISTORY_SHOWN));
  return { view: { reads, total: world.nextOpId - 1, operations }, history };
}
