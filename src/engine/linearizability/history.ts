/**
 * A client's view of the key-value store: operations with the moment they were invoked and
 * the moment their reply arrived (Jepsen's history). Every operation touches one key, which
 * is what lets the checker split a history by key (Herlihy and Wing's locality).
 */
export type KvOp =
  | { readonly f: 'get'; readonly key: string }
  | { readonly f: 'set'; readonly key: string; readonly value: string }
  | { readonly f: 'del'; readonly key: string }
  /** Compare-and-set: write `to` only if the key holds `from`. */
  | { readonly f: 'cas'; readonly key: string; readonly from: string; readonly to: string }
  /** Increment-and-get: a missing key counts as 0; the reply is the new value. */
  | { readonly f: 'incr'; readonly key: string }
  /** The lock service: take the lock `key` for `lease` ms; the reply is the fencing token. */
  | { readonly f: 'acquire'; readonly key: string; readonly lease: number }
  | { readonly f: 'release'; readonly key: string }
  /** A write to the storage node outside the cluster, carrying the client's latest fencing token. */
  | { readonly f: 'write'; readonly key: string; readonly value: string };

/** The operations of a register, which the linearizability check is about. */
export type RegisterOp = Extract<KvOp, { f: 'get' | 'set' | 'del' | 'cas' | 'incr' }>;

/**
 * Locks and the storage node are not registers: a lock's answer depends on time (its lease),
 * and the storage node is outside the replicated store. The fencing check judges those.
 */
export function isRegisterOp(op: KvOp): op is RegisterOp {
  return op.f !== 'acquire' && op.f !== 'release' && op.f !== 'write';
}

/**
 * ok: the reply said it took effect (with `value`, for get and incr).
 * fail: the reply said it certainly did not (a cas that found another value, a refusal).
 * unknown: no reply came; it may have taken effect at any moment after its invocation, or never.
 */
export type Outcome = 'ok' | 'fail' | 'unknown';

export interface Operation {
  /** Unique within a history; the checker reports operations by it. */
  readonly id: number;
  readonly client: number;
  readonly op: KvOp;
  /** Virtual time of the invocation. */
  readonly call: number;
  /** Virtual time of the reply; null while (or because) none came. */
  readonly ret: number | null;
  readonly outcome: Outcome;
  /** get: the value read (null: the key was missing); incr: the new value; acquire: the fencing token. */
  readonly value?: string | null;
}

const OP = /^(?:(get|del|incr|release) (\S+)|(set|write) (\S+) (\S+)|cas (\S+) (\S+) (\S+)|acquire (\S+) ([1-9]\d{0,6}))$/;

/**
 * Parses `get k`, `set k v`, `del k`, `cas k old new`, `incr k`, the lock service's
 * `acquire L <lease ms>` and `release L`, and the storage node's `write k v`; null when it
 * is none of them (a lease must be a whole number of ms above 0).
 */
export function parseOp(text: string): KvOp | null {
  const m = OP.exec(text);
  if (m === null) return null;
  if (m[1] !== undefined) return { f: m[1] as 'get' | 'del' | 'incr' | 'release', key: m[2] };
  if (m[3] !== undefined) return { f: m[3] as 'set' | 'write', key: m[4], value: m[5] };
  if (m[6] !== undefined) return { f: 'cas', key: m[6], from: m[7], to: m[8] };
  return { f: 'acquire', key: m[9], lease: Number(m[10]) };
}

export function opText(op: KvOp): string {
  switch (op.f) {
    case 'get': case 'del': case 'incr': case 'release': return `${op.f} ${op.key}`;
    case 'set': case 'write': return `${op.f} ${op.key} ${op.value}`;
    case 'acquire': return `acquire ${op.key} ${op.lease}`;
    case 'cas': return `cas ${op.key} ${op.from} ${op.to}`;
  }
}

/** `get x → 1`, `set x 2 → ok`, `incr n → ?`: an operation as the history panel and the runner name it. */
export function operationText(o: Operation): string {
  const what = opText(o.op);
  if (o.outcome === 'unknown') return `${what} → ?`;
  if (o.outcome === 'fail') return `${what} → failed`;
  if (o.op.f === 'get' || o.op.f === 'incr' || o.op.f === 'acquire') return `${what} → ${o.value ?? 'missing'}`;
  return `${what} → ok`;
}
