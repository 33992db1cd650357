/** Deliberate mistakes in Multi-Paxos, each one the safety checks must catch. */
export const MULTIPAXOS_BUGS = {
  noAdoptOnLeaderChange: 'a new leader ignores the values promises report for open slots and proposes its own',
  acceptBelowPromise: 'an acceptor accepts a proposal whose ballot is below the one it promised',
  forgetPromiseOnRestart: 'an acceptor forgets its promised ballot when it recovers, although it is persistent',
  minorityQuorum: 'counts floor(n/2) as a quorum instead of floor(n/2) + 1',
} as const;
