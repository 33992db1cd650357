import { lane, messagePlacement, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';
import type { MessageView } from '../../worker/protocol';
import { isBlocked, useBlockKey } from './Links';
import { MessageShape } from './MessageShape';

function shortLabel(m: MessageView): string {
  const f = m.fields as Record<string, unknown>;
  switch (m.type) {
    case 'VoteRequest': return `vote? t${f.term}`;
    case 'VoteResponse': return `${f.granted ? 'yes' : 'no'} t${f.term}`;
    case 'LogRequest': return `t${f.term} +${f.suffix}`;
    case 'LogResponse': return f.success ? `ack ${f.ack}` : 'fail';
    case 'ClientRequest': return String(f.command);
    default: return m.type;
  }
}

/** Messages in flight, placed by interpolation; lost ones fall away; click one to drop it. */
export function Messages({ positions }: { positions: Point[] }) {
  const messages = useSim((s) => s.snapshot?.messages);
  const time = useSim((s) => s.snapshot?.time ?? 0);
  const paused = useSim((s) => !(s.snapshot?.playing ?? false));
  const fallMs = useSim((s) => s.snapshot?.network.latencyMax ?? 20);
  const selected = useSim((s) => s.selectedMessage);
  const selectMessage = useSim((s) => s.selectMessage);
  const key = useBlockKey();
  if (messages === undefined) return null;
  return (
    <g className="messages">
      {messages.map((m) => {
        const from = positions[m.from - 1];
        const to = positions[m.to - 1];
        if (from === undefined || to === undefined) return null;
        const place = messagePlacement(lane(from, to), m.sentAt, m.deliverAt, m.lostAt, isBlocked(key, m.from, m.to) !== null, time, fallMs);
        const f = m.fields as { granted?: boolean; success?: boolean };
        const filled = f.granted !== false && f.success !== false;
        const inFlight = m.lostAt === null;
        return (
          <g
            key={`${m.id}-${m.lostAt ?? ''}`}
            className={`message${m.id === selected ? ' selected' : ''}`}
            transform={`translate(${place.x},${place.y})`}
            opacity={place.opacity}
            data-msg-id={m.id}
            data-msg-type={m.type}
            data-from={m.from}
            data-to={m.to}
            data-lost={!inFlight}
            role={inFlight ? 'button' : undefined}
            tabIndex={inFlight ? 0 : undefined}
            aria-label={inFlight ? `${m.label} from S${m.from} to S${m.to}${m.duplicateOf !== null ? ' (duplicate)' : ''}` : undefined}
            onClick={inFlight ? (e) => { e.stopPropagation(); selectMessage(m.id); } : undefined}
            onKeyDown={inFlight ? (e) => { if (e.key === 'Enter') selectMessage(m.id); } : undefined}
          >
            <title>{`${m.label} S${m.from}→S${m.to}${m.duplicateOf !== null ? ` (duplicate of #${m.duplicateOf})` : ''}`}</title>
            <circle r={14} className="message-hit" />
            <MessageShape type={m.type} filled={filled} />
            {m.duplicateOf !== null && <text className="message-dup" x={9} y={-7}>×2</text>}
            {(paused || m.id === selected) && <text className="message-label" y={-13}>{shortLabel(m)}</text>}
          </g>
        );
      })}
    </g>
  );
}
