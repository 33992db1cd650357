/** Characters of the store shown in its cell: about what its width holds, so no more text is laid out than seen. */
const SHOWN = 40;

/** A node's key-value store, in one line cut to its cell; the whole of it on hover. */
export function KvCell({ kv, what }: { kv: Readonly<Record<string, string>>; what: string }) {
  const entries = Object.entries(kv);
  const text = entries.length === 0 ? '∅' : entries.map(([k, v]) => `${k}=${v}`).join(' ');
  const shown = text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
  return <span className="log-kv" title={`${what}: ${text}`}>{shown}</span>;
}
