import { RAFT_PSEUDOCODE } from '../../engine/raft/pseudocode';
import { type LeaderFacts, olderTermWait } from '../../engine/raft/waitingForOwnTerm';
import type { RaftState } from '../../engine/raft/types';
import type { NodeFacts, ProtocolView } from '../protocolView';
import { kvCommandWords } from './kvCommands';

/** Raft in the lectures' names, with the paper's beside them. */
export const raftView: ProtocolView = {
  pseudocode: RAFT_PSEUDOCODE,
  name: 'Raft',
  badge(state) {
    const s = state as RaftState;
    return {
      role: s.currentRole,
      label: s.currentRole.toUpperCase(),
      term: s.currentTerm,
      lines: [`term ${s.currentTerm}`, s.votedFor === null ? 'no vote' : `voted S${s.votedFor}`],
      dashed: s.currentRole === 'candidate',
      strong: s.currentRole === 'leader',
    };
  },
  details({ id: self, state, logStart }, ids) {
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
        { name: 'transferTo', value: s.transferTo === null ? 'null' : `S${s.transferTo} (handing over: no new commands)` },
      ],
    };
  },
  marks: { election: 'election', leader: 'leader', commit: 'commit', fault: 'fault' },
  timerRing: 'election timer: time left before it stands for election',
  timing: [
    { key: 'electionTimeoutMin', label: 'Election timeout min (ms)' },
    { key: 'electionTimeoutMax', label: 'Election timeout max (ms)' },
    { key: 'heartbeatInterval', label: 'Heartbeat (ms)' },
  ],
  option: { key: 'noopOnElection', label: 'No-op on election', title: 'A new leader appends an empty entry of its own term, which commits the entries it inherited' },
  hint: () => null,
  tableNote: olderTermNote,
  command: kvCommandWords('Send to', 'Time out'),
  transfer: (state) => {
    const s = state as RaftState;
    return { leads: s.currentRole === 'leader', handingTo: s.transferTo ?? null };
  },
};

/** Why a leader's inherited entries stay uncommitted (Figure 8's rule), from the engine's reading of its state. */
function olderTermNote(nodes: readonly NodeFacts[], bugs: readonly string[]): string | null {
  // A deposed leader may linger in a minority: speak of the newest one.
  let found: { id: number; first: number; last: number; term: number } | null = null;
  for (const n of nodes) {
    const wait = n.up ? olderTermWait(n.state as LeaderFacts, n.logStart, bugs) : null;
    if (wait !== null && (found === null || wait.term > found.term)) found = { id: n.id, ...wait };
  }
  if (found === null) return null;
  const entries = found.first === found.last ? `entry ${found.first}` : `entries ${found.first}–${found.last}`;
  // Two lines at projector size: the narration beside it tells the story at length.
  return `Leader S${found.id} cannot commit ${entries} (an older term) by counting; it commits when an entry of term ${found.term} `
    + '(the next command, or a no-op) reaches a majority.';
}
