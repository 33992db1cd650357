import type { Context } from '../sim/protocol';
import { append } from './log';
import { type AtomicOut, changed, startResendTimer, startWorkTimer } from './state';
import { participants, txText } from './transaction';
import type { AtomicState, Decision, Tx } from './types';

/**
 * The coordinator decides: it writes the decision to its durable log (the commit point) and
 * only then sends it, resending until every participant acknowledges. Then the next
 * transaction in the queue begins.
 */
export function decide(s: AtomicState, decision: Decision, out: AtomicOut, ctx: Context): AtomicState {
  const tx = s.round!.tx.id;
  const early = ctx.bugs.has('sendDecisionBeforeLog');
  out.mark('decide.log', () => (early ? `not yet: "${decision} ${tx}" is written at the first Ack` : `log += "${decision} ${tx}"`));
  const state = early ? s : append(s, tx, decision);
  const to = participants(ctx.nodes);
  out.mark('decide.send', () => `Decision(${tx}, ${decision}) to ${to.map((id) => `S${id}`).join(', ')}`);
  for (const id of to) out.send(id, { type: 'Decision', tx, decision });
  out.cancelTimer('votes');
  out.cancelTimer('preacks');
  startResendTimer(out, ctx);
  const decided: AtomicState = changed(state, { round: null, outgoing: [...state.outgoing, { tx, decision, waiting: to, logged: !early }] });
  return beginNext(decided, out, ctx);
}

/** Sends Begin(T) to every participant, which takes T's locks and does its writes; Prepare follows after the work time. */
export function begin(s: AtomicState, tx: Tx, out: AtomicOut, ctx: Context): AtomicState {
  out.mark('begin.send', () => `Begin(${txText(tx)})`);
  for (const id of participants(ctx.nodes)) out.send(id, { type: 'Begin', tx });
  startWorkTimer(out, ctx);
  return changed(s, { round: { tx, phase: 'work', votes: {}, preAcked: [] } });
}

function beginNext(s: AtomicState, out: AtomicOut, ctx: Context): AtomicState {
  if (s.queue.length === 0) return s;
  const [next, ...rest] = s.queue;
  out.mark('decide.next', () => `next: ${txText(next)}`);
  return begin(changed(s, { queue: rest }), next, out, ctx);
}
