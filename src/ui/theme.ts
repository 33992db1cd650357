/**
 * The page's colours, light and dark. Every colour a canvas paints (messages, timer rings,
 * log cells, the space-time diagram, the timeline, the clock) comes from a Palette, and the
 * style sheet's variables (styles.css) are the same colours for what the browser draws.
 * Colour never works alone: roles also have a label, messages a shape and a label, so the
 * view reads in greyscale, on a washed-out projector and with a colour-vision deficiency
 * (see colourVision.test.ts).
 */

export type ThemeName = 'light' | 'dark';

export type RoleName = 'leader' | 'candidate' | 'follower' | 'proposer' | 'acceptor' | 'learned' | 'crashed'
  | 'coordinator' | 'participant' | 'working' | 'in-doubt';

/** Roles' labels; their colours are the palette's. */
export const ROLE = { leader: { label: 'LEADER' }, candidate: { label: 'CANDIDATE' }, follower: { label: 'FOLLOWER' } } as const;
/** Paxos roles, by what a node is doing now. */
export const PAXOS_ROLE = { proposer: { label: 'PROPOSER' }, acceptor: { label: 'ACCEPTOR' }, learned: { label: 'LEARNED' } } as const;
/**
 * Atomic commit (2PC, 3PC): the coordinator, and a participant by where it stands. In doubt is
 * the alarm colour: it holds locks and may not decide.
 */
export const ATOMIC_ROLE = {
  coordinator: { label: 'COORDINATOR' }, participant: { label: 'PARTICIPANT' }, working: { label: 'WORKING' }, 'in-doubt': { label: 'IN DOUBT' },
} as const;
export const CRASHED = { label: 'CRASHED' } as const;

/** Message types: shape and label (colour from the palette), with a legend in the view. */
export const MESSAGE = {
  VoteRequest: { shape: 'circle', label: 'VoteRequest' },
  VoteResponse: { shape: 'ring', label: 'VoteResponse' },
  LogRequest: { shape: 'square', label: 'LogRequest' },
  LogResponse: { shape: 'diamond', label: 'LogResponse' },
  ClientRequest: { shape: 'triangle', label: 'ClientRequest' },
  // Leadership transfer: the target's election timer runs out now (an hourglass).
  TimeoutNow: { shape: 'hourglass', label: 'TimeoutNow' },
  Prepare: { shape: 'circle', label: 'Prepare (1a)' },
  Promise: { shape: 'ring', label: 'Promise (1b)' },
  Nack: { shape: 'triangle', label: 'Nack' },
  Accept: { shape: 'square', label: 'Accept (2a)' },
  Accepted: { shape: 'diamond', label: 'Accepted (2b)' },
  Heartbeat: { shape: 'square', label: 'Heartbeat' },
  HeartbeatAck: { shape: 'circle', label: 'HeartbeatAck (reads)' },
  CatchUp: { shape: 'ring', label: 'CatchUp' },
  Decide: { shape: 'diamond', label: 'Decide' },
  Begin: { shape: 'square', label: 'Begin' },
  Vote: { shape: 'ring', label: 'Vote (hollow: no)' },
  Decision: { shape: 'diamond', label: 'Decision (hollow: abort)' },
  Ack: { shape: 'triangle', label: 'Ack' },
  AskDecision: { shape: 'triangle', label: 'AskDecision' },
  PreCommit: { shape: 'square', label: 'PreCommit' },
  PreAck: { shape: 'ring', label: 'PreAck' },
  StateReq: { shape: 'circle', label: 'StateReq' },
  StateReport: { shape: 'ring', label: 'StateReport' },
} as const;

export type MessageType = keyof typeof MESSAGE;

/** The message types each protocol sends, for its legend. */
export const MESSAGES_OF: Record<string, MessageType[]> = {
  raft: ['VoteRequest', 'VoteResponse', 'LogRequest', 'LogResponse', 'ClientRequest', 'TimeoutNow'],
  paxos: ['Prepare', 'Promise', 'Nack', 'Accept', 'Accepted'],
  multipaxos: ['Prepare', 'Promise', 'Nack', 'Accept', 'Accepted', 'Heartbeat', 'HeartbeatAck', 'CatchUp', 'Decide', 'ClientRequest'],
  '2pc': ['Begin', 'Prepare', 'Vote', 'Decision', 'Ack', 'AskDecision'],
  '3pc': ['Begin', 'Prepare', 'Vote', 'PreCommit', 'PreAck', 'Decision', 'Ack', 'StateReq', 'StateReport', 'AskDecision'],
};

/*
 * Checked with simulated protanopia, deuteranopia and tritanopia (colourVision.test.ts): two
 * message types of one protocol that share a shape stay at least 20 ΔE apart for each, as do
 * the roles. That moved ClientRequest off red (beside Nack's red triangle: 3 ΔE apart for
 * tritanopes) to the ink's colour, a request from outside the cluster, and Decide off teal
 * (beside Accepted's green diamond: 5 ΔE apart for tritanopes) to indigo.
 */
export interface Palette {
  name: ThemeName;
  /** Text, and what stands for it (the commit boundary). */
  ink: string;
  muted: string;
  /** Behind every canvas, and the halo that keeps a label legible over lines. */
  panel: string;
  /** Rules and idle tracks (a timer ring's, the timeline's). */
  line: string;
  accent: string;
  danger: string;
  ok: string;
  /** A message's outline while it is selected. */
  selected: string;
  /**
   * A timer counting down (a follower's election timer: time left before it stands), and a
   * leader's heartbeat timer refilling. Drawn in ticks, in a colour no role's outline has: a
   * blue ring around a follower read as "candidate".
   */
  timer: string;
  /** The keyboard focus: a colour no role, timer or selection uses (orange read as "leader"). */
  focus: string;
  refill: string;
  /** A duplicate's ×2. */
  duplicate: string;
  /** The next entry a leader sends a follower. */
  next: string;
  /** A no-op's hatching. */
  hatch: string;
  /** How far a committed cell's fill goes from the panel towards its colour. */
  tintWeight: number;
  /** The space-time diagram's lanes, a crashed stretch and its tick lines. */
  lane: string;
  laneDown: string;
  grid: string;
  /** A partition's groups, in this order, wherever they are drawn: see groupColor. */
  groups: string[];
  cut: string;
  role: Record<RoleName, { color: string; fill: string }>;
  /** A held lock's padlock, drawn beside a server (atomic commit). */
  lock: { color: string; fill: string };
  /** A message the student holds, and a paused server (its pause bars, its clock): the student's own hand on the run, in violet. */
  held: string;
  paused: string;
  message: Record<MessageType, string>;
  /** Marks on the timeline and in the space-time diagram. */
  mark: { election: string; leader: string; commit: string; fault: string; request: string };
}

export const LIGHT: Palette = {
  name: 'light',
  ink: '#0f172a', muted: '#475569', panel: '#ffffff', line: '#cbd5e1',
  accent: '#1d4ed8', danger: '#b91c1c', ok: '#15803d', selected: '#000000',
  timer: '#00bbff', focus: '#d41190', refill: '#d97706', duplicate: '#b45309', next: '#0e7490', hatch: '#e2e8f0', tintWeight: 0.2,
  lane: '#94a3b8', laneDown: '#9ca3af', grid: '#e2e8f0', cut: '#fecaca',
  // Light enough to sit under links and servers; none is the cut link's red.
  groups: ['#dbeafe', '#fbcfe8', '#d1fae5', '#fde68a', '#e9d5ff', '#fed7aa', '#cffafe', '#e2e8f0', '#ecfccb'],
  role: {
    leader: { color: '#b45309', fill: '#fde68a' },
    candidate: { color: '#1d4ed8', fill: '#dbeafe' },
    follower: { color: '#334155', fill: '#f1f5f9' },
    proposer: { color: '#1d4ed8', fill: '#dbeafe' },
    acceptor: { color: '#334155', fill: '#f1f5f9' },
    learned: { color: '#15803d', fill: '#bbf7d0' },
    crashed: { color: '#111827', fill: '#4b5563' },
    coordinator: { color: '#b45309', fill: '#fde68a' },
    participant: { color: '#334155', fill: '#f1f5f9' },
    working: { color: '#1d4ed8', fill: '#dbeafe' },
    'in-doubt': { color: '#b91c1c', fill: '#fecaca' },
  },
  lock: { color: '#b91c1c', fill: '#fff7ed' },
  held: '#7c3aed', paused: '#7c3aed',
  message: {
    VoteRequest: '#7c3aed', VoteResponse: '#c026d3', LogRequest: '#0e7490', LogResponse: '#15803d', ClientRequest: '#1e293b', TimeoutNow: '#1d4ed8',
    Prepare: '#7c3aed', Promise: '#c026d3', Nack: '#b91c1c', Accept: '#0e7490', Accepted: '#15803d',
    Heartbeat: '#b45309', HeartbeatAck: '#b45309', CatchUp: '#64748b', Decide: '#4338ca',
    Begin: '#64748b', Vote: '#c026d3', Decision: '#15803d', Ack: '#0e7490', AskDecision: '#b91c1c',
    PreCommit: '#b45309', PreAck: '#b45309', StateReq: '#0f766e', StateReport: '#0f766e',
  },
  mark: { election: '#1d4ed8', leader: '#b45309', commit: '#15803d', fault: '#b91c1c', request: '#be123c' },
};

/** The same meanings on a dark ground: lighter strokes, dark fills, light text. */
export const DARK: Palette = {
  name: 'dark',
  ink: '#e5e7eb', muted: '#a3adbb', panel: '#111827', line: '#374151',
  accent: '#60a5fa', danger: '#f87171', ok: '#4ade80', selected: '#ffffff',
  timer: '#1affb2', focus: '#ff1aff', refill: '#fbbf24', duplicate: '#fbbf24', next: '#22d3ee', hatch: '#374151', tintWeight: 0.28,
  lane: '#64748b', laneDown: '#4b5563', grid: '#1f2937', cut: '#7f1d1d',
  groups: ['#1e3a8a', '#831843', '#064e3b', '#78350f', '#581c87', '#7c2d12', '#164e63', '#334155', '#3f6212'],
  role: {
    leader: { color: '#fbbf24', fill: '#713f12' },
    candidate: { color: '#93c5fd', fill: '#1e3a8a' },
    follower: { color: '#94a3b8', fill: '#1f2937' },
    proposer: { color: '#93c5fd', fill: '#1e3a8a' },
    acceptor: { color: '#94a3b8', fill: '#1f2937' },
    learned: { color: '#4ade80', fill: '#14532d' },
    crashed: { color: '#9ca3af', fill: '#030712' },
    coordinator: { color: '#fbbf24', fill: '#713f12' },
    participant: { color: '#94a3b8', fill: '#1f2937' },
    working: { color: '#93c5fd', fill: '#1e3a8a' },
    'in-doubt': { color: '#fca5a5', fill: '#7f1d1d' },
  },
  lock: { color: '#f87171', fill: '#1f2937' },
  held: '#a78bfa', paused: '#c4b5fd',
  message: {
    VoteRequest: '#a78bfa', VoteResponse: '#f0abfc', LogRequest: '#22d3ee', LogResponse: '#4ade80', ClientRequest: '#f8fafc', TimeoutNow: '#60a5fa',
    Prepare: '#a78bfa', Promise: '#f0abfc', Nack: '#f87171', Accept: '#22d3ee', Accepted: '#4ade80',
    Heartbeat: '#fbbf24', HeartbeatAck: '#fbbf24', CatchUp: '#94a3b8', Decide: '#818cf8',
    Begin: '#94a3b8', Vote: '#f0abfc', Decision: '#4ade80', Ack: '#22d3ee', AskDecision: '#f87171',
    PreCommit: '#fbbf24', PreAck: '#fb923c', StateReq: '#2dd4bf', StateReport: '#2dd4bf',
  },
  mark: { election: '#60a5fa', leader: '#fbbf24', commit: '#4ade80', fault: '#f87171', request: '#fb7185' },
};

export function paletteOf(name: ThemeName): Palette {
  return name === 'dark' ? DARK : LIGHT;
}

/**
 * The colour of a partition's group k (0-based, in the partition's order): one colour per group
 * in the cluster's regions, the space-time diagram's lanes, the group picker and the diagram's key,
 * so a student matches {S1, S2} across the views by colour.
 */
export function groupColor(k: number, palette: Palette = LIGHT): string {
  return palette.groups[k % palette.groups.length];
}

export function roleStyle(role: string, palette: Palette = LIGHT): { color: string; fill: string } {
  return palette.role[role as RoleName] ?? palette.role.follower;
}

export function messageStyle(type: string, palette: Palette = LIGHT): { color: string; shape: string; label: string } {
  const known = MESSAGE[type as MessageType];
  return known === undefined ? { color: palette.muted, shape: 'circle', label: type } : { ...known, color: palette.message[type as MessageType] };
}

/** Tableau's ten categorical colours (d3's schemeTableau10), written out: importing them pulled in all of d3-scale-chromatic. Mid-tones: they read on both grounds. */
const TERM_COLORS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

/** A colour per term, so entries of the same term match across logs. */
export function termColor(term: number): string {
  return TERM_COLORS[term % TERM_COLORS.length];
}
