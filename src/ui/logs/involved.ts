import type { StripCell } from '../draw/stripPaint';
import type { SimState } from '../store/simStore';

/**
 * The entries of one node (Raft log indices, Multi-Paxos slots) that the failed safety checks
 * name, as the engine reported them: "index:check" pairs in a string, so that a row draws
 * again only when they change, not with every snapshot.
 */
export function involvedKey(s: SimState, node: number): string {
  const out: string[] = [];
  for (const v of s.safety?.violations ?? []) for (const e of v.entries ?? []) if (e.node === node) out.push(`${e.index}:${v.predicate}`);
  return out.join(',');
}

/** The pairs read back: index to the first check that names it. */
export function involvedMap(key: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const pair of key === '' ? [] : key.split(',')) {
    const [index, check] = pair.split(':');
    if (!map.has(Number(index))) map.set(Number(index), check);
  }
  return map;
}

/** A cell a failed check names: ringed in the danger colour, and its hook and title say which check. */
export function markInvolved(cell: StripCell, check: string | undefined): StripCell {
  if (check === undefined) return cell;
  return { ...cell, involved: true, title: `${cell.title}; named by the failed check ${check}`, data: { ...cell.data, involved: check } };
}
