/** Deliberate mistakes in two-phase commit, each one the safety checks must catch. */
export const TWOPC_BUGS = {
  sendDecisionBeforeLog: 'the coordinator sends its decision before writing it to its durable log (it writes it at the first acknowledgement)',
  forgetVoteOnRestart: 'a participant forgets its yes vote when it recovers, although it wrote it to its durable log',
  majorityCommit: 'the coordinator commits once a majority of participants voted yes, as if it were consensus',
  inDoubtDecidesAlone: 'a participant in doubt (it voted yes, no decision came) aborts alone after a timeout',
} as const;
