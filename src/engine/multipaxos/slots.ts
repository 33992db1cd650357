/**
 * Values by slot number, as a value: setting a slot returns a new map that shares all but
 * one path of a 32-way trie with the old one (or, for the highest block of 32 slots, where a
 * run sets most, all but that block), so a state change costs the same at slot 10 as at slot
 * 100,000, and every earlier state (held by checkpoints, or by a Promise in flight) stays as
 * it was. There is no delete: a slot, once set, keeps a value.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type TrieNode<T> = readonly (TrieNode<T> | T | undefined)[];

export class Slots<T> {
  private constructor(
    /** Every block of 32 slots below the tail's; its root is never itself a leaf. */
    private readonly root: TrieNode<T> | undefined,
    private readonly shift: number,
    /**
     * The highest block set so far (slots tailBase .. tailBase + 31), outside the trie: a run
     * fills its slots in order, so most sets copy this one short array instead of a path from
     * the root. It enters the trie whole (not copied) when a higher block is set.
     */
    private readonly tail: readonly (T | undefined)[],
    private readonly tailBase: number,
    /** How many slots hold a value. */
    readonly size: number,
    /** The highest slot holding a value, 0 if none. */
    readonly top: number,
  ) {}

  private static readonly none = new Slots<never>(undefined, 0, [], 0, 0, 0);

  static empty<T>(): Slots<T> {
    return Slots.none;
  }

  static of<T>(record: Readonly<Record<number, T>>): Slots<T> {
    let slots = Slots.empty<T>();
    for (const [slot, value] of Object.entries(record)) slots = slots.set(Number(slot), value);
    return slots;
  }

  get(slot: number): T | undefined {
    if (slot >= this.tailBase) return this.tail[slot - this.tailBase];
    return this.leaf(slot)?.[slot & MASK] as T | undefined;
  }

  set(slot: number, value: T): Slots<T> {
    if (!(slot >= 0 && slot < 2 ** 30)) throw new RangeError(`slots run from 0 to 2^30 - 1, not ${slot}`);
    const size = this.get(slot) !== undefined ? this.size : this.size + 1;
    const top = Math.max(this.top, slot);
    const block = slot - (slot & MASK);
    if (block === this.tailBase) {
      const tail = this.tail.slice();
      tail[slot & MASK] = value;
      return new Slots(this.root, this.shift, tail, block, size, top);
    }
    if (block > this.tailBase) {
      // A higher block: the tail so far goes into the trie as it is, and this block starts a new one.
      const trie = this.tail.length === 0 ? { root: this.root, shift: this.shift } : put(this.root, this.shift, this.tailBase, this.tail, BITS);
      const tail: (T | undefined)[] = [];
      tail[slot & MASK] = value;
      return new Slots(trie.root, trie.shift, tail, block, size, top);
    }
    const trie = put(this.root, this.shift, slot, value, 0);
    return new Slots(trie.root, trie.shift, this.tail, this.tailBase, size, top);
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
    walk(this.tail as TrieNode<T>, 0, this.tailBase);
    return out;
  }

  /**
   * Calls `visit` for every slot whose value in `after` is not the very value it had in
   * `before`, in slot order: cost proportional to what changed, since unchanged subtrees are shared.
   */
  static changes<T>(before: Slots<NoInfer<T>>, after: Slots<T>, visit: (slot: number, value: T, old: T | undefined) => void): void {
    if (before === after) return;
    const changed = (x: TrieNode<T> | undefined, y: readonly (T | undefined)[], base: number) => {
      if (x === y) return;
      for (let i = 0; i < y.length; i++) {
        const v = y[i];
        if (v !== undefined && v !== x?.[i]) visit(base + i, v, x?.[i] as T | undefined);
      }
    };
    // Blocks below after's tail are in its trie, where before's tail block may be a leaf by now.
    const walk = (x: TrieNode<T> | undefined, y: TrieNode<T> | undefined, s: number, base: number) => {
      if (x === y || y === undefined) return;
      for (let i = 0; i < y.length; i++) {
        const cy = y[i];
        const at = base + i * (1 << s);
        const cx = s === BITS && at === before.tailBase ? before.tail : x?.[i];
        if (cy === cx || cy === undefined) continue;
        if (s === BITS) changed(cx as TrieNode<T> | undefined, cy as readonly T[], at);
        else walk(cx as TrieNode<T> | undefined, cy as TrieNode<T>, s - BITS, at);
      }
    };
    const shift = Math.max(before.shift, after.shift);
    walk(lift(before.root, before.shift, shift), lift(after.root, after.shift, shift), shift, 0);
    changed(before.leafOf(after.tailBase), after.tail, after.tailBase);
  }

  /** Serialises as a plain record by slot, as traces and summaries have always shown it. */
  toJSON(): Record<number, T> {
    return Object.fromEntries(this.entries()) as Record<number, T>;
  }

  /** The trie's leaf holding `slot` (not the tail's), if any. */
  private leaf(slot: number): TrieNode<T> | undefined {
    let node = this.root;
    if (node === undefined || slot < 0 || slot >= capacity(this.shift)) return undefined;
    for (let shift = this.shift; shift > 0 && node !== undefined; shift -= BITS) node = node[(slot >>> shift) & MASK] as TrieNode<T> | undefined;
    return node;
  }

  /** The values of the block starting at `base`, wherever they are kept. */
  private leafOf(base: number): TrieNode<T> | undefined {
    return base === this.tailBase ? this.tail as TrieNode<T> : this.leaf(base);
  }
}

/** Keys below 2^30 keep the shift at 25 or less, so this stays within 32-bit integers. */
function capacity(shift: number): number {
  return WIDTH << shift;
}

/**
 * The trie with `item` put at `slot`'s place: a value (at shift 0), or a whole leaf (at shift
 * BITS). It grows a level at a time to hold the slot, and always above a single leaf.
 */
function put<T>(root: TrieNode<T> | undefined, shift: number, slot: number, item: T | TrieNode<T>, at: number): { root: TrieNode<T>; shift: number } {
  let r = root;
  let s = shift;
  while (slot >= capacity(s) || s < BITS) {
    r = r === undefined ? undefined : [r];
    s += BITS;
  }
  return { root: putIn(r, s, slot, item, at), shift: s };
}

function putIn<T>(node: TrieNode<T> | undefined, shift: number, slot: number, item: T | TrieNode<T>, at: number): TrieNode<T> {
  const copy: (TrieNode<T> | T | undefined)[] = node === undefined ? [] : node.slice();
  const i = (slot >>> shift) & MASK;
  copy[i] = shift === at ? item : putIn(node?.[i] as TrieNode<T> | undefined, shift - BITS, slot, item, at);
  return copy;
}

/** The same trie seen from a higher root: as child 0, `levels` times over. */
function lift<T>(node: TrieNode<T> | undefined, from: number, to: number): TrieNode<T> | undefined {
  let n = node;
  for (let s = from; s < to && n !== undefined; s += BITS) n = [n];
  return n;
}
