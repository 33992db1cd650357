import { majority } from '../quorum/quorum';
import type { Context, NodeId, Step } from '../sim/protocol';
import { Outbox } from '../sim/protocol';
import { decide } from './decide';
import { type CommitRules, rule } from './rules';
import { changed } from './state';
import { participants } from './transaction';
import type { AtomicMessage, AtomicState } from './types';

type VoteMsg = Extract<AtomicMessage, { type: 'Vote' }>;

/** The coordinator collects votes: one no aborts; commit needs a yes from every participant. */
export function onVote(s: AtomicState, from: NodeId, m: VoteMsg, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const round = s.round;
  const counts = round !== null && round.phase === 'votes' && round.tx.id === m.tx;
  out.mark('onVote.record', () => (counts ? `votes[S${from}] := ${m.vote}` : `no: not collecting votes for ${m.tx}`));
  if (!counts) return out.done(s, rule(rules, 'vote'), () => `S${ctx.self} ignores S${from}'s late ${m.vote} vote on ${m.tx}`);
  const votes = { ...round.votes, [from]: m.vote };
  const state = changed(s, { round: { ...round, votes } });
  const all = participants(ctx.nodes);
  const yes = all.filter((id) => votes[id] === 'yes').length;
  const no = m.vote === 'no';
  out.mark('onVote.noIf', () => (no ? `yes: S${from} votes no` : 'no'));
  if (no && !ctx.bugs.has('majorityCommit')) {
    out.mark('onVote.abort');
    return out.done(decide(state, 'abort', out, ctx), rule(rules, 'decide'), () => `S${from} votes no on ${m.tx}: S${ctx.self} decides abort`);
  }
  // The mutant counts like consensus: a majority of yes votes is enough.
  const enough = ctx.bugs.has('majorityCommit') ? yes >= majority(all.length) : yes === all.length;
  out.mark('onVote.allIf', () => `${enough ? 'yes' : 'no'}: ${yes} of ${all.length} voted yes`);
  if (!enough) return out.done(state, rule(rules, 'vote'), () => `S${ctx.self} has ${yes} of ${all.length} yes votes on ${m.tx}`);
  return out.done(rules.allYes(state, out, ctx), rule(rules, rules.allYesRule),
    () => `Every participant voted yes on ${m.tx}: S${ctx.self} ${rules.allYesRule === 'decide' ? 'decides commit' : 'sends PreCommit'}`);
}

/** A vote did not come in time: the coordinator decides abort (it may: nobody can have committed). */
export function onVoteTimeout(s: AtomicState, ctx: Context, rules: CommitRules): Step<AtomicState, AtomicMessage> {
  const out = Outbox.for<AtomicMessage>(ctx);
  const round = s.round;
  if (round === null || round.phase !== 'votes') return out.done(s, rule(rules, 'idle'), () => `S${ctx.self} is not waiting for votes`);
  const missing = participants(ctx.nodes).filter((id) => round.votes[id] === undefined);
  out.mark('voteTimeout.abort', () => `no vote from ${missing.map((id) => `S${id}`).join(', ')}`);
  return out.done(decide(s, 'abort', out, ctx), rule(rules, 'decide'),
    () => `S${ctx.self} times out waiting for ${missing.map((id) => `S${id}`).join(', ')}'s vote on ${round.tx.id} and decides abort`);
}
