/**
 * A WebM file around VP8 frames (Matroska's EBML): header, one video track, and clusters of
 * simple blocks, with a cluster at every key frame. Enough for browsers, slide tools and
 * players; no cues (a player reads the clusters in order).
 */
export interface EncodedFrame {
  data: Uint8Array;
  /** Milliseconds from the start of the video. */
  ms: number;
  key: boolean;
}

/** A block's time is 16 bits past its cluster's: a key frame must come at least this often. */
export const MAX_CLUSTER_MS = 30_000;

type Part = Uint8Array;

const bytes = (...b: number[]): Part => Uint8Array.from(b);

/** An element's size as an EBML variable-length integer, as short as it can be. */
function vint(n: number): Part {
  for (let len = 1; len <= 8; len++) {
    if (n < 2 ** (7 * len) - 1) {
      const out = new Uint8Array(len);
      let v = n;
      for (let i = len - 1; i >= 0; i--) { out[i] = v % 256; v = Math.floor(v / 256); }
      out[0] |= 1 << (8 - len);
      return out;
    }
  }
  throw new Error(`an element of ${n} bytes is too large`);
}

function concat(parts: Part[]): Part {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function element(id: number[], ...body: Part[]): Part {
  const data = concat(body);
  return concat([bytes(...id), vint(data.length), data]);
}

function uint(id: number[], n: number): Part {
  const b: number[] = [];
  let v = n;
  do { b.unshift(v % 256); v = Math.floor(v / 256); } while (v > 0);
  return element(id, bytes(...b));
}

function text(id: number[], s: string): Part {
  return element(id, new TextEncoder().encode(s));
}

function float(id: number[], x: number): Part {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x);
  return element(id, b);
}

function simpleBlock(frame: EncodedFrame, clusterMs: number): Part {
  const head = new Uint8Array(4);
  head[0] = 0x81; // track 1
  new DataView(head.buffer).setInt16(1, frame.ms - clusterMs);
  head[3] = frame.key ? 0x80 : 0;
  return element([0xa3], head, frame.data);
}

/** The WebM file of VP8 frames of the given size, in order, the first a key frame. */
export function muxWebm(width: number, height: number, frames: EncodedFrame[], durationMs: number): Uint8Array {
  if (frames.length === 0 || !frames[0].key) throw new Error('a video starts with a key frame');
  const clusters: Part[] = [];
  let start = 0;
  let blocks: Part[] = [];
  const close = () => { if (blocks.length > 0) clusters.push(element([0x1f, 0x43, 0xb6, 0x75], uint([0xe7], start), ...blocks)); };
  for (const f of frames) {
    if (f.key) { close(); start = f.ms; blocks = []; }
    if (f.ms - start > MAX_CLUSTER_MS) throw new Error(`a key frame is needed every ${MAX_CLUSTER_MS} ms`);
    blocks.push(simpleBlock(f, start));
  }
  close();
  const header = element([0x1a, 0x45, 0xdf, 0xa3],
    uint([0x42, 0x86], 1), uint([0x42, 0xf7], 1), uint([0x42, 0xf2], 4), uint([0x42, 0xf3], 8),
    text([0x42, 0x82], 'webm'), uint([0x42, 0x87], 2), uint([0x42, 0x85], 2));
  const info = element([0x15, 0x49, 0xa9, 0x66],
    uint([0x2a, 0xd7, 0xb1], 1_000_000), text([0x4d, 0x80], 'Quorum'), text([0x57, 0x41], 'Quorum'), float([0x44, 0x89], durationMs));
  const tracks = element([0x16, 0x54, 0xae, 0x6b], element([0xae],
    uint([0xd7], 1), uint([0x73, 0xc5], 1), uint([0x83], 1), text([0x86], 'V_VP8'),
    element([0xe0], uint([0xb0], width), uint([0xba], height))));
  return concat([header, element([0x18, 0x53, 0x80, 0x67], info, tracks, ...clusters)]);
}
