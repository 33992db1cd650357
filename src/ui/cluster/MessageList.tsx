import { useLayoutEffect, useMemo, useRef } from 'react';
import { lane, messagePlacement, type Point } from '../geometry/layout';
import { linkBlocker } from '../geometry/blocking';
import { useSim } from '../store/simStore';
import type { MessageView, Snapshot } from '../../worker/protocol';
import { useBlockKey } from './Links';
import { listed as listedOf, type MessageItem, syncMessageItems } from './messageItems';

/**
 * The messages in flight as a list: what screen readers and the keyboard use (Enter on one
 * offers to drop it), and the stable data-* hooks tests read. Drawn on the canvas; this list
 * follows the run at the slow views' pace while playing, and exactly when paused, when each
 * item also gives its position. Played so fast that messages come and go between two
 * refreshes, it is empty and its name says why; with more than MAX_LISTED in flight, its name
 * says how many are left out.
 */
export function MessageList({ positions }: { positions: Point[] }) {
  const snap = useSim((s) => s.flight?.snapshot ?? null);
  const fleeting = useSim((s) => s.flight?.fleeting ?? false);
  const selectMessage = useSim((s) => s.selectMessage);
  const selected = useSim((s) => s.selectedMessage);
  const blockKey = useBlockKey();
  const list = useRef<HTMLUListElement>(null);
  const flying = useMemo(() => (snap === null || fleeting ? [] : snap.messages.filter((m) => m.lostAt === null)), [snap, fleeting]);
  const listed = useMemo(() => listedOf(flying, selected), [flying, selected]);
  useLayoutEffect(() => {
    syncMessageItems(list.current!, snap === null ? [] : itemsOf(snap, listed, positions, linkBlocker(blockKey)));
  }, [snap, listed, positions, blockKey]);
  const onClick = (e: React.MouseEvent<HTMLUListElement>) => {
    const item = (e.target as Element).closest<HTMLElement>('li[data-msg-id]');
    if (item !== null) selectMessage(Number(item.dataset.msgId));
  };
  // The items are kept by syncMessageItems, not by React.
  const label = fleeting ? 'Messages in flight: too quick to list at this speed; pause or slow down to pick one'
    : listed.length < flying.length ? `Messages in flight: ${flying.length.toLocaleString('en')}, the ${listed.length} arriving soonest listed` : 'Messages in flight';
  // In a plain box of its own: a grid's child never holds a layout to itself, so in the cluster's box
  // each step's items (added, removed, moved) would lay out the whole page (see styles.css).
  return <div className="message-list-box"><ul ref={list} className="message-list" aria-label={label} onClick={onClick} /></div>;
}

function itemsOf(snap: Snapshot, messages: readonly MessageView[], positions: Point[], blocked: ReturnType<typeof linkBlocker>): MessageItem[] {
  const paused = !snap.playing;
  return messages.map((m) => {
    const from = positions[m.from - 1];
    const to = positions[m.to - 1];
    const at = paused && from && to && m.from !== m.to
      ? messagePlacement(lane(from, to), m.sentAt + m.heldFor, m.deliverAt, null, blocked(m.from, m.to) !== null, m.heldAt ?? snap.time, snap.network.latencyMax)
      : null;
    return {
      id: m.id, type: m.type, from: m.from, to: m.to,
      x: at?.x.toFixed(1), y: at?.y.toFixed(1),
      text: `${m.label} from S${m.from} to S${m.to}${m.duplicateOf !== null ? ' (duplicate)' : ''}${m.heldAt !== null ? ' (held)' : ''}`,
    };
  });
}
