/**
 * Deliberate mistakes (mutants), each one found in circulating copies of the lecture
 * pseudocode. The safety checks must catch every one of them; a test shows they do.
 */
export const RAFT_BUGS = {
  doubleVote: 'grants a vote even after voting for another candidate in the same term',
  skipLogUpToDateCheck: 'grants a vote without checking that the candidate\'s log is at least as up to date',
  commitOldTermByCount: 'commits the largest acknowledged length without checking it ends in an entry of the current term (Figure 8)',
  forgetVoteOnRestart: 'forgets votedFor when recovering from a crash, although it is persistent',
  noStepDownOnHigherTerm: 'adopts a higher term from a message but keeps its role instead of stepping down',
  truncateOffByOne: 'on a conflict truncates the log to prefixLen - 1 entries instead of prefixLen',
  minorityQuorum: 'counts floor(n/2) as a quorum instead of floor(n/2) + 1',
  forgetTermOnRestart: 'forgets currentTerm when recovering from a crash (starts again at term 0), although it is persistent',
  votedForNullOnly: 'grants a vote only while votedFor is null, so a repeated request from the candidate it voted for is refused',
  noElectionTimerReset: 'does not restart the election timer on a valid LogRequest or on granting a vote',
} as const;

export type RaftBug = keyof typeof RAFT_BUGS;

/** Each mutant as the rule it breaks, in the lectures' words, and the pseudocode line it breaks. */
export const RAFT_BUG_RULES: Readonly<Record<RaftBug, { label: string; line: string }>> = {
  doubleVote: { label: 'vote for a second candidate in the same term', line: 'voteRequest.grantIf' },
  skipLogUpToDateCheck: { label: 'vote for a candidate whose log is behind', line: 'voteRequest.logOk' },
  commitOldTermByCount: { label: 'commit an old-term entry by counting replicas', line: 'commitLogEntries.commitIf' },
  forgetVoteOnRestart: { label: 'forget votedFor after a crash', line: 'recover.keep' },
  noStepDownOnHigherTerm: { label: 'keep leading after seeing a higher term', line: 'voteRequest.stepDown' },
  truncateOffByOne: { label: 'cut one entry too many on a conflict', line: 'appendEntries.truncate' },
  minorityQuorum: { label: 'count half the servers as a majority', line: 'voteResponse.majority' },
  forgetTermOnRestart: { label: 'forget currentTerm after a crash', line: 'recover.keep' },
  votedForNullOnly: { label: 'refuse a repeated request from the candidate already voted for', line: 'voteRequest.grantIf' },
  noElectionTimerReset: { label: 'let the election timer run on after hearing the leader', line: 'logRequest.follow' },
};

/**
 * Mutants that cannot break safety, only progress: no safety check can catch them, and the
 * liveness watch (src/engine/invariants/liveness.ts) reports what they do instead.
 */
export const RAFT_LIVENESS_BUGS: ReadonlySet<string> = new Set<RaftBug>(['votedForNullOnly', 'noElectionTimerReset']);
