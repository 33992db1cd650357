import { memo, useState } from 'react';
import { BREAK_AT, along, lane, type Point } from '../geometry/layout';
import { blockKeyOf, linkBlocker } from '../geometry/blocking';
import { useSim } from '../store/simStore';

export function useBlockKey(): string {
  return useSim((s) => blockKeyOf(s.snapshot?.network));
}

const NEXT_KEY: Record<string, (k: number, n: number) => number> = {
  ArrowRight: (k, n) => (k + 1) % n, ArrowDown: (k, n) => (k + 1) % n,
  ArrowLeft: (k, n) => (k - 1 + n) % n, ArrowUp: (k, n) => (k - 1 + n) % n,
  Home: () => 0, End: (_k, n) => n - 1,
};

/**
 * Every one-way link as its own lane; click one to cut or restore that direction only.
 * For the keyboard the links are one stop (20 lanes with five servers, 72 with nine):
 * Tab reaches one lane, the arrow keys move to the others, Enter cuts or restores.
 */
export const Links = memo(function Links({ positions }: { positions: Point[] }) {
  const blocker = linkBlocker(useBlockKey());
  const act = useSim((s) => s.act);
  const [active, setActive] = useState(0);
  const move = (e: React.KeyboardEvent<SVGGElement>) => {
    const lanesNow = [...e.currentTarget.parentElement!.querySelectorAll<SVGGElement>('g.link')];
    const k = NEXT_KEY[e.key](lanesNow.indexOf(e.currentTarget), lanesNow.length);
    setActive(k);
    lanesNow[k].focus();
  };
  const lanes = [];
  const n = positions.length * (positions.length - 1);
  for (let i = 0; i < positions.length; i++) {
    for (let j = 0; j < positions.length; j++) {
      if (i === j) continue;
      const from = i + 1;
      const to = j + 1;
      const l = lane(positions[i], positions[j]);
      const blocked = blocker(from, to);
      const mid = along(l, BREAK_AT);
      const toggle = () => act(blocked === 'cut' ? { type: 'restore', from, to } : { type: 'cut', from, to });
      const k = lanes.length;
      const label = blocked === 'cut' ? `Restore link S${from}→S${to}` : `Cut link S${from}→S${to}`;
      lanes.push(
        <g
          key={`${from}-${to}`}
          className={`link ${blocked ?? 'open'}`}
          data-from={from}
          data-to={to}
          data-blocked={blocked ?? 'no'}
          role="button"
          tabIndex={k === active % n ? 0 : -1}
          aria-label={label}
          onClick={toggle}
          onFocus={() => setActive(k)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') { e.preventDefault(); toggle(); }
            // The arrows move between lanes here, not through the run.
            else if (e.key in NEXT_KEY) { e.preventDefault(); e.stopPropagation(); move(e); }
          }}
        >
          <title>{blocked === 'partition' ? `S${from}→S${to} is cut off by the partition` : label}</title>
          <line className="link-hit" x1={l.a.x} y1={l.a.y} x2={l.b.x} y2={l.b.y} />
          {blocked === null ? (
            <line className="link-line" x1={l.a.x} y1={l.a.y} x2={l.b.x} y2={l.b.y} markerEnd="url(#arrow)" />
          ) : (
            <>
              <line className="link-line" x1={l.a.x} y1={l.a.y} x2={mid.x - (mid.x - l.a.x) * 0.12} y2={mid.y - (mid.y - l.a.y) * 0.12} />
              <path className="link-break" d={`M${mid.x - 5},${mid.y - 5}L${mid.x + 5},${mid.y + 5}M${mid.x + 5},${mid.y - 5}L${mid.x - 5},${mid.y + 5}`} />
            </>
          )}
        </g>,
      );
    }
  }
  return <g className="links">{lanes}</g>;
});
