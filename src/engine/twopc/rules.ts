import type { Context } from '../sim/protocol';
import type { AtomicOut } from './state';
import type { AtomicState } from './types';

/**
 * Where three-phase commit departs from two-phase commit. The handlers both share take
 * these, so each protocol's folder states its own rules and the shared ones stay one file each.
 */
export interface CommitRules {
  /** '2pc' or '3pc': the prefix of every rule name in the trace. */
  readonly name: string;
  /** Every participant voted yes: 2PC decides commit; 3PC first sends PreCommit. */
  allYes(s: AtomicState, out: AtomicOut, ctx: Context): AtomicState;
  /** The rule that step reports under: 'decide' (2PC) or 'precommit' (3PC). */
  readonly allYesRule: string;
  /** A participant's timer after it voted yes: 2PC waits for the coordinator; 3PC staggers it by rank for the termination protocol. */
  startDoubtTimer(out: AtomicOut, ctx: Context): void;
  /** Its timer fires while it is in doubt: 2PC asks the coordinator; 3PC runs the termination protocol. */
  onDoubt(s: AtomicState, doubt: readonly string[], out: AtomicOut, ctx: Context): AtomicState;
  /** The lecture's word for a participant that voted yes and has no decision: 2PC "in doubt", 3PC "uncertain". */
  readonly doubtWord: 'in doubt' | 'uncertain';
  /** The event log's sentence for it. */
  doubtText(self: number, doubt: readonly string[]): string;
  /** Who a recovered participant in doubt asks: 2PC the coordinator; 3PC every other node. */
  askWhom(ctx: Context): readonly number[];
  /** The coordinator has no record of a transaction it is asked about: 2PC presumes abort; 3PC cannot (the participants may have committed without it). */
  readonly presumeAbort: boolean;
}

/** The rule name a shared handler reports under, e.g. '2pc.decide'. */
export const rule = (rules: CommitRules, what: string) => `${rules.name}.${what}`;
