import { COMPARISONS } from './comparisons';
import { LESSONS } from './lessons';

/**
 * The lesson menu's contents: the lessons by part, in their number order (P5, Multi-Paxos, is
 * listed among the Paxos lessons by its number, not where it was added), then the runs side by
 * side. The parts come in the order their first lesson does in LESSONS.
 */
export interface MenuEntry {
  id: string;
  title: string;
  /** The lesson's number as its title gives it ("3", "P4a", "A3"); null for a side-by-side pair. */
  number: string | null;
  hash: string;
  pair: boolean;
}

export interface MenuPart {
  heading: string;
  entries: MenuEntry[];
}

/** The letter before a lesson's number names its part, as the lectures do. */
const PARTS: Readonly<Record<string, string>> = { '': 'Raft', P: 'Paxos', A: 'Atomic commit', C: 'Clients' };

const NUMBERED = /^([A-Z]?)(\d+)([a-z]?)\. /;

/** Sorts "P4a" before "P4b" before "P5", and "9" before "10". */
function rank(number: string): [number, string] {
  const m = NUMBERED.exec(`${number}. `)!;
  return [Number(m[2]), m[3]];
}

/**
 * The lessons whose runs have clients, as words ("C1 to C10"): what the History tab points to
 * when a run has none. A range when their numbers follow on, else each named.
 */
export function lessonsWithClients(): string {
  const numbers = lessonMenu().flatMap((p) => p.entries)
    .filter((e) => LESSONS.find((l) => l.id === e.id)?.scenario.clients !== undefined)
    .map((e) => e.number!);
  const parsed = numbers.map((n) => NUMBERED.exec(`${n}. `)!);
  const follow = parsed.every((m, k) => m[3] === '' && m[1] === parsed[0][1] && Number(m[2]) === Number(parsed[0][2]) + k);
  return follow && numbers.length > 2 ? `${numbers[0]} to ${numbers.at(-1)}` : numbers.join(', ');
}

export function lessonMenu(): MenuPart[] {
  const parts = new Map<string, MenuEntry[]>();
  for (const l of LESSONS) {
    const m = NUMBERED.exec(l.title);
    if (m === null) throw new Error(`lesson ${l.id}: its title "${l.title}" has no number`);
    const heading = PARTS[m[1]];
    if (heading === undefined) throw new Error(`lesson ${l.id}: no part is lettered "${m[1]}"`);
    if (!parts.has(heading)) parts.set(heading, []);
    parts.get(heading)!.push({ id: l.id, title: l.title, number: `${m[1]}${m[2]}${m[3]}`, hash: `#lesson=${l.id}`, pair: false });
  }
  const byNumber = (a: MenuEntry, b: MenuEntry) => {
    const [[na, la], [nb, lb]] = [rank(a.number!), rank(b.number!)];
    return na - nb || la.localeCompare(lb);
  };
  return [
    ...[...parts].map(([heading, entries]) => ({ heading, entries: entries.toSorted(byNumber) })),
    {
      heading: 'Side by side',
      entries: COMPARISONS.map((c) => ({ id: c.id, title: `Side by side: ${c.title}`, number: null, hash: `#compare=${c.id}`, pair: true })),
    },
  ];
}

/**
 * Type-ahead: the entry that what the user typed names, looking from `from` on (so typing a
 * letter again moves on, as in a native list): a lesson whose number begins with it ("A3",
 * "p5"), else an entry whose title does. Null when none does.
 */
export function typedEntry(entries: readonly MenuEntry[], typed: string, from = 0): number | null {
  const t = typed.toLowerCase();
  const order = entries.map((_, k) => (from + k) % entries.length);
  const byNumber = order.find((k) => entries[k].number?.toLowerCase().startsWith(t));
  if (byNumber !== undefined) return byNumber;
  return order.find((k) => entries[k].title.toLowerCase().startsWith(t)) ?? null;
}
