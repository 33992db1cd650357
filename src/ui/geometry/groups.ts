import type { Point } from './layout';

/**
 * The groups a choice of one group per server makes: groupOf[i] is S(i+1)'s group number;
 * empty groups are left out and the rest keep their order. Pure, tested in Node.
 */
export function groupsOf(groupOf: readonly number[]): number[][] {
  const byGroup = new Map<number, number[]>();
  groupOf.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i + 1]));
  return [...byGroup.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids);
}

/**
 * A partition group drawn as a region: the outline through its servers' centres, stroked as
 * wide as a server and then some, with round joins and caps, so one server is a disc, two a
 * capsule, more a rounded polygon (in the order they sit on the ring, which is convex).
 */
export function regionPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  return `M${first.x},${first.y}${rest.map((p) => `L${p.x},${p.y}`).join('')}${points.length > 2 ? 'Z' : points.length === 1 ? `L${first.x},${first.y}` : ''}`;
}
