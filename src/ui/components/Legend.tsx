import { viewOf } from '../protocolView';
import { useSim } from '../store/simStore';
import { usePalette } from '../shell/themeState';
import { CRASHED, MESSAGE, MESSAGES_OF, PAXOS_ROLE, ROLE } from '../theme';
import { MessageShape } from './MessageShape';

/** What the colours and shapes mean, always on screen for the back row. */
export function Legend() {
  const protocol = useSim((s) => s.snapshot?.protocol ?? 'raft');
  const roles = protocol === 'paxos' ? PAXOS_ROLE : ROLE;
  const palette = usePalette();
  // The toggle in the pseudocode panel also sets the Raft paper's names beside the lectures' here.
  const paper = useSim((s) => s.paperNames) ? viewOf(protocol).pseudocode.paperNames : {};
  return (
    <div className="legend" aria-label="Legend">
      {(MESSAGES_OF[protocol] ?? []).map((type) => [type, MESSAGE[type]] as const).map(([type, st]) => (
        <span key={type} className="legend-item">
          <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><MessageShape type={type} filled /></svg>
          {st.label}
          {paper[type] !== undefined && <small className="paper-name"> ({paper[type]})</small>}
        </span>
      ))}
      {protocol === 'raft' && <span className="legend-item"><svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><MessageShape type="LogResponse" filled={false} /></svg>hollow: denied / failed</span>}
      {[...Object.entries(roles), ['crashed', CRASHED] as const].map(([name, r]) => (
        <span key={r.label} className="legend-item"><span className="swatch" style={{ background: palette.role[name as keyof typeof palette.role].fill, borderColor: palette.role[name as keyof typeof palette.role].color }} />{r.label.toLowerCase()}</span>
      ))}
    </div>
  );
}
