import { decisionOf, inDoubt, locks, statusOf } from '../../engine/twopc/log';
import { COORDINATOR } from '../../engine/twopc/transaction';
import type { AtomicState, ParticipantStatus } from '../../engine/twopc/types';
import type { Pseudocode } from '../../engine/sim/pseudocode';
import type { NodeFacts, ProtocolView } from '../protocolView';

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));

/** The coordinator's state in a few words: what it runs, and what it waits for. */
function coordinatorDoing(s: AtomicState, ids: readonly number[]): string {
  const r = s.round;
  if (r === null) return s.outgoing.length > 0 ? `resending ${s.outgoing.map((o) => `${o.decision} ${o.tx}`).join(', ')}` : 'idle';
  const parts = ids.filter((id) => id !== COORDINATOR);
  if (r.phase === 'work') return `${r.tx.id}: participants at work`;
  if (r.phase === 'votes') return `${r.tx.id}: ${Object.values(r.votes).filter((v) => v === 'yes').length} of ${parts.length} yes votes`;
  return `${r.tx.id}: ${r.preAcked.length} of ${parts.length} pre-commit acks`;
}

/** 2PC and 3PC share their drawing: the coordinator, participants, their votes, locks and doubt. */
function atomicView(name: string, pseudocode: Pseudocode): ProtocolView {
  return {
    pseudocode,
    name,
    badge(state) {
      const s = state as AtomicState;
      const last = s.log.at(-1);
      if (s.round !== null || s.queue.length > 0 || s.outgoing.length > 0 || isCoordinatorState(s)) {
        return {
          role: 'coordinator',
          label: s.round === null ? 'COORDINATOR' : `COORDINATOR · ${s.round.tx.id} ${s.round.phase.toUpperCase()}`,
          term: 0,
          lines: [s.round === null ? 'idle' : s.round.tx.id, last === undefined ? 'log —' : `${last.rec} ${last.tx}`],
          dashed: false,
          strong: true,
        };
      }
      const doubt = inDoubt(s);
      const held = locks(s);
      const role = doubt.length > 0 ? 'in-doubt' : s.working !== null ? 'working' : 'participant';
      return {
        role,
        label: doubt.length > 0 ? `IN DOUBT · ${doubt.join(', ')}` : s.working !== null ? `WORKING · ${s.working.id}` : 'PARTICIPANT',
        term: 0,
        lines: [held.length === 0 ? 'no locks' : `lock ${held.join(',')}`, last === undefined ? 'log —' : `${last.rec} ${last.tx}`],
        dashed: doubt.length > 0,
        strong: false,
      };
    },
    details({ id, state }, ids) {
      const s = state as AtomicState;
      const log = { name: 'log', alias: 'durable', value: s.log.length === 0 ? 'empty' : s.log.map((r) => `${r.rec} ${r.tx}`).join('; ') };
      if (id === COORDINATOR) {
        return {
          persistent: [log],
          volatile: [
            { name: 'running', value: coordinatorDoing(s, ids) },
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
          { name: 'in doubt', alias: 'voted yes, no decision', value: list(inDoubt(s)) },
          { name: 'locks held', value: list(locks(s)) },
          ...(s.termination !== null ? [{ name: 'backup coordinator of', alias: 'termination', value: `${s.termination.tx} (${s.termination.phase}; heard ${list(Object.entries(s.termination.reports).map(([p, st]) => `S${p} ${st}`))})` }] : []),
        ],
      };
    },
    // Begin opens a transaction; a decision is its commit (or abort); the coordinator does not change.
    marks: { election: null, leader: null, commit: 'decision', fault: 'fault' },
    timing: [
      { key: 'electionTimeoutMin', label: 'Vote / participant timeout min (ms)' },
      { key: 'electionTimeoutMax', label: 'Vote / participant timeout max (ms)' },
      { key: 'heartbeatInterval', label: 'Work time and resend interval (ms)' },
    ],
    option: null,
    hint: (nodes) => (nodes.every((n) => (n.state as AtomicState).log.length === 0 && (n.state as AtomicState).round === null && (n.state as AtomicState).working === null)
      ? `${name} waits for a transaction: select S1, the coordinator, and send "tx t1" (add "no 3" to make S3 vote no).`
      : null),
    tableNote: (nodes) => {
      const doubt = nodes.filter((n) => n.up && n.id !== COORDINATOR && inDoubt(n.state as AtomicState).length > 0);
      if (doubt.length === 0) return null;
      const coordinatorUp = nodes.find((n) => n.id === COORDINATOR)?.up ?? true;
      return `${doubt.map((n) => `S${n.id}`).join(', ')} ${doubt.length === 1 ? 'is' : 'are'} in doubt: voted yes, no decision yet, locks held${coordinatorUp ? '' : ', and the coordinator is down'}.`;
    },
  };
}

/** The coordinator's state is known by its id alone; a fresh coordinator has nothing else to show it. */
function isCoordinatorState(_s: AtomicState): boolean {
  return false;
}

/** One transaction across the cluster: each participant's standing, its lock, and the coordinator's word. */
export interface AtomicRow {
  tx: string;
  coordinator: string;
  cells: { id: number; up: boolean; status: ParticipantStatus; locked: boolean }[];
}

/** The transactions table: every transaction any node knows of, in the order they began. */
export function atomicRows(nodes: readonly NodeFacts[]): AtomicRow[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const note = (tx: string) => { if (!seen.has(tx)) { seen.add(tx); order.push(tx); } };
  const coordinator = nodes.find((n) => n.id === COORDINATOR);
  const cs = coordinator?.state as AtomicState | undefined;
  for (const n of nodes) {
    const s = n.state as AtomicState;
    for (const r of s.log) note(r.tx);
    if (s.working !== null) note(s.working.id);
  }
  if (cs?.round) note(cs.round.tx.id);
  for (const q of cs?.queue ?? []) note(q.id);
  return order.map((tx) => ({
    tx,
    coordinator: cs === undefined ? '—' : coordinatorWord(cs, tx, coordinator!.up),
    cells: nodes.filter((n) => n.id !== COORDINATOR).map((n) => {
      const s = n.state as AtomicState;
      return { id: n.id, up: n.up, status: statusOf(s, tx), locked: locks(s).includes(tx) };
    }),
  }));
}

function coordinatorWord(s: AtomicState, tx: string, up: boolean): string {
  const d = decisionOf(s, tx);
  const logged = s.log.some((r) => r.tx === tx && r.rec === d);
  if (d !== null) return `${d}${logged ? '' : ' (not yet logged)'}${s.log.some((r) => r.tx === tx && r.rec === 'end') ? ', end' : ''}`;
  if (s.round?.tx.id === tx) return s.round.phase === 'work' ? 'at work' : s.round.phase === 'votes' ? 'collecting votes' : 'pre-committing';
  if (s.queue.some((q) => q.id === tx)) return 'queued';
  return up ? 'no record' : 'down';
}

export { atomicView };
