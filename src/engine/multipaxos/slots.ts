/**
 * Values by slot number, as a value: setting a slot returns a new map that shares all but
 * one path of a 32-way trie with the old one, so a state change costs the same at slot 10
 * as at slot 100,000, and every earlier state (held by checkpoints, or by a Promise in
 * flight) stays as it was. There is no delete: a slot, once set, keeps a value.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type TrieNode<T> = readonly (TrieNode<T> | T | undefined)[];

export class Slots<T> {
  private constructor(
    private readonly root: TrieNode<T> | undefined,
    private readonly shift: number,
    /** How many slots hold a value. */
    readonly size: number,
    /** The highest slot holding a value, 0 if none. */
    readonly top: number,
  ) {}

  private static readonly none = new Slots<never>(undefined, 0, 0, 0);

  static empty<T>(): Slots<T> {
    return Slots.none;
  }

  static of<T>(record: Readonly<Record<number, T>>): Slots<T> {
    let slots = Slots.empty<T>();
    for (const [slot, value] of Object.entries(record)) slots = slots.set(Number(slot), value);
    return slots;
  }

  get(slot: number): T | undefined {
    let node = this.root;
    if (node === undefined || slot < 0 || slot >= capacity(this.shift)) return undefined;
    for (let shift = this.shift; shift > 0; shift -= BITS) {
      node = node[(slot >>> shift) & MASK] as TrieNode<T> | undefined;
      if (node === undefined) return undefined;
    }
    return node[slot & MASK] as T | undefined;
  }

  set(slot: number, value: T): Slots<T> {
    if (!(slot >= 0 && slot < 2 ** 30)) throw new RangeError(`slots run from 0 to 2^30 - 1, not ${slot}`);
    let root = this.root;
    let shift = this.shift;
    while (slot >= capacity(shift)) {
      root = root === undefined ? undefined : [root];
      shift += BITS;
    }
    const had = this.get(slot) !== undefined;
    return new Slots(setIn(root, shift, slot, value), shift, had ? this.size : this.size + 1, Math.max(this.top, slot));
  }

  /**
   * [slot, value] pairs in slot order, from slot `from` on: subtrees wholly below it are not
   * visited, so the newest slots of a long run cost what they are, not what the run is.
   */
  entries(from = 0): [number, T][] {
    const out: [number, T][] = [];
    const walk = (node: TrieNode<T> | undefined, shift: number, base: number) => {
      if (node === undefined) return;
      const span = 1 << shift;
      for (let i = Math.max(0, Math.floor((from - base) / span)); i < node.length; i++) {
        const child = node[i];
        if (child === undefined) continue;
        if (shift === 0) out.push([base + i, child as T]);
        else walk(child as TrieNode<T>, shift - BITS, base + i * span);
      }
    };
    walk(this.root, this.shift, 0);
    return out;
  }

  /**
   * Calls `visit` for every slot whose value in `after` is not the very value it had in
   * `before`: cost proportional to what changed, since unchanged subtrees are shared.
   */
  static changes<T>(before: Slots<NoInfer<T>>, after: Slots<T>, visit: (slot: number, value: T, old: T | undefined) => void): void {
    if (before === after) return;
    const shift = Math.max(before.shift, after.shift);
    const walk = (x: TrieNode<T> | undefined, y: TrieNode<T> | undefined, s: number, base: number) => {
      if (x === y || y === undefined) return;
      for (let i = 0; i < y.length; i++) {
        const cy = y[i];
        const cx = x?.[i];
        if (cy === cx || cy === undefined) continue;
        if (s === 0) visit(base + i, cy as T, cx as T | undefined);
        else walk(cx as TrieNode<T> | undefined, cy as TrieNode<T>, s - BITS, base + i * (1 << s));
      }
    };
    walk(lift(before.root, before.shift, shift), lift(after.root, after.shift, shift), shift, 0);
  }

  /** Serialises as a plain record by slot, as traces and summaries have always shown it. */
  toJSON(): Record<number, T> {
    return Object.fromEntries(this.entries()) as Record<number, T>;
  }
}

/** Keys below 2^30 keep the shift at 25 or less, so this stays within 32-bit integers. */
function capacity(shift: number): number {
  return WIDTH << shift;
}

function setIn<T>(node: TrieNode<T> | undefined, shift: number, slot: number, value: T): TrieNode<T> {
  const copy = node === undefined ? new Array<TrieNode<T> | T | undefined>(WIDTH) : node.slice();
  const i = (slot >>> shift) & MASK;
  copy[i] = shift === 0 ? value : setIn(node?.[i] as TrieNode<T> | undefined, shift - BITS, slot, value);
  return copy;
}

/** The same trie seen from a higher root: as child 0, `levels` times over. */
function lift<T>(node: TrieNode<T> | undefined, from: number, to: number): TrieNode<T> | undefined {
  let n = node;
  for (let s = from; s < to && n !== undefined; s += BITS) n = [n];
  return n;
}
