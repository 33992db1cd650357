import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';

/** A log entry or slot on one node. */
export interface Entry {
  readonly node: NodeId;
  readonly index: number;
}

export interface Violation {
  /** The safety property that broke, e.g. 'electionSafety'. */
  predicate: string;
  /** The event after which it was found. */
  seq: number;
  t: number;
  nodes: NodeId[];
  text: string;
  /**
   * The log entries (Raft, index from 1) or slots (Multi-Paxos) the check names, on the nodes
   * that hold them: the page marks them in the logs and the slot table.
   */
  entries?: Entry[];
  /** Linearizability: the key, the operations (history ids) that cannot be ordered, and the stale reads among them. */
  key?: string;
  operations?: number[];
  stale?: number[];
}

/**
 * A safety monitor watches the cluster after every event. It keeps the history the
 * properties need (who led which term, who voted for whom, what was committed), and it
 * can be cloned so that a checkpoint restores it along with the world.
 */
export interface SafetyMonitor<S> {
  /** Every property it checks, with a plain description. */
  readonly predicates: Readonly<Record<string, string>>;
  /** Checks the cluster after event `seq`; `changed` is the node the event touched, if any. */
  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<S>[]): readonly Violation[];
  /**
   * A copy that later observations on either side leave alone. The Controller takes one at
   * every checkpoint, so it shares structure with the original instead of copying the history.
   */
  clone(): SafetyMonitor<S>;
}

/**
 * What every monitor does first: find the node the event changed and its previous state
 * (null when nothing changed), and collect violations under the event's sequence and time.
 */
export function changedNode<S>(
  changed: NodeId | null, nodes: readonly NodeSlot<S>[], prev: (S | undefined)[],
): { id: NodeId; s: S; old: S | undefined } | null {
  if (changed === null) return null;
  const s = nodes[changed - 1].state;
  const old = prev[changed];
  if (s === old) return null;
  prev[changed] = s;
  return { id: changed, s, old };
}

/** What observe returns when an event broke nothing: shared, so the common case allocates nothing. */
export const NO_VIOLATIONS: readonly Violation[] = [];

/**
 * The violations one event breaks, under its sequence number and time. A monitor keeps one
 * and restarts it for every event; the list is made only at the first failure, since nearly
 * every event breaks nothing.
 */
export class Findings<P extends string> {
  private seq = 0;
  private t = 0;
  private found: Violation[] | null = null;

  start(seq: number, t: number): void {
    this.seq = seq;
    this.t = t;
    this.found = null;
  }

  fail(predicate: P, nodes: NodeId[], text: string, entries?: Entry[]): void {
    this.found ??= [];
    this.found.push({ predicate, seq: this.seq, t: this.t, nodes, text, ...(entries === undefined ? {} : { entries }) });
  }

  /** What failed since start. */
  get list(): readonly Violation[] {
    return this.found ?? NO_VIOLATIONS;
  }
}
