/** Rows per chunk: a table grows a chunk at a time, never copying what it holds. */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/**
 * A growing table of numbers, row after row in Float64Array chunks: a long run's history kept
 * as figures costs a few bytes per row, where an object per row costs a hundred or more.
 */
export class NumberRows {
  private chunks: Float64Array[] = [];
  /** Rows of the first chunk already forgotten (see dropFirst). */
  private offset = 0;
  length = 0;

  constructor(readonly stride: number) {}

  /** Appends a row (its cells zero) and returns its index. */
  append(): number {
    const r = this.offset + this.length;
    if (r >> CHUNK_BITS === this.chunks.length) this.chunks.push(new Float64Array(CHUNK * this.stride));
    else this.chunks[r >> CHUNK_BITS].fill(0, (r & (CHUNK - 1)) * this.stride, ((r & (CHUNK - 1)) + 1) * this.stride);
    return this.length++;
  }

  get(row: number, col: number): number {
    const r = this.offset + row;
    return this.chunks[r >> CHUNK_BITS][(r & (CHUNK - 1)) * this.stride + col];
  }

  set(row: number, col: number, value: number): void {
    const r = this.offset + row;
    this.chunks[r >> CHUNK_BITS][(r & (CHUNK - 1)) * this.stride + col] = value;
  }

  /** Keeps the first `rows` rows. */
  truncate(rows: number): void {
    this.length = Math.max(0, Math.min(this.length, rows));
    this.chunks.length = (this.offset + this.length + CHUNK - 1) >> CHUNK_BITS;
  }

  /** Forgets the first `rows` rows; the others are numbered from 0 again. */
  dropFirst(rows: number): void {
    const n = Math.min(rows, this.length);
    this.offset += n;
    this.length -= n;
    const whole = this.offset >> CHUNK_BITS;
    this.chunks.splice(0, whole);
    this.offset -= whole * CHUNK;
  }
}
