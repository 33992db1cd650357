/** Deliberate mistakes in Multi-Paxos, each one the safety checks must catch. */
export const MULTIPAXOS_BUGS = {
  noAdoptOnLeaderChange: 'a new leader ignores the values promises report for open slots and proposes its own',
  acceptBelowPromise: 'an acceptor accepts a proposal whose ballot is below the one it promised',
  forgetPromiseOnRestart: 'an acceptor forgets its promised ballot when it recovers, although it is persistent',
  minorityQuorum: 'counts floor(n/2) as a quorum instead of floor(n/2) + 1',
} as const;

/** Each mutant as the rule it breaks, in the lectures' words, and the pseudocode line it breaks. */
export const MULTIPAXOS_BUG_RULES: Readonly<Record<keyof typeof MULTIPAXOS_BUGS, { label: string; line: string }>> = {
  noAdoptOnLeaderChange: { label: 'a new leader ignores values reported for open slots', line: 'onPromise.adopt' },
  acceptBelowPromise: { label: 'accept a ballot below the promise', line: 'onAccept.ok' },
  forgetPromiseOnRestart: { label: 'forget the promise after a crash', line: 'recover.keep' },
  minorityQuorum: { label: 'count half the acceptors as a majority', line: 'onPromise.quorum' },
};
