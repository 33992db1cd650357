
/** Roles: colour and a label/shape, so the view reads in greyscale and on a washed-out projector. */
export const ROLE = {
  leader: { color: '#b45309', fill: '#fde68a', label: 'LEADER' },
  candidate: { color: '#1d4ed8', fill: '#dbeafe', label: 'CANDIDATE' },
  follower: { color: '#334155', fill: '#f1f5f9', label: 'FOLLOWER' },
} as const;

/** Paxos roles, by what a node is doing now. */
export const PAXOS_ROLE = {
  proposer: { color: '#1d4ed8', fill: '#dbeafe', label: 'PROPOSER' },
  acceptor: { color: '#334155', fill: '#f1f5f9', label: 'ACCEPTOR' },
  learned: { color: '#15803d', fill: '#bbf7d0', label: 'LEARNED' },
} as const;

/**
 * Atomic commit (2PC, 3PC): the coordinator, and a participant by where it stands. In doubt is
 * the alarm colour: it holds locks and may not decide.
 */
export const ATOMIC_ROLE = {
  coordinator: { color: '#b45309', fill: '#fde68a', label: 'COORDINATOR' },
  participant: { color: '#334155', fill: '#f1f5f9', label: 'PARTICIPANT' },
  working: { color: '#1d4ed8', fill: '#dbeafe', label: 'WORKING' },
  'in-doubt': { color: '#b91c1c', fill: '#fecaca', label: 'IN DOUBT' },
} as const;

export function roleStyle(role: string): { color: string; fill: string } {
  return (ROLE as Record<string, { color: string; fill: string }>)[role] ?? (PAXOS_ROLE as Record<string, { color: string; fill: string }>)[role]
    ?? (ATOMIC_ROLE as Record<string, { color: string; fill: string }>)[role] ?? ROLE.follower;
}

/** The colour of a held lock, drawn beside a server. */
export const LOCK = { color: '#b91c1c', fill: '#fff7ed' } as const;

export const CRASHED = { color: '#111827', fill: '#4b5563', label: 'CRASHED' } as const;

/** Message types: colour and shape, with a legend in the view. */
export const MESSAGE = {
  VoteRequest: { color: '#7c3aed', shape: 'circle', label: 'VoteRequest' },
  VoteResponse: { color: '#c026d3', shape: 'ring', label: 'VoteResponse' },
  LogRequest: { color: '#0e7490', shape: 'square', label: 'LogRequest' },
  LogResponse: { color: '#15803d', shape: 'diamond', label: 'LogResponse' },
  ClientRequest: { color: '#be123c', shape: 'triangle', label: 'ClientRequest' },
  Prepare: { color: '#7c3aed', shape: 'circle', label: 'Prepare (1a)' },
  Promise: { color: '#c026d3', shape: 'ring', label: 'Promise (1b)' },
  Nack: { color: '#b91c1c', shape: 'triangle', label: 'Nack' },
  Accept: { color: '#0e7490', shape: 'square', label: 'Accept (2a)' },
  Accepted: { color: '#15803d', shape: 'diamond', label: 'Accepted (2b)' },
  Heartbeat: { color: '#b45309', shape: 'square', label: 'Heartbeat' },
  CatchUp: { color: '#64748b', shape: 'ring', label: 'CatchUp' },
  Decide: { color: '#0f766e', shape: 'diamond', label: 'Decide' },
  Begin: { color: '#64748b', shape: 'square', label: 'Begin' },
  Vote: { color: '#c026d3', shape: 'ring', label: 'Vote (hollow: no)' },
  Decision: { color: '#15803d', shape: 'diamond', label: 'Decision (hollow: abort)' },
  Ack: { color: '#0e7490', shape: 'triangle', label: 'Ack' },
  AskDecision: { color: '#b91c1c', shape: 'triangle', label: 'AskDecision' },
  PreCommit: { color: '#b45309', shape: 'square', label: 'PreCommit' },
  PreAck: { color: '#b45309', shape: 'ring', label: 'PreAck' },
  StateReq: { color: '#0f766e', shape: 'circle', label: 'StateReq' },
  StateReport: { color: '#0f766e', shape: 'ring', label: 'StateReport' },
} as const;

/** The message types each protocol sends, for its legend. */
export const MESSAGES_OF: Record<string, MessageType[]> = {
  raft: ['VoteRequest', 'VoteResponse', 'LogRequest', 'LogResponse', 'ClientRequest'],
  paxos: ['Prepare', 'Promise', 'Nack', 'Accept', 'Accepted'],
  multipaxos: ['Prepare', 'Promise', 'Nack', 'Accept', 'Accepted', 'Heartbeat', 'CatchUp', 'Decide', 'ClientRequest'],
  '2pc': ['Begin', 'Prepare', 'Vote', 'Decision', 'Ack', 'AskDecision'],
  '3pc': ['Begin', 'Prepare', 'Vote', 'PreCommit', 'PreAck', 'Decision', 'Ack', 'StateReq', 'StateReport', 'AskDecision'],
};

export type MessageType = keyof typeof MESSAGE;

export function messageStyle(type: string): (typeof MESSAGE)[MessageType] {
  return MESSAGE[type as MessageType] ?? { color: '#555', shape: 'circle', label: type };
}

/** Tableau's ten categorical colours (d3's schemeTableau10), written out: importing them pulled in all of d3-scale-chromatic. */
const TERM_COLORS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

/** A colour per term, so entries of the same term match across logs. */
export function termColor(term: number): string {
  return TERM_COLORS[term % TERM_COLORS.length];
}
