import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { ballotText, sameBallot } from './ballot';
import { changed, quorum } from './state';
import type { PaxosMessage, PaxosState } from './types';

type AcceptedMsg = Extract<PaxosMessage, { type: 'Accepted' }>;

/**
 * Phase 2b reaches a learner (every node is one): a value is learned once a majority of
 * acceptors accepted the same ballot. The proposer of that ballot is then done.
 */
export function onAccepted(s: PaxosState, from: NodeId, m: AcceptedMsg, ctx: Context): Step<PaxosState, PaxosMessage> {
  const out = Outbox.for<PaxosMessage>(ctx);
  const i = s.tallies.findIndex((t) => sameBallot(t.ballot, m.ballot));
  const tally = i < 0 ? { ballot: m.ballot, value: m.value, from: [] as NodeId[] } : s.tallies[i];
  const tallyFrom = tally.from.includes(from) ? tally.from : [...tally.from, from];
  const tallies = i < 0 ? [...s.tallies, { ...tally, from: tallyFrom }] : s.tallies.map((t, k) => (k === i ? { ...t, from: tallyFrom } : t));
  const mine = sameBallot(s.ballot, m.ballot);
  const acceptedBy = mine && !s.acceptedBy.includes(from) ? [...s.acceptedBy, from] : s.acceptedBy;
  out.mark('onAccepted.tally', () => `acceptors[${ballotText(m.ballot)}] {${[...tallyFrom].sort((a, b) => a - b).map((id) => `S${id}`).join(', ')}}`);
  const chosen = s.learned === null && tallyFrom.length >= quorum(ctx);
  out.mark('onAccepted.chosenIf', () => (chosen ? `${tallyFrom.length} ≥ ${quorum(ctx)}`
    : s.learned !== null ? `no: "${s.learned}" is learned already` : `no: ${tallyFrom.length} < ${quorum(ctx)}`));
  if (chosen) {
    out.mark('onAccepted.learn', () => `learned "${m.value}"`);
    const phase = s.phase === 'idle' ? 'idle' : 'done';
    if (phase === 'done') out.cancelTimer('retry');
    return out.done(changed(s, { tallies, acceptedBy, learned: m.value, phase }), 'paxos.learn',
      () => `S${ctx.self} learns that "${m.value}" is chosen: a majority accepted it at ballot ${ballotText(m.ballot)}`);
  }
  return out.done(changed(s, { tallies, acceptedBy }), 'paxos.accepted',
    () => `S${ctx.self} hears that S${from} accepted "${m.value}" at ${ballotText(m.ballot)} (${tallyFrom.length} of ${quorum(ctx)})`);
}
