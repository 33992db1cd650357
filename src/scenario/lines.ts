import { MULTIPAXOS_PSEUDOCODE } from '../engine/multipaxos/pseudocode';
import { PAXOS_PSEUDOCODE } from '../engine/paxos/pseudocode';
import { RAFT_PSEUDOCODE } from '../engine/raft/pseudocode';
import { lineIds } from '../engine/sim/pseudocode';
import { THREEPC_PSEUDOCODE } from '../engine/threepc/pseudocode';
import { TWOPC_PSEUDOCODE } from '../engine/twopc/pseudocode';

/** The pseudocode line ids a narration step may name, per protocol. */
export const LINES_BY_PROTOCOL: Readonly<Record<string, ReadonlySet<string>>> = {
  raft: new Set(lineIds(RAFT_PSEUDOCODE)),
  paxos: new Set(lineIds(PAXOS_PSEUDOCODE)),
  multipaxos: new Set(lineIds(MULTIPAXOS_PSEUDOCODE)),
  '2pc': new Set(lineIds(TWOPC_PSEUDOCODE)),
  '3pc': new Set(lineIds(THREEPC_PSEUDOCODE)),
};
