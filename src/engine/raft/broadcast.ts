import type { Context, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { replicateLog } from './replicate';
import { copyState, node, others, quote, setAt, startHeartbeat } from './state';
import type { RaftMessage, RaftState } from './types';

type RaftStep = Step<RaftState, RaftMessage>;

/**
 * Slide 4, broadcasting a message. The leader appends the command and replicates it;
 * a follower forwards it to the leader it knows; with no leader known it holds the
 * command (visibly) until one is elected.
 */
export function onClientRequest(s: RaftState, command: string, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  out.mark('broadcast.isLeader', () => (s.currentRole === 'leader' ? `yes, leader of term ${s.currentTerm}` : `no: ${s.currentRole}`));
  if (s.currentRole === 'leader' && s.transferTo !== null) {
    // Handing over leadership: a command appended now might keep the target from catching up.
    out.mark('broadcast.transferring', () => `transferTo ${node(s.transferTo!)}`);
    return { ...out.done(s, 'raft.broadcast', () => `S${ctx.self} is handing leadership to S${s.transferTo} and takes no command: ${quote(command)} is refused`), refused: true };
  }
  if (s.currentRole === 'leader') {
    const log = s.log.append([{ term: s.currentTerm, command }]);
    const state = copyState(s);
    state.log = log;
    state.ackedLength = setAt(s.ackedLength, ctx.self, log.length);
    out.mark('broadcast.append', () => `log.length ${s.log.length} → ${log.length}`);
    out.mark('broadcast.selfAck', () => `ackedLength[${node(ctx.self)}] = ${log.length}`);
    out.mark('broadcast.replicate');
    for (const id of others(ctx)) replicateLog(state, id, out, ctx);
    return out.done(state, 'raft.broadcast', () => `S${ctx.self}, leader of term ${s.currentTerm}, appends ${quote(command)} at index ${log.length} and replicates it`);
  }
  const knows = s.currentLeader !== null && s.currentLeader !== ctx.self;
  out.mark('broadcast.knowsLeader', () => (knows ? `currentLeader ${node(s.currentLeader!)}` : 'no: currentLeader null'));
  if (knows) {
    out.mark('broadcast.forward', () => `to ${node(s.currentLeader!)}`);
    out.send(s.currentLeader, { type: 'ClientRequest', command });
    return out.done(s, 'raft.forward', () => `S${ctx.self} forwards ${quote(command)} to its leader S${s.currentLeader}`);
  }
  out.mark('broadcast.hold', () => `${s.pending.length + 1} held`);
  const state = copyState(s);
  state.pending = [...s.pending, command];
  return out.done(state, 'raft.hold',
    () => `S${ctx.self} knows no leader and holds ${quote(command)} until one is elected`);
}

/** Slide 4, periodically: the leader runs ReplicateLog for every follower (the heartbeat). */
export function onHeartbeat(s: RaftState, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  out.mark('heartbeat.isLeader', () => (s.currentRole === 'leader' ? `yes, leader of term ${s.currentTerm}` : `no: ${s.currentRole}`));
  if (s.currentRole !== 'leader') return out.done(s, 'raft.heartbeat', () => `S${ctx.self} is no longer leader; its heartbeat stops`);
  out.mark('heartbeat.replicate');
  for (const id of others(ctx)) replicateLog(s, id, out, ctx);
  startHeartbeat(out, ctx);
  return out.done(s, 'raft.heartbeat', () => `S${ctx.self}, leader of term ${s.currentTerm}, sends LogRequests to every follower`);
}
