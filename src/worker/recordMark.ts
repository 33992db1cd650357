import type { TraceRecord } from '../engine/sim/types';

/**
 * What an event marks, for the timeline and the space-time diagram's lanes alike (one
 * classification, so the two cannot disagree on what an election or a commit is):
 * - `election`: a candidate starts (Raft's election timeout, a Paxos or Multi-Paxos prepare);
 * - `leader`: a new leader;
 * - `commit`: the cluster commits (Raft's leader on an acknowledgement, Multi-Paxos deciding, Paxos learning);
 * - `apply`: a node applies entries otherwise (a Raft follower catching up with the leader's commit);
 * - `request`: a client's command; `crash` and `recover`; `fault`: any other fault the user caused.
 * A refused action marks nothing, except a refused request: the client still asked.
 */
export type RecordMark = 'election' | 'leader' | 'commit' | 'apply' | 'request' | 'crash' | 'recover' | 'fault';

export function recordMark(rec: TraceRecord<{ type: string }>): RecordMark | null {
  if (rec.action?.type === 'request') return 'request';
  if (rec.kind === 'refused') return null;
  if (rec.action !== undefined) return rec.action.type === 'crash' || rec.action.type === 'recover' ? rec.action.type : rec.action.type === 'timeout' ? null : 'fault';
  if (rec.rule === 'raft.electionTimeout' || rec.rule === 'paxos.prepare' || rec.rule === 'multipaxos.prepare') return 'election';
  if (rec.rule === 'raft.becomeLeader' || rec.rule === 'multipaxos.lead') return 'leader';
  if (rec.rule === 'paxos.learn' || (rec.applied !== undefined && (rec.rule === 'raft.logResponse' || rec.rule === 'multipaxos.decide'))) return 'commit';
  if (rec.applied !== undefined) return 'apply';
  return null;
}
