import { MULTIPAXOS_PSEUDOCODE } from '../../engine/multipaxos/pseudocode';
import { ballotText } from '../../engine/paxos/ballot';
import type { MultiPaxosView } from '../../engine/multipaxos/types';
import type { ProtocolView } from '../protocolView';
import { kvCommandWords } from './kvCommands';

/** Multi-Paxos: acceptors that promise once for all slots, replicas that apply decided slots in order. */
export const multipaxosView: ProtocolView = {
  pseudocode: MULTIPAXOS_PSEUDOCODE,
  name: 'Multi-Paxos',
  badge(state) {
    const s = state as MultiPaxosView;
    return {
      role: s.role === 'leader' ? 'leader' : s.role === 'candidate' ? 'candidate' : 'follower',
      label: s.role.toUpperCase(),
      term: s.promised?.[0] ?? 0,
      lines: [`p ${s.promised === null ? '—' : `(${s.promised[0]},S${s.promised[1]})`}`, `applied ${s.applied}`],
      dashed: s.role === 'candidate',
      strong: s.role === 'leader',
    };
  },
  details({ state }) {
    const s = state as MultiPaxosView;
    return {
      persistent: [
        { name: 'promised', alias: 'acceptor, all slots', value: ballotText(s.promised) },
        { name: 'accepted', alias: 'acceptor', value: slots(s.slotCounts.accepted) },
        { name: 'decided', alias: 'replica', value: slots(s.slotCounts.decided) },
        { name: 'applied', alias: 'replica', value: s.applied === 0 ? 'none yet' : s.applied === 1 ? 'slot 1' : `slots 1–${s.applied}` },
      ],
      volatile: [
        { name: 'role', value: s.role },
        { name: 'leader', value: s.leader === null ? 'unknown' : `S${s.leader}` },
        { name: 'ballot', alias: 'as candidate or leader', value: ballotText(s.ballot) },
        { name: 'next slot', alias: 'leader', value: s.role === 'leader' ? String(s.nextSlot) : '—' },
        { name: 'held commands', value: s.pending.length === 0 ? 'none' : s.pending.join('; ') },
      ],
    };
  },
  // A candidate's phase 1 for all slots, a leader adopted by a majority, a slot decided and applied.
  marks: { election: 'phase 1 (candidate)', leader: 'new leader', commit: 'decided', fault: 'fault' },
  // Followers suspect the leader when its heartbeats stop for a randomized while.
  timerRing: 'election timer: time left before it runs phase 1',
  timing: [
    { key: 'electionTimeoutMin', label: 'Leader timeout min (ms)' },
    { key: 'electionTimeoutMax', label: 'Leader timeout max (ms)' },
    { key: 'heartbeatInterval', label: 'Heartbeat (ms)' },
  ],
  option: null,
  hint: () => null,
  tableNote: () => null,
  command: kvCommandWords('Propose at', 'Retry now at'),
};

function slots(n: number): string {
  return n === 0 ? 'none' : `${n} slot${n === 1 ? '' : 's'}`;
}
