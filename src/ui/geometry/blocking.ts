/** Which one-way links a partition or a cut blocks: pure, shared by the links, the list and the moving layer. */

/** A key that changes only when the partition or a cut changes, so links redraw only then. */
export function blockKeyOf(network: { groups: number[][] | null; cuts: string[] } | undefined): string {
  if (network === undefined) return '';
  return `${JSON.stringify(network.groups)}|${network.cuts.join(',')}`;
}

/**
 * What blocks each one-way link under this partition and these cuts: parsed once from the
 * key, then a cheap lookup for every lane and every message in the render loop.
 */
export function linkBlocker(key: string): (from: number, to: number) => 'partition' | 'cut' | null {
  const [groupsJson, cutsText] = key.split('|');
  const cuts = new Set(cutsText ? cutsText.split(',') : []);
  const groups = groupsJson ? (JSON.parse(groupsJson) as number[][] | null) : null;
  const groupOf = new Map<number, number>();
  groups?.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  return (from, to) => {
    if (cuts.has(`${from}>${to}`)) return 'cut';
    // A node in no group (one healed out of a partition) talks to everyone.
    if (groups !== null && groupOf.has(from) && groupOf.has(to) && groupOf.get(from) !== groupOf.get(to)) return 'partition';
    return null;
  };
}
