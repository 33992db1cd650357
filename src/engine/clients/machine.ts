import { isRegisterOp, type KvOp, opText, parseOp, type RegisterOp } from '../linearizability/history';
import { increment } from '../linearizability/model';
import { lockStep, type Locks } from './locks';
import type { Reply } from './types';

/**
 * The replicated state machine with client sessions. A client's command enters the log as
 * `c<client>#<seq> <op>`; the machine remembers, per client, the last sequence number it
 * applied and its reply, so a retried command that reaches the log twice takes effect once
 * and both copies answer the same. Values are immutable: applying returns a new machine.
 */
export interface Machine {
  readonly kv: Readonly<Record<string, string>>;
  readonly sessions: Readonly<Record<number, { readonly seq: number; readonly reply: Reply }>>;
  /** The lock service's locks (locks.ts). */
  readonly locks: Locks;
}

export const EMPTY_MACHINE: Machine = { kv: {}, sessions: {}, locks: {} };

const TAGGED = /^c(\d+)#(\d+) (.*)$/;
/** An acquire carries the time the leader stamped on it: `acquire L 300 @540`. */
const STAMPED = /^(acquire \S+ \d+) @(\d+)$/;

/** A client's command as it enters the log; an acquire with the leader's time `at` (locks.ts says why). */
export function tag(client: number, seq: number, op: KvOp, at?: number): string {
  return `c${client}#${seq} ${opText(op)}${at !== undefined ? ` @${at}` : ''}`;
}

/** A log command read back: whose it is (null for a user's untagged `set x 1`), the operation and an acquire's stamp. */
export function untag(command: string): { client: number; seq: number; op: KvOp; at: number | null } | { client: null; op: KvOp | null } {
  const m = TAGGED.exec(command);
  if (m === null) return { client: null, op: parseOp(command) };
  const stamped = STAMPED.exec(m[3]);
  const op = parseOp(stamped === null ? m[3] : stamped[1]);
  return op === null ? { client: null, op: null } : { client: Number(m[1]), seq: Number(m[2]), op, at: stamped === null ? null : Number(stamped[2]) };
}

/** Runs one operation on the store: the new store and the reply. */
export function run(kv: Readonly<Record<string, string>>, op: RegisterOp): { kv: Readonly<Record<string, string>>; reply: Reply } {
  const has = Object.hasOwn(kv, op.key);
  const now = has ? kv[op.key] : null;
  switch (op.f) {
    case 'get': return { kv, reply: { kind: 'ok', value: now } };
    case 'set': return { kv: { ...kv, [op.key]: op.value }, reply: { kind: 'ok' } };
    case 'del': {
      if (!has) return { kv, reply: { kind: 'ok' } };
      const { [op.key]: _gone, ...rest } = kv;
      return { kv: rest, reply: { kind: 'ok' } };
    }
    case 'cas':
      return now === op.from ? { kv: { ...kv, [op.key]: op.to }, reply: { kind: 'ok' } }
        : { kv, reply: { kind: 'fail', error: `${op.key} is ${now ?? 'missing'}, not ${op.from}` } };
    case 'incr': {
      const next = increment(now);
      return next === undefined ? { kv, reply: { kind: 'fail', error: `${op.key} is ${now}, not a number` } }
        : { kv: { ...kv, [op.key]: next }, reply: { kind: 'ok', value: next } };
    }
  }
}

/**
 * Applies one committed command, the entry at log `index` (from 1: an acquire's fencing
 * token). A client's command whose sequence number the session has already applied changes
 * nothing and gives the reply it gave the first time (or none, for an older one the client
 * has stopped waiting for): a retried acquire gets the same token, not a second one.
 */
export function applyEntry(m: Machine, command: string, index: number): { machine: Machine; client: number | null; seq: number; reply: Reply | null } {
  const u = untag(command);
  const none = { machine: m, client: null, seq: 0, reply: null };
  if (u.op === null) return none;
  const op = u.op;
  // A lock needs an owner: only a client's tagged acquire or release means anything.
  if (u.client === null) return isRegisterOp(op) ? { ...none, machine: { ...m, kv: run(m.kv, op).kv } } : none;
  const session = m.sessions[u.client];
  if (session !== undefined && u.seq <= session.seq) {
    return { machine: m, client: u.client, seq: u.seq, reply: u.seq === session.seq ? session.reply : null };
  }
  let next: Machine;
  let reply: Reply;
  if (isRegisterOp(op)) {
    const r = run(m.kv, op);
    next = { ...m, kv: r.kv };
    reply = r.reply;
  } else if (op.f === 'write') {
    next = m;
    reply = { kind: 'fail', error: 'a write goes to the storage node, not to the replicated store' };
  } else {
    const r = lockStep(m.locks, u.client, op, index, u.at);
    next = { ...m, locks: r.locks };
    reply = r.reply;
  }
  return { machine: { ...next, sessions: { ...m.sessions, [u.client]: { seq: u.seq, reply } } }, client: u.client, seq: u.seq, reply };
}
