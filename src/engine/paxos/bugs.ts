/** Deliberate mistakes in Paxos, each one the safety checks must catch. */
export const PAXOS_BUGS = {
  acceptBelowPromise: 'an acceptor accepts a proposal whose ballot is below the one it promised',
  ignoreReportedValue: 'a proposer uses its own value although a promise reported an accepted one',
  forgetPromiseOnRestart: 'an acceptor forgets its promised ballot when it recovers, although it is persistent',
  minorityQuorum: 'counts floor(n/2) as a quorum instead of floor(n/2) + 1',
} as const;
