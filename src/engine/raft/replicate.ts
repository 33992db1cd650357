import type { Context, NodeId } from '../sim/protocol';
import type { RaftOut } from './state';
import type { LogEntry, RaftState } from './types';

const NO_ENTRIES: readonly LogEntry[] = [];

/** Slide 5, ReplicateLog: send the follower everything from sentLength on (empty: a heartbeat). */
export function replicateLog(s: RaftState, follower: NodeId, out: RaftOut, ctx: Context): void {
  const prefixLen = s.sentLength[follower];
  const suffix = prefixLen === s.log.length ? NO_ENTRIES : s.log.slice(prefixLen);
  const prefixTerm = prefixLen > 0 ? s.log.get(prefixLen - 1).term : 0;
  out.send(follower, {
    type: 'LogRequest', leaderId: ctx.self, term: s.currentTerm, prefixLen, prefixTerm, leaderCommit: s.commitLength, suffix,
  });
}
