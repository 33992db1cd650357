import { useState } from 'react';
import { usePalette } from '../../shell/themeState';
import { useSim } from '../../store/simStore';
import { groupColor } from '../../theme';
import { groupsOf } from '../../geometry/groups';

/**
 * A partition into any number of groups: a group for each server, then Split. Opens with the
 * partition in force (or everyone in group 1), so moving one server is one change.
 */
export function GroupPicker({ onDone }: { onDone: () => void }) {
  const n = useSim((s) => s.nodeIds.length);
  const current = useSim((s) => s.snapshot?.network.groups ?? null);
  const act = useSim((s) => s.act);
  const [groupOf, setGroupOf] = useState<number[]>(() => Array.from({ length: n }, (_, i) => {
    const g = current?.findIndex((grp) => grp.includes(i + 1)) ?? -1;
    return g < 0 ? 1 : g + 1;
  }));
  const groups = groupsOf(groupOf);
  const palette = usePalette();
  return (
    <div className="group-picker" role="group" aria-label="Partition into groups">
      <p className="hint">Choose a group for each server: servers in different groups cannot talk.</p>
      <div className="group-grid">
        {groupOf.map((g, i) => (
          <label key={i} style={{ background: groupColor(groups.findIndex((grp) => grp.includes(i + 1)), palette) }}>S{i + 1}
            <select value={g} data-group-of={i + 1} aria-label={`Group of S${i + 1}`} onKeyDown={(e) => e.stopPropagation()}
              onChange={(e) => setGroupOf(groupOf.map((x, k) => (k === i ? Number(e.target.value) : x)))}>
              {Array.from({ length: n }, (_, k) => <option key={k} value={k + 1}>group {k + 1}</option>)}
            </select>
          </label>
        ))}
      </div>
      <div className="row">
        <button type="button" data-split-groups disabled={groups.length < 2}
          onClick={() => { act({ type: 'partition', groups }); onDone(); }}>
          {groups.length < 2 ? 'Split (choose two groups or more)' : `Split into ${groups.length} groups`}
        </button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </div>
  );
}
