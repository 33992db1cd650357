/**
 * The event queue: a binary min-heap ordered by (time, priority, insertion seq).
 * User actions carry priority 0 so they run before protocol events at the same
 * virtual time; seq makes the order total, hence deterministic.
 */
export interface Queued {
  readonly at: number;
  readonly prio: number;
  readonly seq: number;
}

function before(a: Queued, b: Queued): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.prio !== b.prio) return a.prio < b.prio;
  return a.seq < b.seq;
}

export function push<T extends Queued>(heap: T[], item: T): void {
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = item;
}

export function peek<T extends Queued>(heap: readonly T[]): T | undefined {
  return heap[0];
}

export function pop<T extends Queued>(heap: T[]): T | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r], heap[l]) ? r : l;
    if (!before(heap[child], last)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}

/** Removes every item matching the predicate; O(n), for rare user actions only. */
export function removeWhere<T extends Queued>(heap: T[], match: (item: T) => boolean): T[] {
  const removed: T[] = [];
  const kept: T[] = [];
  for (const item of heap) (match(item) ? removed : kept).push(item);
  if (removed.length === 0) return removed;
  heap.length = 0;
  for (const item of kept) push(heap, item);
  return removed;
}
