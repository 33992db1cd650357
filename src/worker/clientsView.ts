import { lockLeases, type Stamping } from '../engine/clients/lockLeases';
import type { NodeClock } from '../engine/sim/clock';
import type { NodeId } from '../engine/sim/protocol';
import { lastInvocations, operationsOf } from '../engine/clients/operations';
import type { StorageOptions } from '../engine/clients/storage';
import type { ClientWorld, ReadPath } from '../engine/clients/types';
import type { ClientAttempt } from './clientRows';
import type { ClientsView } from './protocol';

/** The history panel shows at most this many operations, the most recent (a long session holds thousands). */
export const HISTORY_SHOWN = 200;

/**
 * The clients' part of a snapshot: the most recent operations, only when the history, the
 * storage node or a client's pause has changed (or gone back, in time) since the view last
 * had them (`sent`, '' for never). Operations under way count as changed at every history
 * event, so their bars keep growing. `committed` gives the committed command at a log index:
 * each granted acquire's lease is read from the stamp its command carries, and put in true time
 * by `clocks`: where and when a stamp was made, and each server's clock now. `attempts` gives
 * each shown operation's requests (its retries), and a key that changes when one is sent.
 */
export function clientsView(world: ClientWorld | null, reads: ReadPath | null, sent: string, committed: (index: number) => string | null, storage?: StorageOptions,
  clocks?: { stamping: (client: number, seq: number, stamp: number) => Stamping | null; now: (node: NodeId) => NodeClock | null },
  attempts?: { key: number; of: (ops: ReadonlySet<number>, from: number) => ClientAttempt[] }): { view: ClientsView; history: string } | null {
  if (world === null || reads === null) return null;
  const paused = world.clients.map((c) => c.paused);
  const history = `${world.history.length} ${world.storage?.writes ?? 0} ${paused.map((p) => (p ? 1 : 0)).join('')} ${attempts?.key ?? 0}`;
  if (history === sent) return null;
  // Only the tail is read: the cost stays flat however long the session.
  const operations = operationsOf(world.history, undefined, lastInvocations(world.history, HISTORY_SHOWN));
  const s = world.storage;
  return {
    view: {
      reads, total: world.nextOpId - 1, operations,
      attempts: attempts === undefined || operations.length === 0 ? [] : attempts.of(new Set(operations.map((o) => o.id)), Math.min(...operations.map((o) => o.call))),
      leases: lockLeases(operations, committed, clocks?.stamping, clocks?.now), paused, tokens: world.clients.map((c) => c.token),
      storage: s === null ? null : {
        fencing: storage?.fencing ?? true, highest: s.highest,
        kv: Object.entries(s.kv).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, v]) => ({ key, ...v })),
      },
    },
    history,
  };
}
