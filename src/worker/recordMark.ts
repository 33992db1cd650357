import type { TraceRecord } from '../engine/sim/types';

/**
 * What an event marks, for the timeline and the space-time diagram's lanes alike (one
 * classification, so the two cannot disagree on what an election or a commit is):
 * - `election`: a candidate starts (Raft's election timeout, a Paxos or Multi-Paxos prepare);
 * - `leader`: a new leader;
 * - `commit`: the cluster commits (Raft's leader on an acknowledgement, Multi-Paxos deciding, Paxos learning);
 * - `apply`: a node applies entries otherwise (a Raft follower catching up with the leader's commit);
 * - `blocked`: an atomic-commit participant's timer runs out while it is in doubt;
 * - `request`: a client's command; `crash` and `recover`; `fault`: any other fault the user caused
 *   (the student's delivery choices and clients' operations are too many to mark).
 * A refused action marks nothing, except a refused request: the client still asked.
 */
export type RecordMark = 'election' | 'leader' | 'commit' | 'apply' | 'blocked' | 'request' | 'crash' | 'recover' | 'fault';

const FAULTS = new Set(['partition', 'heal', 'cut', 'restore', 'drop', 'network', 'pause', 'resume', 'drift']);

export function recordMark(rec: TraceRecord<{ type: string }>): RecordMark | null {
  if (rec.action?.type === 'request') return 'request';
  if (rec.kind === 'refused') return null;
  if (rec.action?.type === 'crash' || rec.action?.type === 'recover') return rec.action.type;
  if (rec.action !== undefined && FAULTS.has(rec.action.type)) return 'fault';
  // A message delivered or a timer fired by hand carries its action, and marks what its handler did.
  if (rec.rule === 'raft.electionTimeout' || rec.rule === 'paxos.prepare' || rec.rule === 'multipaxos.prepare') return 'election';
  if (rec.rule === 'raft.becomeLeader' || rec.rule === 'multipaxos.lead') return 'leader';
  // Atomic commit: a coordinator's or a backup's decision (a participant only learns it).
  if (rec.rule === '2pc.decide' || rec.rule === '3pc.decide') return 'commit';
  if (rec.rule === '2pc.inDoubt' || rec.rule === '3pc.inDoubt') return 'blocked';
  if (rec.rule === 'paxos.learn' || (rec.applied !== undefined && (rec.rule === 'raft.logResponse' || rec.rule === 'multipaxos.decide'))) return 'commit';
  if (rec.applied !== undefined) return 'apply';
  return null;
}
