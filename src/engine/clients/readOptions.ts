import type { ReadPath } from './types';

/**
 * The protocol options a run's read path switches on. Reads on a leader's lease need the
 * followers' promise not to vote while they follow a leader; reads that confirm leadership
 * (read index, lease) need an answer to each heartbeat: Raft's LogResponse is one;
 * Multi-Paxos followers then send a HeartbeatAck.
 */
export function withReadOptions(options: Readonly<Record<string, boolean>>, reads: ReadPath | undefined): Readonly<Record<string, boolean>> {
  return reads === 'lease' ? { ...options, leaderLease: true, confirmLeader: true }
    : reads === 'readIndex' ? { ...options, confirmLeader: true } : options;
}
