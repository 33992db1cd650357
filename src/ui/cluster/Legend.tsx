import { withReadOptions } from '../../engine/clients/readOptions';
import { maySend } from '../../engine/optionalMessages';
import { viewOf } from '../protocolView';
import { useSim } from '../store/simStore';
import { usePalette } from '../shell/themeState';
import { CRASHED, MESSAGE, MESSAGES_OF, PAXOS_ROLE, ROLE } from '../theme';
import { TIMER_TICKS } from '../draw/movingPaint';
import { MessageShape } from './MessageShape';

/** What the colours and shapes mean, always on screen for the back row. */
export function Legend() {
  const protocol = useSim((s) => s.snapshot?.protocol ?? 'raft');
  const roles = viewOf(protocol).roles ?? (protocol === 'paxos' ? PAXOS_ROLE : ROLE);
  const palette = usePalette();
  // The toggle in the pseudocode panel also sets the Raft paper's names beside the lectures' here.
  const paper = useSim((s) => s.paperNames) ? viewOf(protocol).pseudocode.paperNames : {};
  // Only the messages this run can send (a Multi-Paxos HeartbeatAck only where reads confirm leadership).
  const scenario = useSim((s) => s.scenario);
  const options = scenario === null ? {} : withReadOptions(scenario.options, scenario.clients?.reads);
  return (
    <div className="legend" aria-label="Legend">
      {(MESSAGES_OF[protocol] ?? []).filter((type) => maySend(protocol, type, options)).map((type) => [type, MESSAGE[type]] as const).map(([type, st]) => (
        <span key={type} className="legend-item">
          <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><MessageShape type={type} filled /></svg>
          {viewOf(protocol).messageLabels?.[type] ?? st.label}
          {paper[type] !== undefined && <small className="paper-name"> ({paper[type]})</small>}
        </span>
      ))}
      {protocol === 'raft' && <span className="legend-item"><svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><MessageShape type="LogResponse" filled={false} /></svg>hollow: denied / failed</span>}
      {[...Object.entries(roles), ['crashed', CRASHED] as const].map(([name, r]) => (
        <span key={r.label} className="legend-item"><span className="swatch" style={{ background: palette.role[name as keyof typeof palette.role].fill, borderColor: palette.role[name as keyof typeof palette.role].color }} />{r.label.toLowerCase()}</span>
      ))}
      {viewOf(protocol).timerRing !== null && (
        <span className="legend-item" data-legend="timer">
          <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true"><circle r={7} fill="none" stroke={palette.timer} strokeWidth={3} strokeDasharray={TIMER_TICKS.map((x) => x * 0.6).join(' ')} /></svg>
          {viewOf(protocol).timerRing}
        </span>
      )}
      {viewOf(protocol).roles !== undefined && <span className="legend-item"><svg width="20" height="20" viewBox="-11 -11 22 22" aria-hidden="true"><path d="M-6,-4 v-5 a6,6 0 0 1 12,0 v5" fill="none" stroke={palette.lock.color} strokeWidth={3} /><rect x={-10} y={-5} width={20} height={14} rx={3} fill={palette.lock.color} /></svg>locks held</span>}
    </div>
  );
}
