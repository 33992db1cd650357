import { MULTIPAXOS_BUGS } from '../engine/multipaxos/bugs';
import { PAXOS_BUGS } from '../engine/paxos/bugs';
import { RAFT_BUGS } from '../engine/raft/bugs';
import { THREEPC_BUGS } from '../engine/threepc/bugs';
import { TWOPC_BUGS } from '../engine/twopc/bugs';

/**
 * The mutants each protocol understands, for validating scenarios. Only the catalogues:
 * the page that validates a link need not load the engine itself (that lives in the worker).
 */
export const BUGS_BY_PROTOCOL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  raft: RAFT_BUGS,
  paxos: PAXOS_BUGS,
  multipaxos: MULTIPAXOS_BUGS,
  '2pc': TWOPC_BUGS,
  '3pc': THREEPC_BUGS,
};
