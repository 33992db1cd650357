/**
 * Deliberate mistakes in three-phase commit, each one the safety checks must catch with
 * crashes only (under a partition 3PC breaks without any mistake: that is the protocol).
 */
export const THREEPC_BUGS = {
  forgetVoteOnRestart: 'a participant forgets its yes vote when it recovers, although it wrote it to its durable log',
  majorityCommit: 'the coordinator pre-commits once a majority of participants voted yes, as if it were consensus',
  inDoubtDecidesAlone: 'a participant whose coordinator falls silent decides alone from its own state (commit if pre-committed, else abort) instead of running the termination protocol',
} as const;

/** Each, as the rule it breaks in the lectures' words, and the pseudocode line it breaks. */
export const THREEPC_BUG_RULES: Readonly<Record<keyof typeof THREEPC_BUGS, { label: string; line: string }>> = {
  forgetVoteOnRestart: { label: 'forget a logged yes vote after a crash', line: 'recover.inDoubt' },
  majorityCommit: { label: 'pre-commit once a majority voted yes', line: 'onVote.allIf' },
  inDoubtDecidesAlone: { label: 'decide alone instead of running the termination protocol', line: 'timeout.terminate' },
};
