import type { Pseudocode } from '../engine/sim/pseudocode';
import type { MarkerKind } from '../worker/protocol';
import { threepcView, twopcView } from './protocolViews/atomic';
import { multipaxosView } from './protocolViews/multipaxos';
import { paxosView } from './protocolViews/paxos';
import { raftView } from './protocolViews/raft';

/**
 * How each protocol is drawn: one descriptor per protocol, and the only place in the UI
 * that reads a protocol's engine state. Generic views (the cluster, node details, the
 * timeline, cluster settings) ask it for words and fields; adding a protocol adds a
 * descriptor here and touches no generic view.
 */
export interface ProtocolView {
  /** The protocol's name, as the header shows it. */
  name: string;
  /** The badge on a server in the cluster view (atomic commit's roles go by node id: S1 coordinates); `up` false for a crashed server. */
  badge(state: unknown, id: number, up?: boolean): Badge;
  /** Every state variable of a node: persistent ones survive a crash, volatile ones do not. */
  details(node: NodeFacts, ids: readonly number[]): { persistent: DetailField[]; volatile: DetailField[] };
  /** What each kind of timeline mark means in this protocol; null for a kind it never makes. */
  marks: Readonly<Record<MarkerKind, string | null>>;
  /** The legend's words for the ticked ring a server's countdown draws around it (what runs out), or null if none draws one. */
  timerRing: string | null;
  /** The timing settings this protocol uses, under its own names for them. */
  timing: readonly TimingField[];
  /** The protocol's one switch in the cluster settings, if any. */
  option: { key: 'noopOnElection' | 'backoff'; label: string; title: string } | null;
  /** Said over the cluster when the run stands still until the user acts, else null. */
  hint(nodes: readonly NodeFacts[]): string | null;
  /** Said above the protocol's table when something there waits and the table alone does not say why, else null; `bugs` are the run's broken rules, which may change why. */
  tableNote(nodes: readonly NodeFacts[], bugs: readonly string[]): string | null;
  /** The lecture's pseudocode: the lines its handlers mark as they run, for the pseudocode panel. */
  pseudocode: Pseudocode;
  /** Names the legend gives message types where this protocol's differ from the shared table (2PC's Prepare is not Paxos's 1a). */
  messageLabels?: Readonly<Record<string, string>>;
  /** The roles the legend lists, when not Raft's. */
  roles?: Readonly<Record<string, { label: string }>>;
  /** The protocol's own table under the cluster (a grid of words), when it has no dedicated panel. */
  table?: (nodes: readonly NodeFacts[]) => TableModel;
  /** What a client asks of a server in this protocol: the node panel's Send and the R key both send `command.next(n)`. */
  command: CommandWords;
  /** 2PC/3PC: whether node `id` votes, so its panel offers its own vote setting (the scenario's voteNo). */
  votes?: (id: number) => boolean;
  /** Leadership transfer, where the protocol has it: whether the node leads (may hand over), and to whom it is handing over. */
  transfer?: (state: unknown) => { leads: boolean; handingTo: number | null };
}


/** A table as words: a caption, column heads, and rows of cells each with an optional tone for its colour. */
export interface TableModel {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly TableCell[] }[];
}

export interface TableCell {
  text: string;
  /** A style key (e.g. 'committed', 'in-doubt'); also the cell's data-tone for tests. */
  tone?: string;
  /** Drawn with a padlock: a lock held on this row's item. */
  locked?: boolean;
}

export interface CommandWords {
  /**
   * The n-th command a user sends without typing one: one the protocol accepts (R sends it),
   * given the servers as the page holds them (a transaction's id must be one no server knows).
   */
  next(n: number, nodes: readonly NodeFacts[]): string;
  valid(text: string): boolean;
  /** Said when the text is not valid. */
  invalid: string;
  /** The submit button's name for server `id`. */
  send(id: number): string;
  /** The forced-timeout button's name for server `id`. */
  timeout(id: number): string;
}

/** What the views hold of a node: its state as the engine keeps it (a long log only as its tail). */
export interface NodeFacts {
  id: number;
  up: boolean;
  state: unknown;
  /** Log entries left out before the state's log (Raft snapshots carry the tail only). */
  logStart: number;
}

export interface Badge {
  /** data-role and the style key: raft roles, or paxos 'proposer' | 'acceptor' | 'learned'. */
  role: string;
  label: string;
  /** A shorter label, for a server whose label would otherwise be squeezed past reading (a small view, a server at its side). */
  short?: string;
  /** A number for data-term: Raft's currentTerm, Paxos's promised round. */
  term: number;
  /** Two short lines inside the circle (the view fits them to it). */
  lines: [string, string];
  dashed: boolean;
  strong: boolean;
  /** Locks the server holds (atomic commit), drawn as a padlock beside it with these words; absent when none. */
  lock?: string;
}

export interface DetailField {
  name: string;
  /** The paper's or the lecture's other name, shown small. */
  alias?: string;
  value: string;
}

export interface TimingField {
  key: 'electionTimeoutMin' | 'electionTimeoutMax' | 'heartbeatInterval';
  label: string;
}

const VIEWS: Readonly<Record<string, ProtocolView>> = { raft: raftView, paxos: paxosView, multipaxos: multipaxosView, '2pc': twopcView, '3pc': threepcView };

export function viewOf(protocol: string): ProtocolView {
  return VIEWS[protocol] ?? raftView;
}

/** A value cut to fit a node's badge: the details panel shows it whole. */
export function short(v: string, max = 8): string {
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}
