import { lane, messagePlacement, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';
import { linkBlocker } from '../geometry/blocking';
import { useBlockKey } from './Links';

/**
 * The messages in flight as a list: what screen readers and the keyboard use (Enter on one
 * offers to drop it), and the stable data-* hooks tests read. Drawn on the canvas; this list
 * follows the run at the slow views' pace while playing, and exactly when paused, when each
 * item also gives its position.
 */
export function MessageList({ positions }: { positions: Point[] }) {
  const snap = useSim((s) => s.flight?.snapshot ?? null);
  const selectMessage = useSim((s) => s.selectMessage);
  const blocked = linkBlocker(useBlockKey());
  if (snap === null) return <ul className="message-list" aria-label="Messages in flight" />;
  const paused = !snap.playing;
  return (
    <ul className="message-list" aria-label="Messages in flight">
      {snap.messages.filter((m) => m.lostAt === null).map((m) => {
        const from = positions[m.from - 1];
        const to = positions[m.to - 1];
        const at = paused && from && to && m.from !== m.to
          ? messagePlacement(lane(from, to), m.sentAt, m.deliverAt, null, blocked(m.from, m.to) !== null, snap.time, snap.network.latencyMax)
          : null;
        return (
          <li key={m.id} className="message" data-msg-id={m.id} data-msg-type={m.type} data-from={m.from} data-to={m.to}
            data-x={at?.x.toFixed(1)} data-y={at?.y.toFixed(1)}>
            <button type="button" onClick={() => selectMessage(m.id)}>
              {m.label} from S{m.from} to S{m.to}{m.duplicateOf !== null ? ' (duplicate)' : ''}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
