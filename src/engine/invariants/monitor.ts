import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';

export interface Violation {
  /** The safety property that broke, e.g. 'electionSafety'. */
  predicate: string;
  /** The event after which it was found. */
  seq: number;
  t: number;
  nodes: NodeId[];
  text: string;
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
  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<S>[]): Violation[];
  clone(): SafetyMonitor<S>;
}
