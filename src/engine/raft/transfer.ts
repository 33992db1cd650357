import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { onElectionTimeout } from './election';
import { replicateLog } from './replicate';
import { adoptHigherTerm, copyState, node, type RaftOut } from './state';
import type { RaftMessage, RaftState } from './types';

type RaftStep = Step<RaftState, RaftMessage>;
type TimeoutNow = Extract<RaftMessage, { type: 'TimeoutNow' }>;

/**
 * Leadership transfer (an extension of Raft; Ongaro's thesis, 3.10): manual failover done
 * safely. The leader stops taking commands, brings the chosen follower's log up to its own,
 * then tells it to time out now; the follower starts an election at once and, its log being
 * as long as any, wins it. If it has not happened within an election timeout, the leader
 * gives up and takes commands again.
 */
export function onTransferLeadership(s: RaftState, to: NodeId, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  const who = node(ctx.self);
  out.mark('transfer.isLeader', () => (s.currentRole === 'leader' ? `yes, leader of term ${s.currentTerm}` : `no: ${s.currentRole}`));
  if (s.currentRole !== 'leader' || to === ctx.self || !ctx.nodes.includes(to)) {
    out.mark('transfer.refuse');
    const why = s.currentRole !== 'leader' ? `is not the leader (${s.currentRole})` : to === ctx.self ? 'cannot hand leadership to itself' : `knows no server S${to}`;
    return { ...out.done(s, 'raft.transfer', () => `${who} ${why}: no leadership transfer`), refused: true };
  }
  const state = copyState(s);
  state.transferTo = to;
  out.mark('transfer.stop', () => `transferTo ${node(to)}: no new commands`);
  out.startTimer('transfer', ctx.timing.electionTimeoutMax, ctx.timing.electionTimeoutMax);
  const sent = sendTimeoutNowIfCaughtUp(state, out, ctx);
  return out.done(state, 'raft.transfer', () => (sent
    ? `${who}, leader of term ${s.currentTerm}, stops taking commands and tells S${to}, whose log is up to date, to time out now`
    : `${who}, leader of term ${s.currentTerm}, stops taking commands and brings S${to}'s log up to date before handing over`));
}

/**
 * The target up to date (ackedLength = log.length): TimeoutNow. Else ReplicateLog to it;
 * the leader asks again on each acknowledgement from it (see onLogResponse). True when sent.
 */
export function sendTimeoutNowIfCaughtUp(s: RaftState, out: RaftOut, ctx: Context): boolean {
  const to = s.transferTo!;
  const caughtUp = s.ackedLength[to] === s.log.length;
  out.mark('transfer.caughtUp', () => `${caughtUp ? '' : 'no: '}ackedLength[${node(to)}] ${s.ackedLength[to]} ${caughtUp ? '=' : '<'} log.length ${s.log.length}`);
  if (caughtUp) {
    out.mark('transfer.timeoutNow', () => `TimeoutNow(${node(ctx.self)}, ${s.currentTerm}) to ${node(to)}`);
    out.send(to, { type: 'TimeoutNow', leaderId: ctx.self, term: s.currentTerm });
    return true;
  }
  out.mark('transfer.catchUp');
  replicateLog(s, to, out, ctx);
  return false;
}

/** The transfer did not happen within an election timeout: the leader takes commands again. */
export function onTransferTimeout(s: RaftState, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  const going = s.currentRole === 'leader' && s.transferTo !== null;
  out.mark('transferTimeout.abandon', () => (going ? `transferTo ${node(s.transferTo!)} → null` : 'no transfer under way'));
  if (!going) return out.done(s, 'raft.transferTimeout', () => `S${ctx.self} has no leadership transfer under way`);
  const state = copyState(s);
  state.transferTo = null;
  return out.done(state, 'raft.transferTimeout',
    () => `S${ctx.self} gives up handing leadership to S${s.transferTo}: it takes commands again`);
}

/**
 * The chosen follower, told by its leader to time out now: it starts an election at once,
 * whatever its timer says (slide 1's handler, run now). A stale TimeoutNow is ignored.
 */
export function onTimeoutNow(s: RaftState, m: TimeoutNow, ctx: Context): RaftStep {
  const out = Outbox.for<RaftMessage>(ctx);
  const current = m.term >= s.currentTerm;
  out.mark('timeoutNow.current', () => `${current ? '' : 'no: '}term ${m.term} ${current ? '≥' : '<'} currentTerm ${s.currentTerm}`);
  if (!current) return out.done(s, 'raft.timeoutNow', () => `S${ctx.self} ignores a TimeoutNow of term ${m.term} from S${m.leaderId}`);
  const state = m.term > s.currentTerm ? adoptHigherTerm(s, m.term, out, ctx) : s;
  out.mark('timeoutNow.elect');
  const election = onElectionTimeout(state, ctx);
  return {
    ...election,
    effects: [...out.effects, ...election.effects],
    lines: [...out.lines, ...election.lines],
    ids: out.ids === null ? null : [...out.ids, ...election.ids!],
    rule: 'raft.timeoutNow',
    text: () => `S${ctx.self} is told by its leader S${m.leaderId} to time out now, and starts an election for term ${state.currentTerm + 1}`,
  };
}
