/**
 * A running 64-bit hash of the trace (two FNV-1a lanes with different offsets).
 * Two runs with equal hashes processed the same events with the same outcomes;
 * a class can compare the short hex string to confirm they watch the same run.
 */
export type TraceHash = [number, number];

export function emptyHash(): TraceHash {
  return [0x811c9dc5, 0x01000193 ^ 0x5bd1e995];
}

export function mixString(h: TraceHash, text: string): void {
  let a = h[0];
  let b = h[1];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  h[0] = a;
  h[1] = b;
}

export function mixNumber(h: TraceHash, n: number): void {
  h[0] = Math.imul(h[0] ^ (n | 0), 0x01000193);
  h[1] = Math.imul(h[1] ^ ((n / 4294967296) | 0) ^ (n | 0), 0x01000193) ^ (h[1] >>> 13);
}

export function hashHex(h: TraceHash): string {
  return (h[0] >>> 0).toString(16).padStart(8, '0') + (h[1] >>> 0).toString(16).padStart(8, '0');
}
