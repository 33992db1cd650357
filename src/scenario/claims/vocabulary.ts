import type { MultiPaxosState } from '../../engine/multipaxos/types';
import type { Ballot } from '../../engine/paxos/ballot';
import type { PaxosState } from '../../engine/paxos/types';
import type { RaftState } from '../../engine/raft/types';
import { applyEntry, EMPTY_MACHINE } from '../../engine/clients/machine';
import { decisionOf, locks, statusOf } from '../../engine/twopc/log';
import type { AtomicState, ParticipantStatus } from '../../engine/twopc/types';

/**
 * What a claim may name, per protocol, in the lectures' words: the fields of a server's state,
 * the messages and their fields, and the safety checks. From the engine come only types and
 * small pure readers (a participant's standing, the store's commands), so the page can validate
 * a link's claims without loading the simulation (that lives in the worker).
 */

/** A value as claims compare it: a number, a word or text, or none. Servers are "S3", ballots "(1, S5)". */
export type Scalar = string | number | null;
export type Value = Scalar | readonly Scalar[];

export interface FieldSpec {
  /** How a lecturer writes it: `log[3] term`, with the index captured. */
  readonly pattern: RegExp;
  /** For the error that lists what may be named. */
  readonly shown: string;
  /** The value is a list (a log's commands): compared whole with =, or with has / lacks. */
  readonly list?: boolean;
  /**
   * The words the value may be (aliases included), each to the word the field reads; a claim
   * with any other word is refused as it is typed.
   */
  readonly values?: Readonly<Record<string, string>>;
  /** Reads the value from a server's state; `arg` is the captured index or name. */
  readonly read: (state: never, arg: string | undefined) => Value;
}

const server = (id: number | null): Scalar => (id === null ? null : `S${id}`);
export const ballotValue = (b: Ballot | null): Scalar => (b === null ? null : `(${b[0]}, S${b[1]})`);
const entry = (arg: string | undefined) => Number(arg) - 1;

const raftField = (pattern: RegExp, shown: string, read: (s: RaftState, arg: string | undefined) => Value, list = false): FieldSpec =>
  ({ pattern, shown, read: read as FieldSpec['read'], list });
const paxosField = (pattern: RegExp, shown: string, read: (s: PaxosState, arg: string | undefined) => Value): FieldSpec =>
  ({ pattern, shown, read: read as FieldSpec['read'] });
const multiField = (pattern: RegExp, shown: string, read: (s: MultiPaxosState, arg: string | undefined) => Value): FieldSpec =>
  ({ pattern, shown, read: read as FieldSpec['read'] });

const committed = (s: RaftState) => s.log.slice(0, s.commitLength).map((e) => e.command);

/** The store after these commands, clients' commands included (each client's request applied once). */
function store(commands: Iterable<string>): Readonly<Record<string, string>> {
  let m = EMPTY_MACHINE;
  let index = 1;
  for (const c of commands) m = applyEntry(m, c, index++).machine;
  return m.kv;
}

/** A participant's standing on a transaction, in the words the transactions table uses. */
const STANDING: Readonly<Record<ParticipantStatus, string | null>> = {
  unknown: null, working: 'working', uncertain: 'in doubt', precommitted: 'pre-committed', committed: 'committed', aborted: 'aborted',
};
const STANDING_WORDS = {
  working: 'working', 'in doubt': 'in doubt', uncertain: 'in doubt', 'voted yes': 'in doubt',
  'pre-committed': 'pre-committed', precommitted: 'pre-committed', committed: 'committed', aborted: 'aborted', none: 'none',
};
const atomicField = (pattern: RegExp, shown: string, read: (s: AtomicState, arg: string | undefined) => Value, more: Partial<FieldSpec> = {}): FieldSpec =>
  ({ pattern, shown, read: read as FieldSpec['read'], ...more });

/** A participant's vote: yes once written to its log; no if it aborted without one (it answers no if asked). */
function voteOf(s: AtomicState, tx: string): Scalar {
  if (s.log.recordsOf(tx).includes('yes')) return 'yes';
  return statusOf(s, tx) === 'aborted' ? 'no' : null;
}

/** 2PC and 3PC name the same state. */
const ATOMIC_FIELDS: readonly FieldSpec[] = [
  atomicField(/^tx (\S+)$/i, 'tx <id> (working, in doubt, pre-committed, committed, aborted, none)', (s, tx) => STANDING[statusOf(s, tx!)], { values: STANDING_WORDS }),
  atomicField(/^vote (\S+)$/i, 'vote <id> (yes, no, none)', (s, tx) => voteOf(s, tx!), { values: { yes: 'yes', no: 'no', none: 'none' } }),
  atomicField(/^decision (\S+)$/i, 'decision <id> (commit, abort, none)', (s, tx) => decisionOf(s, tx!), { values: { commit: 'commit', abort: 'abort', none: 'none' } }),
  atomicField(/^locks$/i, 'locks (the transactions whose locks it holds)', (s) => locks(s), { list: true }),
  atomicField(/^log$/i, 'log (its durable records: yes t1, commit t1, end t1...)', (s) => s.log.slice().map((r) => `${r.rec} ${r.tx}`), { list: true }),
  atomicField(/^backup$/i, 'backup (3PC: the transaction it leads the termination protocol for)', (s) => s.termination?.tx ?? null),
];

export const FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  raft: [
    raftField(/^role$/i, 'role', (s) => s.currentRole),
    raftField(/^(?:current)?term$/i, 'term', (s) => s.currentTerm),
    raftField(/^votedFor$/i, 'votedFor', (s) => server(s.votedFor)),
    raftField(/^leader$/i, 'leader (the leader it knows)', (s) => server(s.currentLeader)),
    raftField(/^votes$/i, 'votes (how many it has received)', (s) => s.votesReceived.length),
    raftField(/^log length$/i, 'log length', (s) => s.log.length),
    raftField(/^commitLength$/i, 'commitLength', (s) => s.commitLength),
    raftField(/^log\[(\d+)\] term$/i, 'log[i] term', (s, i) => s.log.at(entry(i))?.term ?? null),
    raftField(/^log\[(\d+)\]$/i, 'log[i] (the command at index i, from 1)', (s, i) => s.log.at(entry(i))?.command ?? null),
    raftField(/^log$/i, 'log (its commands)', (s) => s.log.slice().map((e) => e.command), true),
    raftField(/^committed$/i, 'committed (its committed commands)', committed, true),
    raftField(/^kv (\S+)$/i, 'kv <key> (its key-value store)', (s, k) => store(committed(s))[k!] ?? null),
    raftField(/^sentLength\[S(\d+)\]$/i, 'sentLength[Sk]', (s, k) => s.sentLength[Number(k)] ?? null),
    raftField(/^ackedLength\[S(\d+)\]$/i, 'ackedLength[Sk]', (s, k) => s.ackedLength[Number(k)] ?? null),
  ],
  paxos: [
    paxosField(/^learned$/i, 'learned', (s) => s.learned),
    paxosField(/^phase$/i, 'phase (idle, prepare, accept, backoff, done)', (s) => s.phase),
    paxosField(/^promised$/i, 'promised (a ballot)', (s) => ballotValue(s.promised)),
    paxosField(/^accepted$/i, 'accepted (the value)', (s) => s.accepted?.value ?? null),
    paxosField(/^accepted ballot$/i, 'accepted ballot', (s) => ballotValue(s.accepted?.ballot ?? null)),
    paxosField(/^proposal$/i, 'proposal (the value it sent in phase 2)', (s) => s.proposal),
    paxosField(/^value$/i, 'value (its client\'s value)', (s) => s.value),
    paxosField(/^ballot$/i, 'ballot', (s) => ballotValue(s.ballot)),
    paxosField(/^backoffs$/i, 'backoffs (preempted this many times in a row)', (s) => s.backoffs),
  ],
  multipaxos: [
    multiField(/^role$/i, 'role', (s) => s.role),
    multiField(/^leader$/i, 'leader', (s) => server(s.leader)),
    multiField(/^ballot$/i, 'ballot', (s) => ballotValue(s.ballot)),
    multiField(/^promised$/i, 'promised', (s) => ballotValue(s.promised)),
    multiField(/^applied$/i, 'applied (slots applied in order)', (s) => s.applied),
    multiField(/^slot (\d+)$/i, 'slot k (the value it decided there)', (s, k) => s.decided.get(Number(k)) ?? null),
    multiField(/^proposed slot (\d+)$/i, 'proposed slot k (what it proposed there as leader)', (s, k) => s.proposals.get(Number(k)) ?? null),
    multiField(/^accepted slot (\d+)$/i, 'accepted slot k', (s, k) => s.accepted.get(Number(k))?.value ?? null),
    multiField(/^kv (\S+)$/i, 'kv <key>', (s, k) => {
      const cmds: string[] = [];
      for (let i = 1; i <= s.applied; i++) cmds.push(s.decided.get(i) ?? '');
      return store(cmds)[k!] ?? null;
    }),
  ],
  '2pc': ATOMIC_FIELDS,
  '3pc': ATOMIC_FIELDS,
};

const ATOMIC_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  Begin: ['tx'], Prepare: ['tx'], Vote: ['tx', 'vote'], Decision: ['tx', 'decision'], Ack: ['tx'], AskDecision: ['tx'],
};

/** Messages and the fields a claim may filter them by (a list field is compared by its length). */
export const MESSAGES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  raft: {
    VoteRequest: ['candidateId', 'term', 'logLength', 'logTerm'],
    VoteResponse: ['voterId', 'term', 'granted'],
    LogRequest: ['leaderId', 'term', 'prefixLen', 'prefixTerm', 'leaderCommit', 'suffix'],
    LogResponse: ['follower', 'term', 'ack', 'success'],
    ClientRequest: ['command'],
  },
  paxos: {
    Prepare: ['ballot'], Promise: ['ballot'], Nack: ['ballot', 'promised'],
    Accept: ['ballot', 'value'], Accepted: ['ballot', 'value'],
  },
  multipaxos: {
    Prepare: ['ballot'], Promise: ['ballot'], Nack: ['ballot', 'promised'],
    Accept: ['ballot', 'slot', 'value'], Accepted: ['ballot', 'slot', 'value'],
    Heartbeat: ['ballot', 'applied'], HeartbeatAck: ['ballot', 'follower'], CatchUp: ['from'], Decide: ['entries'], ClientRequest: ['command'],
  },
  '2pc': ATOMIC_MESSAGES,
  '3pc': { ...ATOMIC_MESSAGES, PreCommit: ['tx'], PreAck: ['tx'], StateReq: ['tx'], StateReport: ['tx', 'status'] },
};

/** Fields that name a server: written S3, carried as 3. */
export const SERVER_FIELDS: ReadonlySet<string> = new Set(['candidateId', 'voterId', 'leaderId', 'follower']);

/** The safety checks, by name (a test keeps these equal to the monitors' own lists). */
export const PREDICATES: Readonly<Record<string, readonly string[]>> = {
  raft: ['electionSafety', 'leaderAppendOnly', 'logMatching', 'leaderCompleteness', 'committedPrefix', 'termMonotonic', 'singleVote'],
  paxos: ['onlyProposedChosen', 'atMostOneChosen', 'learnedOnlyChosen', 'acceptNotBelowPromise', 'promiseMonotonic'],
  multipaxos: ['onlyProposedChosen', 'atMostOneChosenPerSlot', 'decidedOnlyChosen', 'replicasAgree', 'appliedInOrder', 'acceptNotBelowPromise', 'promiseMonotonic'],
  '2pc': ['atomicity', 'validity', 'decisionFinal', 'durableLogKept'],
  '3pc': ['atomicity', 'validity', 'decisionFinal', 'durableLogKept'],
};

/** The checks a scenario runs: its protocol's, with clients the linearizability of their history, with a storage node its fencing. */
export function predicatesOf(protocol: string, clients: boolean, storage = false): readonly string[] {
  return clients ? [...PREDICATES[protocol], 'linearizable', ...(storage ? ['fencing'] : [])] : PREDICATES[protocol];
}

/** A server's role as the protocol names it (Paxos has no leader). */
export function roleOf(protocol: string, state: unknown): string | null {
  if (protocol === 'raft') return (state as RaftState).currentRole;
  if (protocol === 'multipaxos') return (state as MultiPaxosState).role;
  return null;
}

/** A claim to show as an example where claims are typed. */
export function exampleClaim(protocol: string, clients: boolean): string {
  if (clients) return 'client 2 get x returned 1';
  return ({ paxos: 'S1 learned = blue', '2pc': 'S2 tx t1 = in doubt', '3pc': 'S2 tx t1 = in doubt' } as Record<string, string>)[protocol] ?? 'S3 role = leader';
}
