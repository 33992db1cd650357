import { PAXOS_PSEUDOCODE } from '../../engine/paxos/pseudocode';
import { awaitsProposal } from '../../engine/paxos/awaitsProposal';
import { ballotText } from '../../engine/paxos/ballot';
import type { PaxosState } from '../../engine/paxos/types';
import { majority } from '../../engine/quorum/quorum';
import { type NodeFacts, type ProtocolView, short } from '../protocolView';

/** Single-decree Paxos: every node an acceptor and a learner, and a proposer when asked for a value. */
export const paxosView: ProtocolView = {
  pseudocode: PAXOS_PSEUDOCODE,
  name: 'Paxos',
  badge(state) {
    const s = state as PaxosState;
    const proposing = s.phase === 'prepare' || s.phase === 'accept' || s.phase === 'backoff';
    const role = proposing ? 'proposer' : s.learned !== null ? 'learned' : 'acceptor';
    return {
      role,
      label: proposing ? `PROPOSER · ${s.phase.toUpperCase()}` : s.learned !== null ? `LEARNED "${short(s.learned, 10)}"` : 'ACCEPTOR',
      // The phase alone: the circle's colour and outline already say proposer (the legend's "proposer").
      short: proposing ? s.phase.toUpperCase() : s.learned !== null ? 'LEARNED' : undefined,
      term: s.promised?.[0] ?? 0,
      lines: [`p ${s.promised === null ? '—' : `(${s.promised[0]},S${s.promised[1]})`}`, s.accepted === null ? 'a —' : `a "${short(s.accepted.value)}"`],
      dashed: proposing && s.phase === 'backoff',
      strong: s.learned !== null,
    };
  },
  details({ state }) {
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
  },
  // A prepare opens a new ballot; a learner learning is the decision. Nobody leads.
  marks: { election: 'prepare (new ballot)', leader: null, commit: 'learned', fault: 'fault' },
  // The proposer's timer: how long it waits for answers, and its randomized backoff once preempted.
  timerRing: 'retry timer: time left before it proposes again',
  timing: [
    { key: 'electionTimeoutMin', label: 'Retry / backoff min (ms)' },
    { key: 'electionTimeoutMax', label: 'Retry / backoff max (ms)' },
  ],
  option: { key: 'backoff', label: 'Randomized backoff', title: 'A preempted proposer waits a random time before retrying; without it, dueling proposers can livelock' },
  hint: (nodes) => (awaitsProposal(nodes as readonly { up: boolean; state: PaxosState }[])
    ? 'Paxos waits for a proposal: nothing happens until a client asks a server to propose a value. Select a server and Propose (or press R).'
    : null),
  tableNote: () => null,
  // Paxos agrees on one value, any value: the proposer's own.
  command: {
    next: (n) => `set x ${n}`,
    valid: (text) => text.trim() !== '',
    invalid: 'Type a value to propose.',
    send: (id) => `Propose at S${id}`,
    timeout: (id) => `Retry now at S${id}`,
  },
};

/** One row of the acceptors, proposers and learners table, in words. */
export interface PaxosRow {
  id: number;
  up: boolean;
  promised: string;
  accepted: { value: string; ballot: string } | null;
  learned: string | null;
  proposer: string;
}

export function paxosRows(nodes: readonly NodeFacts[]): PaxosRow[] {
  const quorum = majority(nodes.length);
  return nodes.map(({ id, up, state }) => {
    const s = state as PaxosState;
    return {
      id, up,
      promised: ballotText(s.promised),
      accepted: s.accepted === null ? null : { value: s.accepted.value, ballot: ballotText(s.accepted.ballot) },
      learned: s.learned,
      proposer: proposerText(s, quorum),
    };
  });
}

/** What a proposer is doing, by its phase; 'done' means a value is chosen, whether or not by this proposer's ballot. */
export function proposerText(s: PaxosState, quorum: number): string {
  const ballot = ballotText(s.ballot);
  switch (s.phase) {
    case 'idle': return '—';
    case 'prepare': return `prepare ${ballot} for "${s.value}" · ${s.promises.length} of ${quorum} promises`;
    case 'accept': return `accept ${ballot}: "${s.proposal}"${s.proposal !== s.value ? ` (adopted, not its own "${s.value}")` : ''} · ${s.acceptedBy.length} of ${quorum} accepts`;
    case 'backoff': return `preempted at ${ballot}: backs off, then retries "${s.value}"`;
    case 'done': {
      if (s.proposal === s.learned && s.acceptedBy.length >= quorum) return `done: its proposal "${s.learned}" is chosen at ${ballot}, accepted by ${s.acceptedBy.length} (${quorum} needed)`;
      return s.learned === s.value ? `done: "${s.learned}" is chosen, its own value` : `done: "${s.learned}" is chosen, not its own "${s.value}"`;
    }
  }
}
