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
  | { readonly f: 'incr'; readonly key: string };

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
  /** get: the value read (null: the key was missing); incr: the new value. */
  readonly value?: string | null;
}

const OP = /^(?:(get|del|incr) (\S+)|set (\S+) (\S+)|cas (\S+) (\S+) (\S+))$/;

/** Parses `get k`, `set k v`, `del k`, `cas k old new`, `incr k`; null when it is none of them. */
export function parseOp(text: string): KvOp | null {
  const m = OP.exec(text);
  if (m === null) return null;
  if (m[1] !== undefined) return { f: m[1] as 'get' | 'del' | 'incr', key: m[2] };
  if (m[3] !== undefined) return { f: 'set', key: m[3], value: m[4] };
  return { f: 'cas', key: m[5], from: m[6], to: m[7] };
}

export function opText(op: KvOp): string {
  switch (op.f) {
    case 'get': case 'del': case 'incr': return `${op.f} ${op.key}`;
    case 'set': return `set ${op.key} ${op.value}`;
    case 'cas': return `cas ${op.key} ${op.from} ${op.to}`;
  }
}

/** `get x → 1`, `set x 2 → ok`, `incr n → ?`: an operation as the history panel and the runner name it. */
export function operationText(o: Operation): string {
  const what = opText(o.op);
  if (o.outcome === 'unknown') return `${what} → ?`;
  if (o.outcome === 'fail') return `${what} → failed`;
  if (o.op.f === 'get' || o.op.f === 'incr') return `${what} → ${o.value ?? 'missing'}`;
  return `${what} → ok`;
}
