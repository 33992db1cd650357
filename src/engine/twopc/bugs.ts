/** Deliberate mistakes in two-phase commit, each one the safety checks must catch. */
export const TWOPC_BUGS = {
  sendDecisionBeforeLog: 'the coordinator sends its decision before writing it to its durable log (it writes it at the first acknowledgement)',
  forgetVoteOnRestart: 'a participant forgets its yes vote when it recovers, although it wrote it to its durable log',
  majorityCommit: 'the coordinator commits once a majority of participants voted yes, as if it were consensus',
  inDoubtDecidesAlone: 'a participant in doubt (it voted yes, no decision came) aborts alone after a timeout',
} as const;

/** Each, as the rule it breaks in the lectures' words, and the pseudocode line it breaks. */
export const TWOPC_BUG_RULES: Readonly<Record<keyof typeof TWOPC_BUGS, { label: string; line: string }>> = {
  sendDecisionBeforeLog: { label: 'send the decision before writing it to the durable log', line: 'decide.log' },
  forgetVoteOnRestart: { label: 'forget a logged yes vote after a crash', line: 'recover.inDoubt' },
  majorityCommit: { label: 'commit once a majority voted yes', line: 'onVote.allIf' },
  inDoubtDecidesAlone: { label: 'let a participant in doubt abort alone', line: 'timeout.ask' },
};
