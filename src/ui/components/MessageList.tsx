import { lane, messagePlacement, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';
import { isBlocked, useBlockKey } from './Links';

/**
 * The messages in flight as a list: what screen readers and the keyboard use (Enter on one
 * offers to drop it), and the stable data-* hooks tests read. Drawn on the canvas; this list
 * changes only when a message appears or leaves. Paused, each item also gives its position.
 */
export function MessageList({ positions }: { positions: Point[] }) {
  const ids = useSim((s) => (s.snapshot?.messages ?? []).filter((m) => m.lostAt === null).map((m) => m.id).join());
  const paused = useSim((s) => !(s.snapshot?.playing ?? false));
  const time = useSim((s) => (paused ? s.snapshot?.time ?? 0 : 0));
  const key = useBlockKey();
  const messages = useSim((s) => s.snapshot?.messages);
  const selectMessage = useSim((s) => s.selectMessage);
  const fallMs = useSim((s) => s.snapshot?.network.latencyMax ?? 20);
  if (messages === undefined || ids === '') return <ul className="message-list" aria-label="Messages in flight" />;
  return (
    <ul className="message-list" aria-label="Messages in flight">
      {messages.filter((m) => m.lostAt === null).map((m) => {
        const at = paused && positions[m.from - 1] && positions[m.to - 1]
          ? messagePlacement(lane(positions[m.from - 1], positions[m.to - 1]), m.sentAt, m.deliverAt, null, isBlocked(key, m.from, m.to) !== null, time, fallMs)
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
