import { CLIENT_BUG_RULES, CLIENT_BUGS, MULTIPAXOS_CLIENT_BUG_RULES } from '../engine/clients/bugs';
import { MULTIPAXOS_BUG_RULES, MULTIPAXOS_BUGS } from '../engine/multipaxos/bugs';
import { PAXOS_BUG_RULES, PAXOS_BUGS } from '../engine/paxos/bugs';
import { RAFT_BUG_RULES, RAFT_BUGS, RAFT_LIVENESS_BUGS } from '../engine/raft/bugs';
import { THREEPC_BUG_RULES, THREEPC_BUGS } from '../engine/threepc/bugs';
import { TWOPC_BUG_RULES, TWOPC_BUGS } from '../engine/twopc/bugs';

/**
 * The mutants each protocol understands, for validating scenarios. Only the catalogues:
 * the page that validates a link need not load the engine itself (that lives in the worker).
 */
export const BUGS_BY_PROTOCOL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  raft: { ...RAFT_BUGS, ...CLIENT_BUGS },
  paxos: PAXOS_BUGS,
  multipaxos: { ...MULTIPAXOS_BUGS, ...CLIENT_BUGS },
  '2pc': TWOPC_BUGS,
  '3pc': THREEPC_BUGS,
};

export interface BrokenRule {
  bug: string;
  /** The rule broken, in the lectures' words ("commit an old-term entry by counting replicas"). */
  label: string;
  /** What the mutant does, in full. */
  description: string;
  /** The pseudocode line it breaks (none for a client-side rule, which the protocol's pseudocode does not show). */
  line?: string;
  /** It cannot break safety, only progress: the liveness watch, not a safety check, shows it. */
  livenessOnly: boolean;
}

const RULES: Readonly<Record<string, Readonly<Record<string, { label: string; line?: string }>>>> = {
  raft: { ...RAFT_BUG_RULES, ...CLIENT_BUG_RULES }, paxos: PAXOS_BUG_RULES, multipaxos: { ...MULTIPAXOS_BUG_RULES, ...MULTIPAXOS_CLIENT_BUG_RULES },
  '2pc': TWOPC_BUG_RULES, '3pc': THREEPC_BUG_RULES,
};

/** The rules a page can offer to break for a protocol, in catalogue order. */
export function brokenRules(protocol: string): BrokenRule[] {
  return Object.entries(BUGS_BY_PROTOCOL[protocol] ?? {}).map(([bug, description]) => ({
    bug, description, ...RULES[protocol][bug], livenessOnly: protocol === 'raft' && RAFT_LIVENESS_BUGS.has(bug),
  }));
}
