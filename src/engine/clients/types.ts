import type { KvOp, Outcome } from '../linearizability/history';
import type { NodeId } from '../sim/protocol';
import type { Machine } from './machine';
import type { Storage, StorageOptions } from './storage';
import type { Tape } from './tape';

/**
 * How a server answers a read, from fastest and least safe to slowest and safe:
 * local: any server's own store; leader: the leader's own store, unchecked (stale in a split
 * brain); log: the read goes through the log like a write; readIndex: the leader notes its
 * commit point, hears from a majority in a heartbeat round, then answers from its store;
 * lease: the leader answers from its store at once while it holds a lease, which a majority's
 * heartbeat replies grant for a while measured on its own clock (safe while clocks keep time).
 */
export const READ_PATHS = ['local', 'leader', 'log', 'readIndex', 'lease'] as const;
export type ReadPath = (typeof READ_PATHS)[number];

export interface ClientConfig {
  /** Clients 1..count. */
  readonly count: number;
  /** How long a client waits for a reply before it tries again (virtual ms). */
  readonly timeout: number;
  /** Attempts per operation before the client gives up. */
  readonly tries: number;
  readonly reads: ReadPath;
  /** The storage node outside the cluster that clients write to with fencing tokens; absent, there is none. */
  readonly storage?: StorageOptions;
}

/** A server's answer: the result, a redirect, or a refusal that says the operation did not take effect. */
export type Reply =
  | { readonly kind: 'ok'; readonly value?: string | null }
  /** A compare-and-set that found another value, an increment of a non-number: applied, with no effect. */
  | { readonly kind: 'fail'; readonly error: string }
  | { readonly kind: 'redirect'; readonly leader: NodeId }
  | { readonly kind: 'noLeader' };

/** What a client event in the queue carries. */
export type ClientEvent =
  | {
      readonly kind: 'request'; readonly client: number; readonly seq: number; readonly attempt: number; readonly op: KvOp; readonly to: NodeId; readonly lost: boolean;
      /** The operation's id in the history, and why this attempt was sent: the first, after a timeout, or on a redirect. */
      readonly id: number; readonly why: 'first' | 'retry' | 'redirect';
      /** When it was sent: the time and the event that sent it (for the space-time diagram; not hashed). */
      readonly sentAt: number; readonly sentSeq: number;
    }
  | {
      readonly kind: 'reply'; readonly client: number; readonly seq: number; readonly from: NodeId; readonly reply: Reply; readonly lost: boolean;
      readonly sentAt: number; readonly sentSeq: number;
      /** What served it: the log index it was applied at, or the read path that answered from the store. */
      readonly index?: number; readonly read?: ReadPath;
    }
  | { readonly kind: 'timeout'; readonly client: number; readonly seq: number; readonly attempt: number }
  /** A write reaching the storage node, with the client's fencing token. */
  | { readonly kind: 'store'; readonly client: number; readonly seq: number; readonly key: string; readonly value: string; readonly token: number; readonly lost: boolean }
  /** The storage node's answer reaching the client; sent when the storage node took the write (time and event, not hashed). */
  | { readonly kind: 'stored'; readonly client: number; readonly seq: number; readonly reply: Reply; readonly lost: boolean; readonly sentAt: number; readonly sentSeq: number };

/** The client history, Jepsen's way: invocations and completions, in the order they happened. */
export type HistoryEvent =
  | { readonly type: 'invoke'; readonly id: number; readonly client: number; readonly op: KvOp; readonly t: number }
  | {
      readonly type: 'complete'; readonly id: number; readonly t: number; readonly outcome: Outcome;
      readonly value?: string | null; readonly error?: string;
      /** The server whose reply ended it, and what served it: a log index, or a read of the store. */
      readonly server?: NodeId; readonly index?: number; readonly read?: ReadPath;
    };

/** A client with an operation under way. */
export interface Busy {
  /** The operation's id in the history. */
  readonly id: number;
  readonly seq: number;
  readonly op: KvOp;
  readonly attempt: number;
  readonly target: NodeId;
  /** Some attempt went unanswered: it may have taken effect. */
  readonly maybe: boolean;
  /** The current attempt was refused outright (no leader known): its timeout says nothing new. */
  readonly refused: boolean;
}

export interface ClientSide {
  readonly nextSeq: number;
  readonly busy: Busy | null;
  /** The server the client tries first: the last leader it heard of. */
  readonly leaderHint: NodeId;
  /** The fencing token of its latest acquire that succeeded; it writes to the storage node with it. */
  readonly token: number | null;
  /** Paused (a long garbage collection): replies and its own timeouts wait until it resumes. */
  readonly paused: boolean;
}

/** A read waiting on a leader for a round of heartbeat replies (read index). */
export interface WaitingRead {
  readonly client: number;
  readonly seq: number;
  readonly key: string;
  readonly term: number;
  /** When it arrived: only replies sent after this confirm the leadership. */
  readonly since: number;
  readonly acks: readonly NodeId[];
}

/**
 * A leader's lease (read path `lease`). Followers that answered a heartbeat promise not to vote
 * for another leader until their own election timer runs out, at least the minimum election
 * timeout later. So once a majority answered heartbeats sent after `start` (the leader's clock),
 * no other leader can exist before start + the lease's length, on a clock that keeps time.
 */
export interface Lease {
  readonly term: number;
  /** The current round: true time it began (only replies sent after it count), and the leader's clock then. */
  readonly since: number;
  readonly start: number;
  readonly acks: readonly NodeId[];
  /** Until when, on the leader's own clock, the last completed round lets it answer alone; null before the first. */
  readonly until: number | null;
}

/**
 * The client-facing side of one server. The store and the sessions are the state machine,
 * rebuilt from the committed log after a crash, so they survive it; the requests the server
 * promised to answer do not.
 */
export interface ServerSide {
  readonly machine: Machine;
  /** Committed entries applied to the machine so far. */
  readonly applied: number;
  /** (client, seq) this server took from a client and will answer once applied: "c#seq". */
  readonly awaiting: readonly string[];
  readonly reads: readonly WaitingRead[];
  /** The lease this server holds as leader (read path `lease` only). */
  readonly lease: Lease | null;
}

export interface ClientWorld {
  nextOpId: number;
  clients: ClientSide[];
  /** Index = server id; slot 0 unused. */
  servers: ServerSide[];
  history: Tape<HistoryEvent>;
  /** The storage node, when the scenario has one. */
  storage: Storage | null;
}
