import { handlerOf, type Pseudocode } from '../../../engine/sim/pseudocode';
import type { CodeRun } from '../../../worker/protocol';

export interface LineRow {
  id: string;
  depth: number;
  text: string;
  /** The engine reported this line as run in the event shown. */
  ran: boolean;
  /** The values beside it, one per time it ran (a line run once per follower has several). */
  values: string[];
  /** The narration step in force names this line. */
  narrated: boolean;
}

export interface HandlerBlock {
  id: string;
  title: string;
  slide?: string;
  lines: LineRow[];
}

/**
 * The handlers to show for one run, from what the engine reported and nothing else: the
 * handler that ran first (it is the event's), then the functions it called, then any other
 * handler whose lines the narration names. Lines not reported are shown as not run.
 */
export function codeBlocks(code: Pseudocode, run: CodeRun | null, narrated: readonly string[]): { handler: string | null; blocks: HandlerBlock[] } {
  const values = new Map((run?.lines ?? []).map((l) => [l.id, l.values]));
  const order: string[] = [];
  for (const id of [...values.keys(), ...narrated]) {
    const h = handlerOf(id);
    if (!order.includes(h)) order.push(h);
  }
  const named = new Set(narrated);
  const blocks = order.flatMap((id) => {
    const h = code.handlers.find((x) => x.id === id);
    if (h === undefined) return [];
    return [{
      id: h.id, title: h.title, ...(h.slide !== undefined ? { slide: h.slide } : {}),
      lines: h.lines.map((l) => ({ id: l.id, depth: l.depth, text: l.text, ran: values.has(l.id), values: values.get(l.id) ?? [], narrated: named.has(l.id) })),
    }];
  });
  const first = run?.lines[0];
  return { handler: first === undefined ? null : handlerOf(first.id), blocks };
}

/** Splits a line's text around the lecture's names that the Raft paper calls otherwise, so the view can set the paper's name beside each. */
export function paperSegments(text: string, names: Readonly<Record<string, string>>): { text: string; paper?: string }[] {
  const keys = Object.keys(names);
  if (keys.length === 0) return [{ text }];
  const pattern = new RegExp(`\\b(${keys.join('|')})\\b`, 'g');
  const out: { text: string; paper?: string }[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const end = m.index + m[0].length;
    out.push({ text: text.slice(at, end), paper: names[m[0]] });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * Whether two runs show the same: the same event with the same lines and values. While
 * playing, each snapshot brings fresh copies of runs the panel already shows (a node that ran
 * nothing since): those change nothing on screen. The whole content is compared, not only the
 * event's number: after acting in the past, a new event can take an old one's number.
 */
export function sameRun(a: CodeRun | null, b: CodeRun | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.seq !== b.seq || a.t !== b.t || a.node !== b.node || a.rule !== b.rule || a.lines.length !== b.lines.length) return false;
  return a.lines.every((l, i) => l.id === b.lines[i].id && sameValues(l.values, b.lines[i].values));
}

/** Two lists of a line's values, element by element. */
export function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}

/**
 * The handlers each place in the panel keeps, in the protocol's order: the k-th block shown
 * stays in place k once shown, hidden when another handler takes that place. Showing it again
 * then lays out nothing new (its text is laid out already); the panel only marks lines.
 * Returns `shelves` itself when every block shown is kept already.
 */
export function shelve(code: Pseudocode, shelves: readonly (readonly string[])[], blocks: readonly HandlerBlock[]): readonly (readonly string[])[] {
  if (blocks.every((b, k) => shelves[k]?.includes(b.id) === true)) return shelves;
  const rank = (id: string) => code.handlers.findIndex((h) => h.id === id);
  const next = [...shelves];
  blocks.forEach((b, k) => {
    const kept = next[k] ?? [];
    if (!kept.includes(b.id)) next[k] = [...kept, b.id].toSorted((x, y) => rank(x) - rank(y));
  });
  return next;
}
