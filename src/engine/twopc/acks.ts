import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { append } from './log';
import { type CommitRules, rule } from './rules';
import { changed, startResendTimer } from './state';
import type { AtomicMessage, AtomicState, Outgoing } from './types';

/** A participant has the decision. Once every one has it, the coordinator writes "end": it may forget T. */
export function onAck(s: AtomicState, from: NodeId, tx: string, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const o = s.outgoing.find((x) => x.tx === tx);
  const counts = o !== undefined && o.waiting.includes(from);
  out.mark('onAck.record', () => (counts ? `S${from} has it` : `no: nothing outstanding for S${from} on ${tx}`));
  if (!counts) return out.done(s, rule(rules, 'ack'), () => `S${ctx.self} notes S${from}'s repeated Ack(${tx})`);
  let state = s;
  // The mutant writes its decision only now: a crash before this loses it.
  if (!o.logged) state = append(state, tx, o.decision);
  const waiting = o.waiting.filter((id) => id !== from);
  const done = waiting.length === 0;
  out.mark('onAck.endIf', () => (done ? 'yes: every participant acknowledged' : `no: waiting for ${waiting.map((id) => `S${id}`).join(', ')}`));
  if (!done) {
    return out.done(replace(state, { ...o, waiting, logged: true }), rule(rules, 'ack'), () => `S${from} acknowledges ${o.decision} of ${tx}`);
  }
  out.mark('onAck.end', () => `log += "end ${tx}"`);
  state = append(changed(state, { outgoing: state.outgoing.filter((x) => x !== o) }), tx, 'end');
  if (state.outgoing.length === 0) out.cancelTimer('resend');
  return out.done(state, rule(rules, 'end'), () => `Every participant acknowledged ${o.decision} of ${tx}: S${ctx.self} writes "end ${tx}" and can forget it`);
}

function replace(s: AtomicState, o: Outgoing): AtomicState {
  return changed(s, { outgoing: s.outgoing.map((x) => (x.tx === o.tx ? o : x)) });
}

/** Decisions not yet acknowledged are sent again, as often as it takes. */
export function onResend(s: AtomicState, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  if (s.outgoing.length === 0) return out.done(s, rule(rules, 'idle'), () => `S${ctx.self} has no decision left to resend`);
  for (const o of s.outgoing) {
    out.mark('resend.send', () => `Decision(${o.tx}, ${o.decision}) to ${o.waiting.map((id) => `S${id}`).join(', ')}`);
    for (const id of o.waiting) out.send(id, { type: 'Decision', tx: o.tx, decision: o.decision });
  }
  startResendTimer(out, ctx);
  return out.done(s, rule(rules, 'resend'), () => `S${ctx.self} resends ${s.outgoing.map((o) => `${o.decision} of ${o.tx}`).join(', ')} to whoever has not acknowledged`);
}
