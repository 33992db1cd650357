/**
 * Deliberate mistakes in three-phase commit, each one the safety checks must catch with
 * crashes only (under a partition 3PC breaks without any mistake: that is the protocol).
 */
export const THREEPC_BUGS = {
  forgetVoteOnRestart: 'a participant forgets its yes vote when it recovers, although it wrote it to its durable log',
  majorityCommit: 'the coordinator pre-commits once a majority of participants voted yes, as if it were consensus',
  inDoubtDecidesAlone: 'a participant whose coordinator falls silent decides alone from its own state (commit if pre-committed, else abort) instead of running the termination protocol',
} as const;
