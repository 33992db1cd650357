import type { ClientConfig, ClientEvent, ClientWorld } from '../clients/types';
import type { LineMark, NodeId, Timing } from './protocol';
import type { TraceHash } from './hash';
import type { Rng } from './prng';
import type { NodeClock } from './clock';

/** User actions, as in the scenario format; they enter the queue at their virtual time. */
export type Action =
  | { at: number; type: 'crash'; node: NodeId }
  | { at: number; type: 'recover'; node: NodeId }
  | { at: number; type: 'partition'; groups: NodeId[][] }
  /** Without `nodes`, the whole network heals; with them, only those nodes rejoin everyone (one group healed). */
  | { at: number; type: 'heal'; nodes?: NodeId[] }
  | { at: number; type: 'cut'; from: NodeId; to: NodeId }
  | { at: number; type: 'restore'; from: NodeId; to: NodeId }
  | { at: number; type: 'request'; node: NodeId; command: string }
  | { at: number; type: 'timeout'; node: NodeId }
  /** Raft's leadership transfer: the leader `node` hands over to `to` (refused by a protocol without it). */
  | { at: number; type: 'transfer'; node: NodeId; to: NodeId }
  | { at: number; type: 'drop'; message: number }
  /** `manual` switches manual delivery on or off (see World.manual). */
  | { at: number; type: 'network'; dropRate?: number; duplicateRate?: number; latencyMin?: number; latencyMax?: number; manual?: boolean }
  /** Client `client` starts an operation of the store (`get x`, `cas x 1 2`...), at `node` or the leader it last heard of. */
  | { at: number; type: 'invoke'; client: number; op: string; node?: NodeId }
  // The student as the network: a chosen message, now (see simulation.ts, "the network by hand").
  | { at: number; type: 'deliver'; message: number }
  | { at: number; type: 'hold'; message: number }
  | { at: number; type: 'release'; message: number }
  | { at: number; type: 'duplicate'; message: number }
  /** Fires one of the node's running timers now (`election`, `heartbeat`...). */
  | { at: number; type: 'fire'; node: NodeId; timer: string }
  /** A process pause (a long GC): state kept, messages to it wait, its timers fire late on resume. */
  | { at: number; type: 'pause'; node: NodeId }
  | { at: number; type: 'resume'; node: NodeId }
  /** The node's clock runs at `rate` times true time from now on: a fast clock fires its timers early. */
  | { at: number; type: 'drift'; node: NodeId; rate: number }
  /** A client's process pause: replies to it and its own timeouts wait until it resumes. */
  | { at: number; type: 'pauseClient'; client: number }
  | { at: number; type: 'resumeClient'; client: number };

export interface SimConfig {
  protocol: string;
  nodes: number;
  seed: number;
  timing: Timing;
  /** `manual`: the run starts in manual delivery (see World.manual). */
  network: { dropRate: number; duplicateRate: number; manual?: boolean };
  options: Record<string, boolean>;
  bugs: string[];
  /** Nodes that may propose (Paxos); all when absent. */
  proposers?: NodeId[];
  /** Clients of the replicated store (Raft, Multi-Paxos); none when absent. */
  clients?: ClientConfig;
  /** 2PC/3PC: a participant's chance of voting no on each transaction, by node id; absent, it votes as the transaction says. */
  voteNo?: Record<NodeId, number>;
}

/** A message on the wire. sentAt and deliverAt let the view place it by interpolation. */
export interface Envelope<M> {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sentAt: number;
  readonly deliverAt: number;
  readonly msg: M;
  /** Decided at send time by the drop rate; the loss is recorded when it would arrive. */
  readonly lost: boolean;
  /** Set on the extra copy the network made of message `duplicateOf`. */
  readonly duplicateOf: number | null;
  /** How long it was held in flight by the user (see `hold`): the view draws it paused for that long. */
  readonly heldFor: number;
}

/** A message the user holds in flight: it goes nowhere until released, delivered or dropped. */
export interface Held<M> {
  readonly env: Envelope<M>;
  readonly heldAt: number;
}

/**
 * One entry of the event queue. Every entry has the same fields (unused ones null) so the
 * heap stays monomorphic and fast; `kind` says which fields matter.
 */
export interface QueueItem<M> {
  readonly at: number;
  /** 0 for user actions, which run before protocol events at the same time. */
  readonly prio: 0 | 1;
  readonly seq: number;
  readonly kind: 'action' | 'start' | 'deliver' | 'timer' | 'client';
  readonly node: NodeId;
  readonly action: Action | null;
  readonly env: Envelope<M> | null;
  readonly name: string | null;
  readonly timerId: number;
  /** A client's request, reply or timeout (kind 'client'). */
  readonly client: ClientEvent | null;
}

export interface TimerSlot {
  /** When it was (re)started: the view draws the election timer emptying from here to `at`. */
  readonly since: number;
  readonly at: number;
  readonly id: number;
  /** Its place among events due at the same time: the queue seq it took when (re)started. */
  readonly seq: number;
  /**
   * The queue entry that stands for it, by the timer id it was queued for (0: none, as in manual
   * delivery), and that entry's time. A restart to a later time keeps the entry, which moves on
   * to `at` when it comes up (see Simulation.settleTop); only a restart to an earlier time queues
   * a new one. So a follower's election timer, restarted by every heartbeat, costs the queue one
   * entry per timeout instead of one per heartbeat.
   */
  readonly carrier: number;
  readonly carrierAt: number;
}

/**
 * One node as the simulator holds it. The protocol state inside is immutable; the slot
 * itself is updated in place and copied by checkpoints (there are at most nine).
 */
export interface NodeSlot<S> {
  readonly id: NodeId;
  up: boolean;
  /** Virtual time of the last crash; messages sent before it are lost on arrival. */
  crashedAt: number;
  state: S;
  /** Running timers by name; null once fired or cancelled. */
  timers: Record<string, TimerSlot | null>;
  /** Paused (a process pause): alive with its state, but nothing reaches it and its timers wait. */
  paused: boolean;
  /** Its own clock, which may drift from true time (see clock.ts). */
  clock: NodeClock;
}

export interface NetworkState {
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly latencyMin: number;
  readonly latencyMax: number;
  /** The current partition, or null when the network is whole. */
  readonly groups: readonly (readonly NodeId[])[] | null;
  /** groupOf[id]: the partition group of node id (derived from groups, kept for speed). */
  readonly groupOf: readonly number[] | null;
  /** One-way link cuts as "from>to". */
  readonly cuts: readonly string[];
}

/** The whole world as plain data: capture it and you can restore it exactly. */
export interface World<S, M> {
  time: number;
  /** Number of events processed so far. */
  events: number;
  nextSeq: number;
  nextMsgId: number;
  nextTimerId: number;
  rng: Rng;
  queue: QueueItem<M>[];
  nodes: NodeSlot<S>[];
  network: NetworkState;
  /**
   * Manual delivery: the student is the network. No message is delivered and no timer fires
   * by itself; messages wait in `pending` (timers in their nodes' slots) until a `deliver`,
   * `drop`, `hold` or `fire` action chooses. The queue then holds only actions and starts.
   */
  manual: boolean;
  pending: Envelope<M>[];
  /** Messages held in flight by the user, in the order they were held. */
  held: Held<M>[];
  /** Events that came due on a paused node, in the order they came due: they happen when it resumes. */
  parked: QueueItem<M>[];
  hash: TraceHash;
  /** Clients, their history and the servers' client side; null when the scenario has none. */
  clients: ClientWorld | null;
}

/** 'client': a client's request reached a server, a reply reached a client, or a client timed out. */
export type TraceKind = 'start' | 'deliver' | 'timer' | 'lost' | 'action' | 'refused' | 'client';

export interface TraceRecord<M> {
  seq: number;
  t: number;
  kind: TraceKind;
  node: NodeId | null;
  from?: NodeId;
  msg?: Envelope<M>;
  action?: Action;
  rule: string;
  /** The plain sentence for the event log; built lazily, since most runs never read most of them. */
  text: () => string;
  applied?: { index: number; command: string }[];
  /** The pseudocode lines the handler ran (none for the simulator's own events: losses, faults). */
  lines?: LineMark[];
  /** Their ids alone, in order: what an index of "which event ran which line" reads, without making the values. */
  readonly lineIds?: readonly string[];
  /** The client event this record is about. */
  client?: ClientEvent;
}

/** An action before it is given its moment (`at`): what a user or a driver chooses. */
export type UnstampedAction = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;
