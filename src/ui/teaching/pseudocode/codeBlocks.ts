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
  const values = new Map<string, string[]>();
  for (const l of run?.lines ?? []) {
    const list = values.get(l.id) ?? [];
    if (l.value !== null && !list.includes(l.value)) list.push(l.value);
    values.set(l.id, list);
  }
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
