import { schemeTableau10 } from 'd3';

/** Roles: colour and a label/shape, so the view reads in greyscale and on a washed-out projector. */
export const ROLE = {
  leader: { color: '#b45309', fill: '#fde68a', label: 'LEADER' },
  candidate: { color: '#1d4ed8', fill: '#dbeafe', label: 'CANDIDATE' },
  follower: { color: '#334155', fill: '#f1f5f9', label: 'FOLLOWER' },
} as const;

export const CRASHED = { color: '#111827', fill: '#4b5563', label: 'CRASHED' } as const;

/** Message types: colour and shape, with a legend in the view. */
export const MESSAGE = {
  VoteRequest: { color: '#7c3aed', shape: 'circle', label: 'VoteRequest' },
  VoteResponse: { color: '#c026d3', shape: 'ring', label: 'VoteResponse' },
  LogRequest: { color: '#0e7490', shape: 'square', label: 'LogRequest' },
  LogResponse: { color: '#15803d', shape: 'diamond', label: 'LogResponse' },
  ClientRequest: { color: '#be123c', shape: 'triangle', label: 'ClientRequest' },
} as const;

export type MessageType = keyof typeof MESSAGE;

export function messageStyle(type: string): (typeof MESSAGE)[MessageType] {
  return MESSAGE[type as MessageType] ?? { color: '#555', shape: 'circle', label: type };
}

/** A colour per term, so entries of the same term match across logs. */
export function termColor(term: number): string {
  return schemeTableau10[term % schemeTableau10.length];
}
