/**
 * Mistakes on the client side of Raft and Multi-Paxos, caught by the linearizability check
 * (not by the protocol's safety checks: the replicated log or slots stay correct, only what
 * clients see breaks).
 */
export const CLIENT_BUGS = {
  readIndexSkipsHeartbeat: 'a read index answers from the leader\'s store without the heartbeat round that confirms it still leads',
} as const;

/** Each, as the rule it breaks in the lectures' words, for the page's "break a rule" control. */
export const CLIENT_BUG_RULES: Readonly<Record<keyof typeof CLIENT_BUGS, { label: string }>> = {
  readIndexSkipsHeartbeat: { label: 'answer a read-index read without confirming leadership first' },
};

/** Multi-Paxos's pseudocode shows reads, so there the mutant names the line it breaks. */
export const MULTIPAXOS_CLIENT_BUG_RULES: Readonly<Record<keyof typeof CLIENT_BUGS, { label: string; line: string }>> = {
  readIndexSkipsHeartbeat: { ...CLIENT_BUG_RULES.readIndexSkipsHeartbeat, line: 'read.note' },
};
