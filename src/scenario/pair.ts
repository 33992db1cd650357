import { decodeScenario, encodeScenario, linkParts } from './codec';
import { comparisonById, COMPARISONS } from './comparisons';
import { type Opened, openFromHash, withMoment } from './fromLocation';
import type { Scenario, ScenarioInput } from './schema';
import { parseScenario } from './validate';

/**
 * Two runs side by side: a link `#s=<left>&vs=<right>[&t=]` or a built-in `#compare=<id>`.
 * Each side is an ordinary scenario (old links keep their meaning: `vs` is simply new), so
 * `npm run sim -- '<link>' --side right` replays the right run alone to the same hash.
 */
export interface Pair {
  title: string;
  left: Scenario;
  right: Scenario;
}

export type OpenedPair =
  | { kind: 'pair'; pair: Pair; at?: number; error?: string }
  /** Not a pair after all (or one that could not be opened): the page shows one run, with the reason. */
  | { kind: 'single'; opened: Opened };

/** Whether an address asks for two runs side by side. */
export function isPairHash(hash: string): boolean {
  const p = linkParts(hash);
  return p.versus !== null || p.compare !== null;
}

function parsed(input: ScenarioInput, what: string): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`${what} is broken: ${r.errors.join('; ')}`);
  return r.scenario;
}

/** The pair a built-in comparison opens, each side at the comparison's pace. */
export function comparisonPair(id: string): Pair | undefined {
  const c = comparisonById(id);
  if (c === undefined) return undefined;
  return {
    title: c.title,
    left: parsed({ ...c.left, speed: c.speed }, `The comparison "${c.id}" (left)`),
    right: parsed({ ...c.right, speed: c.speed }, `The comparison "${c.id}" (right)`),
  };
}

/** Opens the pair an address carries; never fails: a bad second run leaves the first open alone, saying why. */
export function openPair(hash: string): OpenedPair {
  const parts = linkParts(hash);
  if (parts.compare !== null) {
    const pair = comparisonPair(parts.compare);
    if (pair === undefined) {
      const single = openFromHash('');
      return { kind: 'single', opened: { ...single, fallback: true, error: `There is no comparison "${parts.compare.slice(0, 40)}". The comparisons are: ${COMPARISONS.map((c) => c.id).join(', ')}. A default cluster is shown instead.` } };
    }
    // The moment is read as a single run's is (same limits, same messages).
    const { at, error } = withMoment({ scenario: pair.left }, parts.t);
    return { kind: 'pair', pair, ...(at !== undefined ? { at } : {}), ...(error !== undefined ? { error } : {}) };
  }
  const left = openFromHash(hash.replace(/(^#?|&)vs=[^&]*/, '$1').replace(/^#&/, '#'));
  if (left.fallback || parts.versus === null) return { kind: 'single', opened: left };
  const right = decodeScenario(parts.versus);
  if (!right.ok) {
    return { kind: 'single', opened: { ...left, error: `This link's second run ("vs=") could not be opened: ${right.errors.join('; ')}. Only the first run is shown.` } };
  }
  const title = `${left.scenario.title ?? left.scenario.protocol} · ${right.scenario.title ?? right.scenario.protocol}`;
  return { kind: 'pair', pair: { title, left: left.scenario, right: right.scenario }, ...(left.at !== undefined ? { at: left.at } : {}), ...(left.error !== undefined ? { error: left.error } : {}) };
}

/** The link that reopens both runs as they stand (every action taken), optionally at a moment. */
export function pairLink(base: string, left: Scenario, right: Scenario, t?: number): string {
  const root = base.includes('#') ? base.slice(0, base.indexOf('#')) : base;
  return `${root}#s=${encodeScenario(left)}&vs=${encodeScenario(right)}${t !== undefined ? `&t=${t}` : ''}`;
}
