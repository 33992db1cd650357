import { ballotText } from '../engine/paxos/ballot';
import type { MultiPaxosView } from '../engine/multipaxos/types';
import type { PaxosState } from '../engine/paxos/types';
import type { RaftState } from '../engine/raft/types';

/**
 * How each protocol's node state is drawn: the badge on a server in the cluster view, and
 * the fields of the details panel (persistent and volatile apart). One place per protocol.
 */
export interface Badge {
  /** data-role and the style key: raft roles, or paxos 'proposer' | 'acceptor' | 'learned'. */
  role: string;
  label: string;
  /** A number for data-term: Raft's currentTerm, Paxos's promised round. */
  term: number;
  lines: [string, string];
  dashed: boolean;
  strong: boolean;
}

export function badge(protocol: string, state: unknown): Badge {
  if (protocol === 'multipaxos') {
    const s = state as MultiPaxosView;
    return {
      role: s.role === 'leader' ? 'leader' : s.role === 'candidate' ? 'candidate' : 'follower',
      label: s.role.toUpperCase(),
      term: s.promised?.[0] ?? 0,
      lines: [`p ${s.promised === null ? '—' : `(${s.promised[0]},S${s.promised[1]})`}`, `applied ${s.applied}`],
      dashed: s.role === 'candidate',
      strong: s.role === 'leader',
    };
  }
  if (protocol === 'paxos') {
    const s = state as PaxosState;
    const proposing = s.phase === 'prepare' || s.phase === 'accept' || s.phase === 'backoff';
    const role = proposing ? 'proposer' : s.learned !== null ? 'learned' : 'acceptor';
    return {
      role,
      label: proposing ? `PROPOSER · ${s.phase.toUpperCase()}` : s.learned !== null ? `LEARNED "${short(s.learned)}"` : 'ACCEPTOR',
      term: s.promised?.[0] ?? 0,
      lines: [`p ${s.promised === null ? '—' : `(${s.promised[0]},S${s.promised[1]})`}`, s.accepted === null ? 'a —' : `a "${short(s.accepted.value)}"`],
      dashed: proposing && s.phase === 'backoff',
      strong: s.learned !== null,
    };
  }
  const s = state as RaftState;
  return {
    role: s.currentRole,
    label: s.currentRole.toUpperCase(),
    term: s.currentTerm,
    lines: [`term ${s.currentTerm}`, s.votedFor === null ? 'no vote' : `voted S${s.votedFor}`],
    dashed: s.currentRole === 'candidate',
    strong: s.currentRole === 'leader',
  };
}

function short(v: string): string {
  return v.length > 9 ? `${v.slice(0, 8)}…` : v;
}

export interface DetailField {
  name: string;
  /** The paper's or the lecture's other name, shown small. */
  alias?: string;
  value: string;
}

/** Every state variable of a node: persistent ones survive a crash, volatile ones do not. */
export function detailFields(protocol: string, state: unknown, logStart: number, ids: number[], self: number): { persistent: DetailField[]; volatile: DetailField[] } {
  if (protocol === 'multipaxos') {
    const s = state as MultiPaxosView;
    const slots = Object.keys(s.accepted).length;
    return {
      persistent: [
        { name: 'promised', alias: 'acceptor, all slots', value: ballotText(s.promised) },
        { name: 'accepted', alias: 'acceptor', value: `${slots} slot${slots === 1 ? '' : 's'}` },
        { name: 'decided', alias: 'replica', value: `${Object.keys(s.decided).length} slots` },
        { name: 'applied', alias: 'replica', value: `slots 1–${s.applied}` },
      ],
      volatile: [
        { name: 'role', value: s.role },
        { name: 'leader', value: s.leader === null ? 'unknown' : `S${s.leader}` },
        { name: 'ballot', alias: 'as candidate or leader', value: ballotText(s.ballot) },
        { name: 'next slot', alias: 'leader', value: s.role === 'leader' ? String(s.nextSlot) : '—' },
        { name: 'held commands', value: s.pending.length === 0 ? 'none' : s.pending.join('; ') },
      ],
    };
  }
  if (protocol === 'paxos') {
    const s = state as PaxosState;
    return {
      persistent: [
        { name: 'promised', alias: 'acceptor', value: ballotText(s.promised) },
        { name: 'accepted', alias: 'acceptor', value: s.accepted === null ? 'nothing' : `"${s.accepted.value}" at ${ballotText(s.accepted.ballot)}` },
        { name: 'learned', alias: 'learner', value: s.learned === null ? 'nothing yet' : `"${s.learned}"` },
      ],
      volatile: [
        { name: 'phase', alias: 'proposer', value: s.phase },
        { name: 'own value', alias: 'proposer', value: s.value === null ? '—' : `"${s.value}"` },
        { name: 'ballot', alias: 'proposer', value: ballotText(s.ballot) },
        { name: 'promises', alias: 'proposer', value: s.promises.length === 0 ? '—' : s.promises.map((p) => `S${p.from}${p.accepted ? `("${p.accepted.value}")` : ''}`).join(', ') },
        { name: 'proposal', alias: 'proposer', value: s.proposal === null ? '—' : `"${s.proposal}"` },
        { name: 'accepted by', alias: 'proposer', value: s.acceptedBy.length === 0 ? '—' : s.acceptedBy.map((id) => `S${id}`).join(', ') },
      ],
    };
  }
  const s = state as RaftState;
  const perNode = (values: readonly number[]) => (s.currentRole === 'leader' ? ids.filter((id) => id !== self).map((id) => `S${id}: ${values[id] ?? 0}`).join(', ') : '—');
  const n = logStart + s.log.length;
  return {
    persistent: [
      { name: 'currentTerm', value: String(s.currentTerm) },
      { name: 'votedFor', value: s.votedFor === null ? 'null' : `S${s.votedFor}` },
      { name: 'log', value: `${n} entr${n === 1 ? 'y' : 'ies'}` },
      { name: 'commitLength', alias: 'commitIndex', value: String(s.commitLength) },
    ],
    volatile: [
      { name: 'currentRole', value: s.currentRole },
      { name: 'currentLeader', value: s.currentLeader === null ? 'null' : `S${s.currentLeader}` },
      { name: 'votesReceived', value: s.votesReceived.length === 0 ? '{}' : `{${[...s.votesReceived].sort().map((v) => `S${v}`).join(', ')}}` },
      { name: 'sentLength', alias: 'nextIndex', value: perNode(s.sentLength) },
      { name: 'ackedLength', alias: 'matchIndex', value: perNode(s.ackedLength) },
      { name: 'held commands', value: s.pending.length === 0 ? 'none' : s.pending.join('; ') },
    ],
  };
}
