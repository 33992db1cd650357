import { describe, expect, it } from 'vitest';
import { type EncodedFrame, MAX_CLUSTER_MS, muxWebm } from './webm';

/** An EBML element read back: its id (hex), and its children or its bytes. */
interface Node { id: string; kids?: Node[]; data?: Uint8Array }
const MASTERS = new Set(['1a45dfa3', '18538067', '1549a966', '1654ae6b', 'ae', 'e0', '1f43b675']);

function vint(b: Uint8Array, at: number, keepMarker: boolean): { value: number; len: number } {
  let len = 1;
  while (len <= 8 && (b[at] & (0x80 >> (len - 1))) === 0) len++;
  let value = keepMarker ? b[at] : b[at] & (0xff >> len);
  for (let i = 1; i < len; i++) value = value * 256 + b[at + i];
  // All ones is reserved: a player reads it as "size unknown".
  if (!keepMarker) expect(value, 'a size of all ones').not.toBe(2 ** (7 * len) - 1);
  return { value, len };
}

function parse(b: Uint8Array, from = 0, to = b.length): Node[] {
  const out: Node[] = [];
  let at = from;
  while (at < to) {
    const id = vint(b, at, true);
    const size = vint(b, at + id.len, false);
    const start = at + id.len + size.len;
    const hex = id.value.toString(16);
    out.push(MASTERS.has(hex) ? { id: hex, kids: parse(b, start, start + size.value) } : { id: hex, data: b.subarray(start, start + size.value) });
    at = start + size.value;
  }
  expect(at).toBe(to);
  return out;
}

const find = (nodes: Node[], id: string) => nodes.filter((n) => n.id === id);
const uint = (n: Node) => [...n.data!].reduce((v, x) => v * 256 + x, 0);
const frame = (ms: number, key: boolean, size: number): EncodedFrame => ({ ms, key, data: Uint8Array.from({ length: size }, (_, i) => (i * 7 + ms) % 256) });

describe('muxWebm', () => {
  // Blocks (4 bytes of head and the frame) on both sides of a one-byte length's limit: 126 fits, 127 is the reserved all-ones value.
  const frames = [frame(0, true, 122), frame(33, false, 123), frame(67, false, 300), frame(2000, true, 20_000), frame(2033, false, 5)];
  const file = muxWebm(1280, 1040, frames, 2067);
  const [header, segment] = parse(file);

  it('starts with the EBML magic and says it is WebM', () => {
    expect([...file.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(new TextDecoder().decode(find(header.kids!, '4282')[0].data)).toBe('webm');
    expect(segment.id).toBe('18538067');
  });

  it('has one VP8 video track of the size given, and the duration', () => {
    const track = find(find(segment.kids!, '1654ae6b')[0].kids!, 'ae')[0].kids!;
    expect(new TextDecoder().decode(find(track, '86')[0].data)).toBe('V_VP8');
    const video = find(track, 'e0')[0].kids!;
    expect([uint(find(video, 'b0')[0]), uint(find(video, 'ba')[0])]).toEqual([1280, 1040]);
    const info = find(segment.kids!, '1549a966')[0].kids!;
    expect(uint(find(info, '2ad7b1')[0])).toBe(1_000_000);
    expect(new DataView(find(info, '4489')[0].data!.slice().buffer).getFloat64(0)).toBe(2067);
  });

  it('puts a cluster at each key frame, with every frame whole, in order, at its time', () => {
    const clusters = find(segment.kids!, '1f43b675');
    expect(clusters.map((c) => uint(find(c.kids!, 'e7')[0]))).toEqual([0, 2000]);
    const read = clusters.flatMap((c) => {
      const start = uint(find(c.kids!, 'e7')[0]);
      return find(c.kids!, 'a3').map((b) => {
        const d = b.data!;
        expect(d[0]).toBe(0x81);
        return { ms: start + new DataView(d.buffer, d.byteOffset + 1, 2).getInt16(0), key: (d[3] & 0x80) !== 0, data: [...d.subarray(4)] };
      });
    });
    expect(read).toEqual(frames.map((f) => ({ ms: f.ms, key: f.key, data: [...f.data] })));
  });

  it('refuses a video that does not start with a key frame, or with key frames too far apart', () => {
    expect(() => muxWebm(10, 10, [frame(0, false, 3)], 33)).toThrow('starts with a key frame');
    expect(() => muxWebm(10, 10, [], 0)).toThrow('starts with a key frame');
    expect(() => muxWebm(10, 10, [frame(0, true, 3), frame(MAX_CLUSTER_MS + 1, false, 3)], MAX_CLUSTER_MS + 34)).toThrow('every');
  });
});
