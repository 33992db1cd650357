import { emptyHash, mixNumber, mixString } from '../sim/hash';
import type { Context } from '../sim/protocol';

/**
 * Whether this participant's own setting makes it vote no on transaction `tx` (the scenario's
 * `voteNo`): always at chance 1, never at 0, else a draw from the scenario's seed, the node
 * and the transaction. The draw is a hash, not a step of the run's generator, so it is the
 * same on every replay and the same whatever else happened before the vote.
 */
export function settingVotesNo(ctx: Context, tx: string): boolean {
  const v = ctx.voteNo;
  if (v === undefined || v.chance <= 0) return false;
  if (v.chance >= 1) return true;
  const h = emptyHash();
  mixNumber(h, v.seed);
  mixNumber(h, ctx.self);
  mixString(h, tx);
  return fmix(h[0] ^ h[1]) / 2 ** 32 < v.chance;
}

/** MurmurHash3's finaliser: spreads FNV's last bits over the whole word, so the draws are even. */
function fmix(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The setting in words, for the node panel and the pseudocode's values. */
export function settingText(chance: number): string {
  return chance >= 1 ? 'always votes no' : `votes no ${Math.round(chance * 100)}% of the time`;
}
