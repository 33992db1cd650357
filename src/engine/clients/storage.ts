/**
 * The storage node outside the cluster that the lock protects (Kleppmann's "fencing"): a
 * client writes to it with the token its last acquire gave it. With the check on, the node
 * remembers the highest token it has accepted and rejects a write that carries a lower one,
 * so a client that lost its lock while paused cannot overwrite the new holder's work.
 */
export interface StoredValue {
  readonly value: string;
  readonly client: number;
  readonly token: number;
}

/** A write the node accepted although it had already accepted a higher token: what the fencing check reports. */
export interface StaleWrite {
  readonly client: number;
  readonly key: string;
  readonly value: string;
  readonly token: number;
  readonly highest: number;
}

export interface Storage {
  readonly kv: Readonly<Record<string, StoredValue>>;
  /** The highest token among the writes it accepted (0 before any). */
  readonly highest: number;
  readonly stale: readonly StaleWrite[];
  /** Writes accepted so far: tells a view the node has changed. */
  readonly writes: number;
}

export const EMPTY_STORAGE: Storage = { kv: {}, highest: 0, stale: [], writes: 0 };

export interface StorageOptions {
  /** Reject writes whose token is lower than the highest seen (true unless a scenario turns it off). */
  readonly fencing: boolean;
}

/** The node takes a write of `key` = `value` carrying `token`: accepted, or rejected by token. */
export function storageWrite(s: Storage, options: StorageOptions, client: number, key: string, value: string, token: number): { storage: Storage; accepted: boolean } {
  if (token < s.highest) {
    if (options.fencing) return { storage: s, accepted: false };
    // No check: the stale write lands, and the fencing check records it.
    return {
      storage: { ...s, kv: { ...s.kv, [key]: { value, client, token } }, stale: [...s.stale, { client, key, value, token, highest: s.highest }], writes: s.writes + 1 },
      accepted: true,
    };
  }
  return { storage: { ...s, kv: { ...s.kv, [key]: { value, client, token } }, highest: token, writes: s.writes + 1 }, accepted: true };
}
