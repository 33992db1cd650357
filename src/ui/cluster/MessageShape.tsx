import { usePalette } from '../shell/themeState';
import { messageStyle } from '../theme';

/**
 * A message's glyph: each type has its own shape as well as colour, so the view still
 * reads in greyscale. Hollow means denied (votes) or failed (log acknowledgements).
 */
export function MessageShape({ type, filled, size = 1 }: { type: string; filled: boolean; size?: number }) {
  const palette = usePalette();
  const st = messageStyle(type, palette);
  const common = { fill: filled ? st.color : palette.panel, stroke: st.color, strokeWidth: 2.5 };
  const k = size;
  switch (st.shape) {
    case 'square': return <rect x={-7 * k} y={-7 * k} width={14 * k} height={14 * k} rx={2} {...common} />;
    case 'diamond': return <path d={`M0,${-9 * k}L${9 * k},0L0,${9 * k}L${-9 * k},0Z`} {...common} />;
    case 'triangle': return <path d={`M0,${-9 * k}L${8.5 * k},${7 * k}L${-8.5 * k},${7 * k}Z`} {...common} />;
    case 'hourglass': return <path d={`M${-7 * k},${-8 * k}L${7 * k},${-8 * k}L${-7 * k},${8 * k}L${7 * k},${8 * k}Z`} {...common} strokeLinejoin="round" />;
    case 'ring': return (
      <g>
        <circle r={7.5 * k} {...common} fill={palette.panel} />
        {filled && <circle r={3.5 * k} fill={st.color} />}
      </g>
    );
    default: return <circle r={7.5 * k} {...common} />;
  }
}
