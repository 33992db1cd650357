import type { Context, NodeId } from '../sim/protocol';
import { node, type RaftOut } from './state';
import type { LogEntry, RaftState } from './types';

const NO_ENTRIES: readonly LogEntry[] = [];

/** Slide 5, ReplicateLog: send the follower everything from sentLength on (empty: a heartbeat). */
export function replicateLog(s: RaftState, follower: NodeId, out: RaftOut, ctx: Context): void {
  const prefixLen = s.sentLength[follower];
  const suffix = prefixLen === s.log.length ? NO_ENTRIES : s.log.slice(prefixLen);
  const prefixTerm = prefixLen > 0 ? s.log.get(prefixLen - 1).term : 0;
  out.mark('replicateLog.prefixLen', () => `${node(follower)}: prefixLen ${prefixLen}`);
  out.mark('replicateLog.suffix', () => `${node(follower)}: ${suffix.length === 0 ? 'empty (a heartbeat)' : `${suffix.length} entr${suffix.length === 1 ? 'y' : 'ies'}`}`);
  out.mark('replicateLog.prefixTerm', () => `${node(follower)}: prefixTerm ${prefixTerm}`);
  out.mark('replicateLog.send', () => `to ${node(follower)}: LogRequest(${node(ctx.self)}, ${s.currentTerm}, ${prefixLen}, ${prefixTerm}, ${s.commitLength}, ${suffix.length === 0 ? '⟨⟩' : `${suffix.length} entr${suffix.length === 1 ? 'y' : 'ies'}`})`);
  out.send(follower, {
    type: 'LogRequest', leaderId: ctx.self, term: s.currentTerm, prefixLen, prefixTerm, leaderCommit: s.commitLength, suffix,
  });
}
