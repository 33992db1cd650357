/** Deliberate mistakes in Paxos, each one the safety checks must catch. */
export const PAXOS_BUGS = {
  acceptBelowPromise: 'an acceptor accepts a proposal whose ballot is below the one it promised',
  ignoreReportedValue: 'a proposer uses its own value although a promise reported an accepted one',
  forgetPromiseOnRestart: 'an acceptor forgets its promised ballot when it recovers, although it is persistent',
  minorityQuorum: 'counts floor(n/2) as a quorum instead of floor(n/2) + 1',
} as const;

/** Each mutant as the rule it breaks, in the lectures' words, and the pseudocode line it breaks. */
export const PAXOS_BUG_RULES: Readonly<Record<keyof typeof PAXOS_BUGS, { label: string; line: string }>> = {
  acceptBelowPromise: { label: 'accept a ballot below the promise', line: 'onAccept.ok' },
  ignoreReportedValue: { label: 'propose your own value although a promise reports one', line: 'onPromise.adopt' },
  forgetPromiseOnRestart: { label: 'forget the promise after a crash', line: 'recover.keep' },
  minorityQuorum: { label: 'count half the acceptors as a majority', line: 'onPromise.quorum' },
};
