/**
 * A persistent map from non-negative integers (terms, slots, log indices) to values: a
 * 32-way trie. fork() hands out a copy in constant time; afterwards both sides copy a trie
 * node the first time they change it and edit their own copies in place from then on. So a
 * monitor that is forked at every checkpoint copies only the few nodes it touches between two
 * checkpoints (near the newest terms and slots), never the whole map.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

interface TrieNode<T> {
  /** The map allowed to edit this node in place; any other map copies it first. */
  owner: object;
  slots: (TrieNode<T> | T | undefined)[];
}

export class IntMap<T> {
  private owner: object = {};

  constructor(private root: TrieNode<T> | null = null, private shift = 0) {}

  get(key: number): T | undefined {
    let node = this.root;
    if (node === null || key >= capacity(this.shift)) return undefined;
    for (let shift = this.shift; shift > 0; shift -= BITS) {
      node = node.slots[(key >>> shift) & MASK] as TrieNode<T> | undefined ?? null;
      if (node === null) return undefined;
    }
    return node.slots[key & MASK] as T | undefined;
  }

  set(key: number, value: T): void {
    if (!(key >= 0 && key < 2 ** 30)) throw new RangeError(`IntMap keys run from 0 to 2^30 - 1, not ${key}`);
    if (this.root === null) this.root = this.fresh();
    while (key >= capacity(this.shift)) {
      const top = this.fresh();
      top.slots[0] = this.root;
      this.root = top;
      this.shift += BITS;
    }
    let node = this.root = this.own(this.root);
    for (let shift = this.shift; shift > 0; shift -= BITS) {
      const i = (key >>> shift) & MASK;
      const child = node.slots[i] as TrieNode<T> | undefined;
      node = node.slots[i] = child === undefined ? this.fresh() : this.own(child);
    }
    node.slots[key & MASK] = value;
  }

  /** A copy that shares every node; from now on neither side edits a shared node in place. */
  fork(): IntMap<T> {
    this.owner = {};
    return new IntMap(this.root, this.shift);
  }

  private fresh(): TrieNode<T> {
    return { owner: this.owner, slots: new Array(WIDTH) };
  }

  private own(node: TrieNode<T>): TrieNode<T> {
    return node.owner === this.owner ? node : { owner: this.owner, slots: node.slots.slice() };
  }
}

/** Keys below 2^30 keep the shift at 25 or less, so this stays within 32-bit integers. */
const capacity = (shift: number) => WIDTH << shift;
