import type { TxLog } from './durableLog';
import { decisionOf, inDoubt, locks, statusOf } from './log';
import type { AtomicState, Decision, LogRecord, Outgoing, ParticipantStatus, Round, Termination, Tx } from './types';

/** Where one node stands on one transaction, as its row of the transactions table shows it. */
export interface TxView {
  readonly tx: string;
  readonly status: ParticipantStatus;
  readonly decision: Decision | null;
  /** Its decision is in its durable log (false only under sendDecisionBeforeLog). */
  readonly logged: boolean;
  /** The coordinator wrote "end": every participant has the decision. */
  readonly ended: boolean;
  readonly locked: boolean;
  /** Its writes wait here for this key's lock. */
  readonly waitsFor?: string;
}

/**
 * A node of 2PC or 3PC as the page draws it: plain data, computed here so the page only
 * draws, and of a size that does not grow with the run (the newest log records and
 * transactions; those in doubt or worked on always).
 */
export interface AtomicView {
  readonly log: readonly LogRecord[];
  readonly logLength: number;
  readonly round: Round | null;
  readonly queue: readonly Tx[];
  readonly outgoing: readonly Outgoing[];
  readonly working: Tx | null;
  /** A transaction whose writes wait for a lock an in-doubt one holds: the key, and the holder. */
  readonly lockWait: AtomicState['lockWait'];
  readonly termination: Termination | null;
  readonly backupDecided: AtomicState['backupDecided'];
  readonly inDoubt: readonly string[];
  readonly locks: readonly string[];
  /** The keys each held lock covers, by transaction (none listed for a transaction that names no keys). */
  readonly lockKeys: Readonly<Record<string, readonly string[]>>;
  /** Its newest transactions, oldest first, with any it is in doubt about or working on. */
  readonly txs: readonly TxView[];
}

/** How many of its newest log records a view holds. */
export const VIEW_RECORDS = 24;
/** How many of its newest transactions a view describes: more than the table shows, so a participant that saw one the coordinator did not still fills the coordinator's rows. */
export const VIEW_TXS = 16;

export function atomicView(s: AtomicState): AtomicView {
  const held = locks(s);
  const ids = newestTxs(s.log, VIEW_TXS);
  const waiting = s.lockWait;
  for (const tx of [...held, ...(waiting !== null ? [waiting.tx.id] : []), ...(s.round !== null ? [s.round.tx.id] : [])]) if (!ids.includes(tx)) ids.push(tx);
  return {
    log: s.log.slice(s.log.length - VIEW_RECORDS),
    logLength: s.log.length,
    round: s.round,
    queue: s.queue,
    outgoing: s.outgoing,
    working: s.working,
    lockWait: waiting,
    termination: s.termination,
    backupDecided: s.backupDecided,
    inDoubt: inDoubt(s),
    locks: held,
    lockKeys: Object.fromEntries(held.map((tx) => [tx, s.working?.id === tx ? s.working.keys ?? [] : s.log.keysOf(tx)])),
    txs: ids.map((tx) => {
      const recs = s.log.recordsOf(tx);
      const decision = decisionOf(s, tx);
      return { tx, status: statusOf(s, tx), decision, logged: decision !== null && recs.includes(decision), ended: recs.includes('end'), locked: held.includes(tx),
        ...(waiting?.tx.id === tx ? { waitsFor: waiting.key } : {}) };
    }),
  };
}

/** The last `n` distinct transactions of the log, oldest first: read from the end, a few records each. */
function newestTxs(log: TxLog, n: number): string[] {
  const out: string[] = [];
  for (let i = log.length - 1; i >= 0 && out.length < n; i--) {
    const tx = log.get(i).tx;
    if (!out.includes(tx)) out.push(tx);
  }
  return out.reverse();
}
