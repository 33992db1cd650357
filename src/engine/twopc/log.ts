import type { AtomicState, Decision, LogRecord, ParticipantStatus } from './types';

/**
 * A transaction's records, in order. A log holds a few records per transaction, so reading it
 * costs as much as the transactions the node took part in: a lecture's handful.
 */
function records(log: readonly LogRecord[], tx: string): LogRecord['rec'][] {
  const out: LogRecord['rec'][] = [];
  for (const r of log) if (r.tx === tx) out.push(r.rec);
  return out;
}

/** The decision a node holds for a transaction: written in its log, or (only under a mutant) not yet written. */
export function decisionOf(s: AtomicState, tx: string): Decision | null {
  for (let i = s.log.length - 1; i >= 0; i--) {
    const r = s.log[i];
    if (r.tx === tx && (r.rec === 'commit' || r.rec === 'abort')) return r.rec;
  }
  return s.outgoing.find((o) => o.tx === tx)?.decision ?? null;
}

export function logged(s: AtomicState, tx: string, rec: LogRecord['rec']): boolean {
  return s.log.some((r) => r.tx === tx && r.rec === rec);
}

export function append(s: AtomicState, tx: string, rec: LogRecord['rec']): AtomicState {
  return { ...s, log: [...s.log, { tx, rec }] };
}

/** A participant's standing on a transaction, from its log and the work it holds. */
export function statusOf(s: AtomicState, tx: string): ParticipantStatus {
  const d = decisionOf(s, tx);
  if (d !== null) return d === 'commit' ? 'committed' : 'aborted';
  const recs = records(s.log, tx);
  if (recs.includes('precommit')) return 'precommitted';
  if (recs.includes('yes')) return 'uncertain';
  return s.working?.id === tx ? 'working' : 'unknown';
}

/** Transactions this participant voted yes on and has no decision for: in doubt, their locks held. */
export function inDoubt(s: AtomicState): string[] {
  // One pass over the log: a transaction is in doubt from its yes until its decision.
  const open = new Set<string>();
  for (const r of s.log) {
    if (r.rec === 'yes') open.add(r.tx);
    else if (r.rec === 'commit' || r.rec === 'abort') open.delete(r.tx);
  }
  for (const o of s.outgoing) open.delete(o.tx);
  return [...open];
}

/** Every transaction whose locks this participant holds: the one it works on, and those in doubt. */
export function locks(s: AtomicState): string[] {
  const doubt = inDoubt(s);
  return s.working !== null && !doubt.includes(s.working.id) ? [s.working.id, ...doubt] : doubt;
}
