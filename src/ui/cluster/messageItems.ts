import type { MessageView } from '../../worker/protocol';

/**
 * At most this many messages are listed: the ones arriving soonest (and the selected one).
 * A burst at 100x leaves thousands in flight, and laying out a list of thousands held the
 * page for seconds just when Pause should take effect; nobody reads that many aloud anyway.
 */
export const MAX_LISTED = 100;

/** The messages to list: all of them, or the MAX_LISTED arriving soonest and the selected one wherever it is, in order of arrival. */
export function listed(messages: readonly MessageView[], selected: number | null): readonly MessageView[] {
  if (messages.length <= MAX_LISTED) return messages;
  const byArrival = messages.toSorted((a, b) => a.deliverAt - b.deliverAt || a.id - b.id);
  const first = byArrival.slice(0, MAX_LISTED);
  const pick = byArrival.slice(MAX_LISTED).find((m) => m.id === selected);
  return pick === undefined ? first : [...first.slice(0, -1), pick];
}

/** One message in flight as the list shows it. */
export interface MessageItem {
  id: number;
  type: string;
  from: number;
  to: number;
  /** Where it is drawn, given only when paused. */
  x?: string;
  y?: string;
  text: string;
}

/**
 * Keeps the list's items in step with the messages in flight, by hand: under load most of
 * the list is new at every refresh, and building it directly costs a fraction of what React
 * spends. Items are keyed by message, so a focused item stays with its message, and is
 * removed with it.
 */
export function syncMessageItems(list: HTMLUListElement, items: readonly MessageItem[]): void {
  const byId = new Map<string, HTMLLIElement>();
  for (const li of list.children as HTMLCollectionOf<HTMLLIElement>) byId.set(li.dataset.msgId!, li);
  const wanted = new Set(items.map((m) => String(m.id)));
  for (const [id, li] of byId) if (!wanted.has(id)) li.remove();
  let next = list.firstElementChild;
  for (const m of items) {
    const li = byId.get(String(m.id)) ?? newItem(m);
    setData(li, 'x', m.x);
    setData(li, 'y', m.y);
    if (li !== next) list.insertBefore(li, next);
    else next = next.nextElementSibling;
  }
}

function newItem(m: MessageItem): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'message';
  li.dataset.msgId = String(m.id);
  li.dataset.msgType = m.type;
  li.dataset.from = String(m.from);
  li.dataset.to = String(m.to);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = m.text;
  li.append(button);
  return li;
}

function setData(li: HTMLLIElement, key: 'x' | 'y', value: string | undefined): void {
  if (li.dataset[key] === value) return;
  if (value === undefined) delete li.dataset[key];
  else li.dataset[key] = value;
}
