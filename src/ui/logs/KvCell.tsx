import type { NodeView } from '../../worker/protocol';

/** Characters of the store shown in its cell: about what its two lines hold, so no more text is laid out than seen. */
const SHOWN = 40;

/**
 * A node's state machine, in two lines cut to its cell ("x=599500 y=600000" whole); the whole of it on hover: the
 * key-value store, then the locks it holds for clients (a lock-only run has no keys, only these).
 */
export function KvCell({ kv, locks = {}, what }: { kv: NodeView['kv']; locks?: NodeView['locks']; what: string }) {
  const held = Object.entries(locks);
  const keys = Object.entries(kv).map(([k, v]) => `${k}=${v}`);
  const text = [...keys, ...held.map(([name, l]) => `${name}: c${l.client}, token ${l.token}`)].join(' ') || '∅';
  const long = [...keys, ...held.map(([name, l]) => `lock ${name} held by client ${l.client} with token ${l.token} until ${l.until} ms`)].join('; ') || 'empty';
  const shown = text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
  return <span className="log-kv kv-lines" title={`${what}: ${long}`} data-locks={held.length > 0 ? held.map(([n]) => n).join(' ') : undefined}>{shown}</span>;
}
