import { CRASHED, MESSAGE, ROLE } from '../theme';
import { MessageShape } from './MessageShape';

/** What the colours and shapes mean, always on screen for the back row. */
export function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      {Object.entries(MESSAGE).map(([type, st]) => (
        <span key={type} className="legend-item">
          <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><MessageShape type={type} filled /></svg>
          {st.label}
        </span>
      ))}
      <span className="legend-item"><svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><MessageShape type="LogResponse" filled={false} /></svg>hollow: denied / failed</span>
      {Object.values(ROLE).concat([CRASHED as never]).map((r) => (
        <span key={r.label} className="legend-item"><span className="swatch" style={{ background: r.fill, borderColor: r.color }} />{r.label.toLowerCase()}</span>
      ))}
    </div>
  );
}
