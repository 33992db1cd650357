import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { replicateLog } from './replicate';
import { others, quote, setAt, startHeartbeat } from './state';
import type { RaftMessage, RaftState } from './types';

type RaftStep = Step<RaftState, RaftMessage>;

/**
 * Slide 4, broadcasting a message. The leader appends the command and replicates it;
 * a follower forwards it to the leader it knows; with no leader known it holds the
 * command (visibly) until one is elected.
 */
export function onClientRequest(s: RaftState, command: string, ctx: Context): RaftStep {
  const out = new Outbox<RaftMessage>();
  const who = `S${ctx.self}`;
  if (s.currentRole === 'leader') {
    const log = s.log.append([{ term: s.currentTerm, command }]);
    const state = { ...s, log, ackedLength: setAt(s.ackedLength, ctx.self, log.length) };
    for (const id of others(ctx)) replicateLog(state, id, out, ctx);
    return out.done(state, 'raft.broadcast', () => `${who}, leader of term ${s.currentTerm}, appends ${quote(command)} at index ${log.length} and replicates it`);
  }
  if (s.currentLeader !== null && s.currentLeader !== ctx.self) {
    out.send(s.currentLeader, { type: 'ClientRequest', command });
    return out.done(s, 'raft.forward', () => `${who} forwards ${quote(command)} to its leader S${s.currentLeader}`);
  }
  return out.done({ ...s, pending: [...s.pending, command] }, 'raft.hold',
    () => `${who} knows no leader and holds ${quote(command)} until one is elected`);
}

/** Slide 4, periodically: the leader runs ReplicateLog for every follower (the heartbeat). */
export function onHeartbeat(s: RaftState, ctx: Context): RaftStep {
  const out = new Outbox<RaftMessage>();
  if (s.currentRole !== 'leader') return out.done(s, 'raft.heartbeat', () => `S${ctx.self} is no longer leader; its heartbeat stops`);
  for (const id of others(ctx)) replicateLog(s, id, out, ctx);
  startHeartbeat(out, ctx);
  return out.done(s, 'raft.heartbeat', () => `S${ctx.self}, leader of term ${s.currentTerm}, sends LogRequests to every follower`);
}
