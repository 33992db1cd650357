/**
 * The accessible lists of what the diagram draws: its arrows and its marks, each an item
 * with a button (Enter seeks there and selects it) and the data-* hooks tests read. Kept by
 * hand, keyed, as the cluster's list of messages is: while following a run most of it
 * changes at every refresh, and React would spend more on it than the painting does.
 */
import type { ArrowShape, ClientShape, LeaseShape, MarkShape } from './geometry';

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

export function arrowText(s: ArrowShape): string {
  const a = s.arrow;
  const end = a.fate === 'delivered' ? `delivered at ${seconds(a.end!.t)}`
    : a.fate === 'lost' ? `lost at ${seconds(a.end!.t)}` : `in flight, due at ${seconds(a.deliverAt)}`;
  return `${a.label} from S${a.from} to S${a.to}${a.duplicateOf !== null ? ' (duplicate)' : ''}, sent at ${seconds(a.sent.t)}, ${end}`;
}

export function markText(m: MarkShape): string {
  const k = m.mark;
  const what = k.kind === 'request' ? `a client asks S${k.node} for "${k.label}"${k.refused ? ', refused' : ''}` : k.text || `S${k.node}: ${k.label}`;
  return `${what}, at ${seconds(k.t)}`;
}

/** The point of the canvas that picks an arrow: the middle of the part of it in sight (`height` tall). */
export function pickPoint(s: Pick<ArrowShape, 'x1' | 'y1' | 'x2' | 'y2' | 'loop'>, height: number): { x: number; y: number } {
  if (s.loop) return { x: s.x1 + 12, y: (s.y1 + s.y2) / 2 };
  const at = (y: number) => (s.y2 === s.y1 ? 0.5 : (y - s.y1) / (s.y2 - s.y1));
  const k0 = Math.max(0, Math.min(at(0), at(height)));
  const k1 = Math.min(1, Math.max(at(0), at(height)));
  const k = (Math.max(0, k0) + Math.min(1, k1)) / 2;
  return { x: s.x1 + (s.x2 - s.x1) * k, y: s.y1 + (s.y2 - s.y1) * k };
}

export function syncArrowItems(list: HTMLElement, shapes: readonly ArrowShape[], height: number): void {
  sync(list, shapes.map((s) => {
    const a = s.arrow;
    const p = pickPoint(s, height);
    return {
      key: `m${a.id}`,
      text: arrowText(s),
      data: {
        msgId: String(a.id), msgType: a.type, from: String(a.from), to: String(a.to), sentAt: String(a.sent.t), deliverAt: String(a.deliverAt),
        fate: a.fate, x: p.x.toFixed(1), y: p.y.toFixed(1),
        // Where a lost message died: its cross.
        ...(s.cross !== null ? { lostAt: String(a.end!.t), crossX: s.cross.x.toFixed(1), crossY: s.cross.y.toFixed(1) } : {}),
      },
    };
  }));
}

const OUTCOME_WORDS = { answered: 'answered', unknown: 'no reply before its timeout: unknown to the client', 'gave up': 'no reply: the client gave up, outcome unknown', waiting: 'no reply yet' } as const;

export function clientText(s: ClientShape): string {
  const a = s.arrow;
  const who = `client ${a.client}`;
  const end = a.fate === 'delivered' ? `arrived at ${seconds(a.end!.t)}` : a.fate === 'lost' ? `lost at ${seconds(a.end!.t)}` : `on its way, due at ${seconds(a.deliverAt)}`;
  if (a.dir === 'reply') return `Reply "${a.label}" from S${a.node} to ${who}, sent at ${seconds(a.sent.t)}, ${end}`;
  const why = a.why === 'retry' ? `retry (try ${a.attempt})` : a.why === 'redirect' ? `redirected (try ${a.attempt})` : 'request';
  return `${who}'s ${why} "${a.label}" to S${a.node}, sent at ${seconds(a.sent.t)}, ${end}; ${OUTCOME_WORDS[a.outcome!]}${a.outcomeAt !== null ? ` at ${seconds(a.outcomeAt.t)}` : ''}`;
}

/** Clients' requests and replies, with the same hooks as the servers' messages (`data-from="client 1"`), and the operation they belong to. */
export function syncClientItems(list: HTMLElement, shapes: readonly ClientShape[], height: number): void {
  sync(list, shapes.map((s) => {
    const a = s.arrow;
    const p = pickPoint({ ...s, loop: false }, height);
    const client = `client ${a.client}`;
    const server = `S${a.node}`;
    return {
      key: a.key,
      text: clientText(s),
      data: {
        msgId: a.key, msgType: a.dir, op: String(a.op), client: String(a.client), from: a.dir === 'request' ? client : server, to: a.dir === 'request' ? server : client,
        sentAt: String(a.sent.t), deliverAt: String(a.deliverAt), fate: a.fate, why: a.why ?? a.reply ?? '', outcome: a.outcome ?? '', x: p.x.toFixed(1), y: p.y.toFixed(1),
        ...(s.cross !== null ? { lostAt: String(a.end!.t), crossX: s.cross.x.toFixed(1), crossY: s.cross.y.toFixed(1) } : {}),
      },
    };
  }));
}

export function syncMarkItems(list: HTMLElement, shapes: readonly MarkShape[]): void {
  sync(list, shapes.map((s) => ({
    key: `k${s.mark.seq}-${s.mark.kind}`,
    text: markText(s),
    data: { markKind: s.mark.kind, node: String(s.mark.node), seq: String(s.mark.seq), t: String(s.mark.t), x: s.x.toFixed(1), y: s.y.toFixed(1) },
  })));
}

const ms = (v: number) => `${Math.round(v)} ms`;

/** A lease in words: "S3's lease 224–359 ms by S3's clock, granted at 270 ms, holds now; true end 368 ms; S3's clock reads 359 ms at 1250 ms". */
export function leaseText(s: LeaseShape): string {
  const l = s.span;
  const who = `S${l.node}`;
  const end = l.endedBy === 'renewed' ? `renewed at ${ms(l.end!.t)}` : l.endedBy === 'ranOut' ? `ran out at ${ms(l.end!.t)}`
    : l.endedBy === 'dropped' ? `dropped at ${ms(l.end!.t)} (${who} crashed or no longer leads)` : 'holds now';
  // Its end in true time is worth saying where the leader's clock does not keep it.
  const drift = l.ownEnd !== null && Math.round(l.ownEnd) !== Math.round(l.trueEnd) ? `; true end ${ms(l.trueEnd)}; ${who}'s clock reads ${ms(l.to)} at ${ms(l.ownEnd)}` : '';
  const reads = l.reads.length === 0 ? '' : `; ${l.reads.length} read${l.reads.length === 1 ? '' : 's'} answered on it`;
  return `${who}'s lease ${Math.round(l.from)}–${ms(l.to)} by ${who}'s clock, granted at ${ms(l.granted.t)}, ${end}${drift}${reads}`;
}

/** Leases, each with the numbers its words say (`data-lease-from`, `-to` on the leader's clock; the rest true time). */
export function syncLeaseItems(list: HTMLElement, shapes: readonly LeaseShape[]): void {
  const round = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(Math.round(v)));
  sync(list, shapes.map((s) => {
    const l = s.span;
    return {
      key: `l${l.node}-${l.granted.seq}`,
      text: leaseText(s),
      data: {
        node: String(l.node), seq: String(l.granted.seq), leaseFrom: round(l.from), leaseTo: round(l.to), leaseGranted: round(l.granted.t),
        leaseTrueEnd: round(l.trueEnd), leaseOwnEnd: round(l.ownEnd), leaseEnded: l.endedBy ?? '', leaseEndAt: round(l.end?.t), leaseReads: String(l.reads.length),
        x: s.x.toFixed(1), y: s.y1.toFixed(1),
      },
    };
  }));
}

/**
 * While an arrow is hovered, each item not causally connected to it says so (`data-faded`),
 * as the canvas fades it; `connected` null (nothing hovered) clears it.
 */
export function syncFaded(list: HTMLElement, connected: ((data: DOMStringMap) => boolean) | null): void {
  for (const li of list.children as HTMLCollectionOf<HTMLLIElement>) {
    const faded = connected !== null && !connected(li.dataset);
    if (faded !== (li.dataset.faded === 'true')) {
      if (faded) li.dataset.faded = 'true';
      else delete li.dataset.faded;
    }
  }
}

interface Item {
  key: string;
  text: string;
  data: Record<string, string>;
}

/** What each item was last given, so a sync compares with it rather than reading the DOM back (each dataset read is a call into it). */
const written = new WeakMap<HTMLLIElement, Item>();

function sync(list: HTMLElement, items: readonly Item[]): void {
  const byKey = new Map<string, HTMLLIElement>();
  for (const li of list.children as HTMLCollectionOf<HTMLLIElement>) byKey.set(li.dataset.key!, li);
  const wanted = new Set(items.map((i) => i.key));
  for (const [key, li] of byKey) if (!wanted.has(key)) li.remove();
  let next = list.firstElementChild;
  for (const item of items) {
    let li = byKey.get(item.key);
    if (li === undefined) {
      li = document.createElement('li');
      li.dataset.key = item.key;
      li.append(document.createElement('button'));
      (li.firstChild as HTMLButtonElement).type = 'button';
    }
    // Data and text change as an in-flight message lands or the view scrolls: set only what differs.
    const last = written.get(li);
    for (const [k, v] of Object.entries(item.data)) if (last?.data[k] !== v) li.dataset[k] = v;
    for (const k of ['lostAt', 'crossX', 'crossY']) if (item.data[k] === undefined && last?.data[k] !== undefined) delete li.dataset[k];
    if (last?.text !== item.text) (li.firstChild as HTMLButtonElement).textContent = item.text;
    written.set(li, item);
    if (li !== next) list.insertBefore(li, next);
    else next = next.nextElementSibling;
  }
}
