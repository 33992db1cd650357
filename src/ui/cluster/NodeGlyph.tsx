import { memo, useLayoutEffect, useRef, useState } from 'react';
import { VIEW, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';
import { type Badge, viewOf } from '../protocolView';
import { usePalette } from '../shell/themeState';
import { CRASHED, roleStyle } from '../theme';
import { type TextStyle, textStyleOf, textWidth } from '../draw/textWidth';

/**
 * One server: its id, and the badge its protocol's descriptor gives it (role by colour,
 * outline and label; two lines of state). `labelRoom`: how wide the role label under the
 * circle may be before it runs into a neighbour's; `inward`: which side faces the view's middle.
 */
export const NodeGlyph = memo(function NodeGlyph({ id, at, flagged, labelRoom, inward }: { id: number; at: Point; flagged: boolean; labelRoom: number; inward: 1 | -1 }) {
  const protocol = useSim((s) => s.snapshot?.protocol ?? 'raft');
  const up = useSim((s) => s.nodes[id]?.up);
  // A process pause is not a crash: the server keeps its state, drawn faded behind pause bars.
  const paused = useSim((s) => s.nodes[id]?.paused ?? false);
  const clockRate = useSim((s) => s.nodes[id]?.clockRate ?? 1);
  // Only what the badge draws, as a string: a node's log and timers change far more often.
  const badgeKey = useSim((s) => (s.nodes[id] === undefined ? '' : JSON.stringify(viewOf(protocol).badge(s.nodes[id].state, id, s.nodes[id].up))));
  const selected = useSim((s) => s.selectedNode === id);
  const picked = useSim((s) => s.partitionPick?.includes(id) ?? false);
  const picking = useSim((s) => s.partitionPick !== null);
  const select = useSim((s) => s.select);
  const setPick = useSim((s) => s.setPartitionPick);
  const pick = useSim((s) => s.partitionPick);
  const palette = usePalette();
  if (up === undefined || badgeKey === '') return null;
  const b = JSON.parse(badgeKey) as Badge;
  const role = up ? { ...roleStyle(b.role, palette), label: paused ? `${b.label} · paused` : b.label } : { ...palette.role.crashed, ...CRASHED };
  const r = VIEW.nodeRadius;
  const onActivate = () => {
    if (picking) setPick(picked ? pick!.filter((x) => x !== id) : [...pick!, id]);
    else select(selected ? null : id);
  };
  return (
    <g
      className="node"
      transform={`translate(${at.x},${at.y})`}
      data-node-id={id}
      data-role={up ? b.role : 'crashed'}
      data-term={b.term}
      data-up={up}
      data-paused={paused}
      data-clock-rate={clockRate}
      role="button"
      tabIndex={0}
      aria-label={picking ? `${picked ? 'Unpick' : 'Pick'} S${id} for one side of the partition` : `Select S${id}, ${up ? b.label.toLowerCase() : 'crashed'}${paused ? ', paused' : ''}${clockRate !== 1 ? `, clock at ${clockRate}×` : ''}, ${b.lines.join(', ')}`}
      aria-pressed={picking ? picked : selected}
      onClick={onActivate}
      onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); onActivate(); } }}
    >
      <circle r={r + 13} className="node-focus" />
      {flagged && <circle r={r + 16} className="node-flag" />}
      {picked && <circle r={r + 11} className="node-picked" />}
      {/* Selected: corner brackets in the selection's colour, nothing like the ticked timer ring around the circle. */}
      {selected && !picked && <path className="node-selected" stroke={palette.selected} d={brackets(r + 18, r + 38, 12)} />}
      <circle
        r={r}
        opacity={paused ? 0.45 : undefined}
        fill={role.fill}
        stroke={role.color}
        strokeWidth={up && b.strong ? 6 : 3}
        strokeDasharray={up && b.dashed ? '7 5' : undefined}
      />
      {up && b.strong && <circle r={r - 7} fill="none" stroke={role.color} strokeWidth={2} />}
      {/* A crashed server's cross lies under its figures, which keep a halo: its term and vote stay legible. */}
      {!up && <path className="node-x" d={`M${-r * 0.6},${-r * 0.6}L${r * 0.6},${r * 0.6}M${r * 0.6},${-r * 0.6}L${-r * 0.6},${r * 0.6}`} />}
      <text className="node-id" y={-12}>S{id}</text>
      <Fitted className="node-line" y={9} room={(size) => roomAt(9, r, size)} text={b.lines[0]} />
      <Fitted className="node-line" y={26} room={(size) => roomAt(26, r, size)} text={b.lines[1]} />
      {paused && (
        <g className="node-paused" aria-hidden="true">
          <circle cx={r * 0.72} cy={-r * 0.72} r={13} />
          <rect x={r * 0.72 - 6} y={-r * 0.72 - 7} width={4} height={14} />
          <rect x={r * 0.72 + 2} y={-r * 0.72 - 7} width={4} height={14} />
        </g>
      )}
      {/* Up and to the side facing the view's middle: straight above, it ran into the role label of a neighbour up there. */}
      {clockRate !== 1 && <text className="node-clock" x={inward * (r + 2)} y={-r} style={{ textAnchor: inward === 1 ? 'start' : 'end' }}>clock {clockRate}×</text>}
      <Fitted className="node-role" y={r + 24} fill={role.color} room={() => labelRoom} text={role.label} short={up && !paused ? b.short : undefined} />
      {b.lock !== undefined && <Padlock x={r * 0.72} y={-r * 0.72} text={b.lock} lock={palette.lock} />}
    </g>
  );
});

/**
 * Locks the server holds, unmistakable from the back row: a padlock on the circle's shoulder
 * with what it locks beside it (kept while the server is down: locks are taken again on recovery).
 */
function Padlock({ x, y, text, lock }: { x: number; y: number; text: string; lock: { color: string; fill: string } }) {
  return (
    <g className="node-lock" transform={`translate(${x},${y})`} data-locks={text} aria-hidden="true">
      <path d="M-6,-4 v-5 a6,6 0 0 1 12,0 v5" fill="none" stroke={lock.color} strokeWidth={3} />
      <rect x={-10} y={-5} width={20} height={16} rx={3} fill={lock.color} />
      <circle cx={0} cy={2} r={2.5} fill={lock.fill} />
      <text x={14} y={8} className="node-lock-text" fill={lock.color}>{text}</text>
    </g>
  );
}

/**
 * Corner brackets around the circle, arms a long: the top two of half-side h, and at the foot,
 * under the role label (down to `foot`), only the level arms, so no arm crosses a long label
 * ("COORDINATOR · t1" is wider than the circle).
 */
function brackets(h: number, foot: number, a: number): string {
  return `M${-h},${-h + a}V${-h}H${-h + a}M${h - a},${-h}H${h}V${-h + a}M${h},${foot}H${h - a}M${-h + a},${foot}H${-h}`;
}

/** Room for a line of text inside a circle of radius r (less its outline), with its baseline at y. */
function roomAt(y: number, r: number, fontSize: number): number {
  const inner = r - 5;
  // The line spans from its ascent above the baseline to its descent below; the chord is narrowest at the end further from the centre.
  const far = Math.max(Math.abs(y - 0.75 * fontSize), Math.abs(y + 0.25 * fontSize));
  return far >= inner ? 0 : 2 * Math.sqrt(inner * inner - far * far);
}

/** Narrowed further than this, a line is hard to read from the back of a hall: its short form is shown instead, if it has one. */
const LEAST_SQUEEZE = 0.8;

/**
 * A line of the badge, narrowed to its room where it would run over (a circle's edge, a
 * neighbour's label, the view's side), whatever the font: `room` gets the line's font size;
 * `short`, if given, replaces a line that would be narrowed past LEAST_SQUEEZE. Measured only
 * when the text or its room changes, and on a canvas (see textWidth): the text's own measure
 * forces a layout of the page, nine times over when an election changes every server's lines.
 */
function Fitted({ className, y, fill, room, text, short }: { className: string; y: number; fill?: string; room: (fontSize: number) => number; text: string; short?: string }) {
  const ref = useRef<SVGTextElement>(null);
  const fitted = useRef<{ style: TextStyle; text: string; short?: string; width: number } | null>(null);
  const [shown, setShown] = useState(text);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const style = fitted.current?.style ?? textStyleOf(el);
    const width = room(style.fontSize);
    if (fitted.current?.text === text && fitted.current.short === short && fitted.current.width === width) return;
    // Without a canvas the full form cannot be measured while the short one shows: the full form stays.
    const whole = textWidth(text, style);
    const pick = short !== undefined && whole !== null && whole * LEAST_SQUEEZE > width ? short : text;
    // Fitted once the form chosen is on screen.
    if (pick !== shown) { setShown(pick); return; }
    fitted.current = { style, text, short, width };
    // Where no canvas measures, the text's own measure does.
    const natural = (pick === text ? whole : textWidth(pick, style)) ?? (el.removeAttribute('textLength'), el.getComputedTextLength());
    if (natural > width) {
      el.setAttribute('textLength', String(width));
      el.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    } else {
      el.removeAttribute('textLength');
    }
  });
  return <text ref={ref} className={className} y={y} fill={fill}>{shown}</text>;
}
