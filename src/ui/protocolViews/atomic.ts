import type { Pseudocode } from '../../engine/sim/pseudocode';
import { THREEPC_PSEUDOCODE } from '../../engine/threepc/pseudocode';
import { TWOPC_PSEUDOCODE } from '../../engine/twopc/pseudocode';
import { COORDINATOR, parseTx } from '../../engine/twopc/transaction';
import type { ParticipantStatus } from '../../engine/twopc/types';
import type { AtomicView, TxView } from '../../engine/twopc/view';
import { ATOMIC_ROLE } from '../theme';
import type { NodeFacts, ProtocolView, TableCell, TableModel } from '../protocolView';

/**
 * "tx t<k>" for the n-th transaction a user sends, past every id "t<k>" a server knows (its log,
 * the running round, the queue): a lesson's script may have used t1 already, and an id is used once.
 */
function freshTx(n: number, nodes: readonly NodeFacts[]): string {
  let k = n;
  for (const node of nodes) {
    const s = node.state as AtomicView;
    for (const id of [...s.log.map((r) => r.tx), s.round?.tx.id, ...s.queue.map((q) => q.id)]) {
      const number = /^t(\d+)$/.exec(id ?? '');
      if (number !== null) k = Math.max(k, Number(number[1]) + 1);
    }
  }
  return `tx t${k}`;
}

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));
const record = (s: AtomicView) => {
  const last = s.log.at(-1);
  return last === undefined ? 'log empty' : `${last.rec} ${last.tx}`;
};

/** The coordinator's state in a few words: what it runs, and what it waits for. */
export function coordinatorDoing(s: AtomicView, participants: number): string {
  const r = s.round;
  if (r === null) return s.outgoing.length > 0 ? `resending ${s.outgoing.map((o) => `${o.decision} ${o.tx}`).join(', ')}` : 'idle';
  if (r.phase === 'work') return `${r.tx.id}: participants at work`;
  if (r.phase === 'votes') return `${r.tx.id}: ${Object.values(r.votes).filter((v) => v === 'yes').length} of ${participants} yes votes`;
  return `${r.tx.id}: ${r.preAcked.length} of ${participants} pre-commit acks`;
}

/**
 * The lecture's words for a participant that voted yes and has no decision: 2PC's "in doubt"
 * (it blocks), 3PC's "uncertain" (the termination protocol may decide for it).
 */
interface DoubtWords {
  /** Its badge, and the legend's role. */
  label: 'IN DOUBT' | 'UNCERTAIN';
  /** In the table, the note above it and the node's details. */
  word: 'in doubt' | 'uncertain';
}

const IN_DOUBT: DoubtWords = { label: 'IN DOUBT', word: 'in doubt' };
const UNCERTAIN: DoubtWords = { label: 'UNCERTAIN', word: 'uncertain' };

/** 2PC and 3PC are drawn alike: the coordinator, the participants, their votes, locks and doubt. */
function atomicView(name: string, pseudocode: Pseudocode, doubtMark: string, doubtWords: DoubtWords): ProtocolView {
  return {
    pseudocode,
    name,
    badge(state, id, up = true) {
      const s = state as AtomicView;
      // A crashed server keeps only its durable log: nothing it was doing is under way.
      const doing = (now: string) => (up ? now : 'crashed');
      if (id === COORDINATOR) {
        return {
          role: 'coordinator',
          label: s.round === null ? 'COORDINATOR' : `COORDINATOR · ${s.round.tx.id} ${s.round.phase.toUpperCase()}`,
          term: 0,
          lines: [doing(s.round === null ? 'idle' : s.round.tx.id), record(s)],
          dashed: false,
          strong: true,
        };
      }
      const doubt = s.inDoubt;
      const held = s.locks;
      const backup = s.termination;
      // 3PC: the backup that decided stays the backup coordinator (the lesson's role) until a newer transaction.
      const decided = backup === null && doubt.length === 0 && s.working === null && s.lockWait === null
        && s.backupDecided !== null && s.txs.at(-1)?.tx === s.backupDecided.tx ? s.backupDecided : null;
      const backupOf = backup?.tx ?? decided?.tx;
      return {
        role: doubt.length > 0 ? 'in-doubt' : s.working !== null || s.lockWait !== null ? 'working' : 'participant',
        // 3PC: a participant running the termination protocol is the backup coordinator (the lecture's name for it).
        label: backup !== null ? `BACKUP COORDINATOR · ${backup.tx}` : doubt.length > 0 ? `${doubtWords.label} · ${doubt.join(', ')}` : s.working !== null ? `WORKING · ${s.working.id}`
          : s.lockWait !== null ? `WAITING · ${s.lockWait.tx.id}` : decided !== null ? `BACKUP COORDINATOR · ${decided.tx}` : 'PARTICIPANT',
        ...(backupOf !== undefined ? { short: `BACKUP · ${backupOf}` } : {}),
        term: 0,
        lines: [doing(backup !== null ? `backup ${backup.tx}` : doubt.length > 0 ? 'voted yes'
          : s.lockWait !== null ? `${s.lockWait.tx.id} waits for ${s.lockWait.key}` : decided !== null ? `decided ${decided.decision}` : 'ready'), record(s)],
        dashed: doubt.length > 0,
        strong: false,
        ...(held.length > 0 ? { lock: held.join(', ') } : {}),
      };
    },
    details({ id, state }, ids) {
      const s = state as AtomicView;
      const older = s.logLength - s.log.length;
      const log = { name: 'log', alias: 'durable', value: s.logLength === 0 ? 'empty' : `${older > 0 ? `(${older} older) ` : ''}${s.log.map((r) => `${r.rec} ${r.tx}`).join('; ')}` };
      if (id === COORDINATOR) {
        return {
          persistent: [log],
          volatile: [
            { name: 'running', value: coordinatorDoing(s, ids.length - 1) },
            { name: 'votes', value: s.round === null ? '—' : list(Object.entries(s.round.votes).map(([p, v]) => `S${p} ${v}`)) },
            { name: 'queue', value: list(s.queue.map((t) => t.id)) },
            { name: 'awaiting acks', value: list(s.outgoing.map((o) => `${o.decision} ${o.tx} from ${o.waiting.map((p) => `S${p}`).join(', ')}`)) },
          ],
        };
      }
      return {
        persistent: [log],
        volatile: [
          { name: 'working on', alias: 'not yet voted', value: s.working === null ? 'nothing' : s.working.id },
          { name: doubtWords.word, alias: 'voted yes, no decision', value: list(s.inDoubt) },
          { name: 'locks held', value: list(s.locks.map((tx) => (s.lockKeys[tx]?.length ? `${tx} (${s.lockKeys[tx].join(', ')})` : tx))) },
          ...(s.lockWait !== null ? [{ name: 'waiting for a lock', alias: 'two-phase locking', value: `${s.lockWait.tx.id} waits for ${s.lockWait.key}, held by ${s.lockWait.behind} in doubt` }] : []),
          ...(s.termination !== null ? [{ name: 'backup coordinator of', alias: 'termination', value: `${s.termination.tx}, ${s.termination.phase}; heard ${list(Object.entries(s.termination.reports).map(([p, st]) => `S${p} ${st}`))}` }] : []),
          ...(s.termination === null && s.backupDecided !== null ? [{ name: 'backup coordinator of', alias: 'termination', value: `${s.backupDecided.tx}, decided ${s.backupDecided.decision}` }] : []),
        ],
      };
    },
    // A decision (the coordinator's, or a 3PC backup's) is the commit mark. Nobody is elected:
    // that slot marks a participant's timer running out in doubt, so blocked time is a run of marks.
    marks: { election: doubtMark, leader: null, commit: 'decision', fault: 'fault' },
    // A participant's wait is a timer the moving layer does not ring.
    timerRing: null,
    timing: [
      { key: 'electionTimeoutMin', label: 'Vote / participant timeout min (ms)' },
      { key: 'electionTimeoutMax', label: 'Vote / participant timeout max (ms)' },
      { key: 'heartbeatInterval', label: 'Work time, resend interval (ms)' },
    ],
    option: null,
    hint: (nodes) => (nodes.every((n) => { const s = n.state as AtomicView; return s.logLength === 0 && s.round === null && s.working === null; })
      ? `${name} waits for a transaction: select S1, the coordinator, and send "tx t1" (add "no 3" to make S3 vote no).`
      : null),
    tableNote: (nodes) => {
      const doubt = nodes.filter((n) => n.up && n.id !== COORDINATOR && (n.state as AtomicView).inDoubt.length > 0);
      if (doubt.length === 0) return null;
      const down = !(nodes.find((n) => n.id === COORDINATOR)?.up ?? true);
      return `${doubt.map((n) => `S${n.id}`).join(', ')} ${doubt.length === 1 ? 'is' : 'are'} ${doubtWords.word}: voted yes, no decision yet, locks held${down ? ', and the coordinator is down' : ''}.`;
    },
    roles: { ...ATOMIC_ROLE, 'in-doubt': { label: doubtWords.label } },
    votes: (id) => id !== COORDINATOR,
    messageLabels: { Prepare: 'Prepare (vote?)' },
    table: (nodes) => atomicTable(nodes, doubtWords.word),
    command: {
      next: freshTx,
      valid: (text) => parseTx(text) !== null,
      invalid: 'A transaction is "tx <id>", optionally "on <key>,..." (the keys it locks) and "no <participant>..." to make those vote no.',
      send: (id) => `Send to S${id}`,
      timeout: (id) => `Time out S${id}`,
    },
  };
}

export const twopcView = atomicView('2PC', TWOPC_PSEUDOCODE, 'in doubt, blocked', IN_DOUBT);
export const threepcView = atomicView('3PC', THREEPC_PSEUDOCODE, 'coordinator silent: termination', UNCERTAIN);

const STATUS_WORDS: Record<ParticipantStatus, string> = {
  unknown: '—', working: 'working', uncertain: 'voted yes', precommitted: 'pre-committed', committed: 'committed', aborted: 'aborted',
};

/** How many transactions the table shows: the newest, and always those still holding locks. */
export const TABLE_ROWS = 12;

/** The transactions table: a row per recent transaction, in the order they began; each node's view says where it stands. */
export function atomicTable(nodes: readonly NodeFacts[], doubtWord: DoubtWords['word'] = IN_DOUBT.word): TableModel {
  const order: string[] = [];
  const seen = new Set<string>();
  const note = (tx: string) => { if (!seen.has(tx)) { seen.add(tx); order.push(tx); } };
  const coordinator = nodes.find((n) => n.id === COORDINATOR);
  const cs = coordinator?.state as AtomicView | undefined;
  for (const n of nodes) for (const t of (n.state as AtomicView).txs) note(t.tx);
  for (const q of cs?.queue ?? []) note(q.id);
  const locked = new Set(nodes.flatMap((n) => (n.state as AtomicView).locks));
  // The oldest rows go first, but never one whose locks someone still holds.
  let extra = order.length - TABLE_ROWS;
  const rows = order.filter((tx) => (extra > 0 && !locked.has(tx) ? (extra--, false) : true));
  const participants = nodes.filter((n) => n.id !== COORDINATOR);
  return {
    caption: 'Transactions: decisions, votes, locks',
    columns: ['transaction', `S${COORDINATOR} coordinator`, ...participants.map((n) => `S${n.id}`)],
    rows: rows.map((tx) => ({
      key: tx,
      cells: [
        { text: tx },
        coordinatorCell(cs, tx, coordinator?.up ?? false),
        ...participants.map((n): TableCell => {
          const t = txOf(n.state as AtomicView, tx);
          const status = t?.status ?? 'unknown';
          if (t?.waitsFor !== undefined) return { text: `waits for ${t.waitsFor}'s lock${n.up ? '' : ' (down)'}`, tone: 'working' };
          const words = status === 'uncertain' ? `${STATUS_WORDS[status]} · ${doubtWord}` : STATUS_WORDS[status];
          return { text: `${words}${n.up ? '' : ' (down)'}`, tone: status === 'uncertain' || status === 'precommitted' ? 'in-doubt' : status, ...(t?.locked ? { locked: true } : {}) };
        }),
      ],
    })),
  };
}

const txOf = (s: AtomicView, tx: string): TxView | undefined => s.txs.find((t) => t.tx === tx);

function coordinatorCell(s: AtomicView | undefined, tx: string, up: boolean): TableCell {
  if (s === undefined) return { text: '—' };
  const t = txOf(s, tx);
  if (t?.decision != null) {
    const d = t.decision;
    return { text: `${d}${t.logged ? ' (logged)' : ' (not logged!)'}${t.ended ? ', end' : ''}`, tone: d === 'commit' ? 'committed' : 'aborted' };
  }
  if (s.round?.tx.id === tx) return { text: s.round.phase === 'work' ? 'participants at work' : s.round.phase === 'votes' ? 'collecting votes' : 'pre-committing', tone: 'working' };
  if (s.queue.some((q) => q.id === tx)) return { text: 'queued' };
  return { text: up ? 'no record' : 'down: no record in memory', tone: up ? undefined : 'down' };
}
