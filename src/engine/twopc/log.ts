import { changed } from './state';
import type { AtomicState, Decision, LogRecord, ParticipantStatus } from './types';

/** The decision a node holds for a transaction: written in its log, or (only under a mutant) not yet written. */
export function decisionOf(s: AtomicState, tx: string): Decision | null {
  const recs = s.log.recordsOf(tx);
  for (let i = recs.length - 1; i >= 0; i--) if (recs[i] === 'commit' || recs[i] === 'abort') return recs[i] as Decision;
  return s.outgoing.find((o) => o.tx === tx)?.decision ?? null;
}

export function append(s: AtomicState, tx: string, rec: LogRecord['rec'], keys?: readonly string[]): AtomicState {
  return changed(s, { log: s.log.append(tx, rec, keys) });
}

/** The in-doubt transaction holding the lock on `key` here, if any: its yes vote keeps the lock until the decision. */
export function lockHolder(s: AtomicState, key: string): string | null {
  for (const tx of inDoubt(s)) if (s.log.keysOf(tx).includes(key)) return tx;
  return null;
}

/** A participant's standing on a transaction, from its log and the work it holds. */
export function statusOf(s: AtomicState, tx: string): ParticipantStatus {
  const d = decisionOf(s, tx);
  if (d !== null) return d === 'commit' ? 'committed' : 'aborted';
  const recs = s.log.recordsOf(tx);
  if (recs.includes('precommit')) return 'precommitted';
  if (recs.includes('yes')) return 'uncertain';
  return s.working?.id === tx ? 'working' : 'unknown';
}

/** Transactions this participant voted yes on and has no decision for: in doubt, their locks held. */
export function inDoubt(s: AtomicState): string[] {
  const open = s.log.doubt;
  return s.outgoing.length === 0 ? open.slice() : open.filter((tx) => !s.outgoing.some((o) => o.tx === tx));
}

/** Every transaction whose locks this participant holds: the one it works on, and those in doubt. */
export function locks(s: AtomicState): string[] {
  const doubt = inDoubt(s);
  return s.working !== null && !doubt.includes(s.working.id) ? [s.working.id, ...doubt] : doubt;
}
