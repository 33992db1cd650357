import { memo } from 'react';
import { type Point, VIEW } from '../geometry/layout';
import { usePalette } from '../shell/themeState';
import { useSim } from '../store/simStore';
import { groupColor } from '../theme';
import { regionPath } from '../geometry/groups';

/**
 * The partition's groups as coloured regions under the links and servers: each group's
 * servers inside one rounded shape. Nothing while the network is whole.
 */
export const PartitionRegions = memo(function PartitionRegions({ positions }: { positions: Point[] }) {
  const key = useSim((s) => JSON.stringify(s.snapshot?.network.groups ?? null));
  const groups = JSON.parse(key) as number[][] | null;
  const palette = usePalette();
  if (groups === null) return null;
  return (
    <g className="partition-regions" aria-hidden="true">
      {groups.map((g, i) => (
        <path key={g.join('-')} data-group={g.join('-')} d={regionPath(g.toSorted((a, b) => a - b).map((id) => positions[id - 1]).filter(Boolean))}
          data-group-color={groupColor(i, palette)} fill={groupColor(i, palette)} stroke={groupColor(i, palette)}
          strokeWidth={2 * VIEW.nodeRadius + 30} strokeLinejoin="round" strokeLinecap="round" opacity={0.85} />
      ))}
    </g>
  );
});
