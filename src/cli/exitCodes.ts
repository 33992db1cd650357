/**
 * What `npm run sim` (and `npm run fuzz`) exit with, as README's table of commands says; a
 * test holds the README to these.
 */
export const EXIT = {
  /** Every safety check held (and every claim the narration makes). */
  safe: 0,
  /** A safety check failed, or the client history is not linearizable. */
  unsafe: 1,
  /** The input cannot be a scenario, or an option is wrong: one line on stderr says why. */
  badInput: 2,
  /** The run is safe but a claim of its narration does not hold. */
  claimFails: 3,
} as const;
