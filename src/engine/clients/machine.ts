import { type KvOp, opText, parseOp } from '../linearizability/history';
import { increment } from '../linearizability/model';
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
}

export const EMPTY_MACHINE: Machine = { kv: {}, sessions: {} };

const TAGGED = /^c(\d+)#(\d+) (.*)$/;

export function tag(client: number, seq: number, op: KvOp): string {
  return `c${client}#${seq} ${opText(op)}`;
}

/** A log command read back: whose it is (null for a user's untagged `set x 1`) and the operation. */
export function untag(command: string): { client: number; seq: number; op: KvOp } | { client: null; op: KvOp | null } {
  const m = TAGGED.exec(command);
  if (m === null) return { client: null, op: parseOp(command) };
  const op = parseOp(m[3]);
  return op === null ? { client: null, op: null } : { client: Number(m[1]), seq: Number(m[2]), op };
}

/** Runs one operation on the store: the new store and the reply. */
export function run(kv: Readonly<Record<string, string>>, op: KvOp): { kv: Readonly<Record<string, string>>; reply: Reply } {
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
 * Applies one committed command. A client's command whose sequence number the session has
 * already applied changes nothing and gives the reply it gave the first time (or none, for
 * an older one the client has stopped waiting for).
 */
export function applyEntry(m: Machine, command: string): { machine: Machine; client: number | null; seq: number; reply: Reply | null } {
  const u = untag(command);
  if (u.op === null) return { machine: m, client: null, seq: 0, reply: null };
  if (u.client === null) return { machine: { ...m, kv: run(m.kv, u.op).kv }, client: null, seq: 0, reply: null };
  const session = m.sessions[u.client];
  if (session !== undefined && u.seq <= session.seq) {
    return { machine: m, client: u.client, seq: u.seq, reply: u.seq === session.seq ? session.reply : null };
  }
  const r = run(m.kv, u.op);
  return { machine: { kv: r.kv, sessions: { ...m.sessions, [u.client]: { seq: u.seq, reply: r.reply } } }, client: u.client, seq: u.seq, reply: r.reply };
}
