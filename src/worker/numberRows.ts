/**
 * A growing table of numbers, row after row in Float64Array chunks: a long run's history kept
 * as figures costs a few bytes per row, where an object per row costs a hundred or more.
 * It grows a chunk (2^chunkBits rows) at a time, never copying what it holds. A table of whole
 * numbers below 2^31 (ids, event numbers, nodes) can be Int32Array chunks: half the bytes.
 */
export class NumberRows {
  private chunks: (Float64Array | Int32Array)[] = [];
  private readonly mask: number;
  /** Rows of the first chunk already forgotten (see dropFirst). */
  private offset = 0;
  length = 0;

  constructor(readonly stride: number, private readonly chunkBits = 12, private readonly kind: Float64ArrayConstructor | Int32ArrayConstructor = Float64Array) {
    this.mask = (1 << chunkBits) - 1;
  }

  /** Appends a row (its cells zero) and returns its index. */
  append(): number {
    const r = this.offset + this.length;
    const at = (r & this.mask) * this.stride;
    if (r >> this.chunkBits === this.chunks.length) this.chunks.push(new this.kind((this.mask + 1) * this.stride));
    else this.chunks[r >> this.chunkBits].fill(0, at, at + this.stride);
    return this.length++;
  }

  get(row: number, col: number): number {
    const r = this.offset + row;
    return this.chunks[r >> this.chunkBits][(r & this.mask) * this.stride + col];
  }

  set(row: number, col: number, value: number): void {
    const r = this.offset + row;
    this.chunks[r >> this.chunkBits][(r & this.mask) * this.stride + col] = value;
  }

  /** Keeps the first `rows` rows. */
  truncate(rows: number): void {
    this.length = Math.max(0, Math.min(this.length, rows));
    this.chunks.length = (this.offset + this.length + this.mask) >> this.chunkBits;
  }

  /** Forgets the first `rows` rows; the others are numbered from 0 again. */
  dropFirst(rows: number): void {
    const n = Math.min(rows, this.length);
    this.offset += n;
    this.length -= n;
    const whole = this.offset >> this.chunkBits;
    this.chunks.splice(0, whole);
    this.offset -= whole << this.chunkBits;
  }
}
