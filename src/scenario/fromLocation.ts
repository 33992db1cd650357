import { decodeScenario, linkParts } from './codec';
import { MAX_MOMENT, SCENARIO_VERSION } from './defaults';
import { lessonById, lessonScenario } from './lessons';
import type { Scenario } from './schema';
import { parseScenario } from './validate';

export interface Opened {
  scenario: Scenario;
  /** The moment the link points at, if any. */
  at?: number;
  /** What was wrong with the link. */
  error?: string;
  /** Set when the link could not be opened at all and `scenario` is the default cluster. */
  fallback?: true;
  /** What the page offers instead: the lesson menu, when the link named no lesson there is. */
  offer?: 'lessons';
}

export function defaultScenario(): Scenario {
  const r = parseScenario({ version: SCENARIO_VERSION, protocol: 'raft', nodes: 5, seed: 1 });
  if (!r.ok) throw new Error(`the default scenario is invalid: ${r.errors.join('; ')}`);
  return r.scenario;
}

/** Opens the scenario a page address carries in its fragment; never fails, never blank. */
export function openFromHash(hash: string): Opened {
  const parts = linkParts(hash);
  if (parts.lesson !== null && parts.scenario === null) {
    const lesson = lessonById(parts.lesson);
    if (lesson === undefined) {
      // One line, and the menu offered: it lists the lessons by name and in order (the 45 ids in a paragraph covered the logs).
      return { scenario: defaultScenario(), fallback: true, offer: 'lessons', error: `There is no lesson "${parts.lesson.slice(0, 40)}".` };
    }
    const parsed = parseScenario(lessonScenario(lesson));
    if (!parsed.ok) return { scenario: defaultScenario(), fallback: true, error: `The lesson "${lesson.id}" is broken: ${parsed.errors.join('; ')}` };
    return withMoment({ scenario: parsed.scenario }, parts.t);
  }
  if (parts.scenario === null) {
    return hash.replace(/^#/, '') === '' ? { scenario: defaultScenario() }
      : { scenario: defaultScenario(), fallback: true, error: 'This link carries no scenario (no "s=" in it). A default cluster is shown instead.' };
  }
  const decoded = decodeScenario(parts.scenario);
  if (!decoded.ok) {
    return { scenario: defaultScenario(), fallback: true, error: `This link's scenario could not be opened: ${decoded.errors.join('; ')}. A default cluster is shown instead.` };
  }
  return withMoment({ scenario: decoded.scenario }, parts.t);
}

/** Adds the moment `t=<virtual ms>` the link points at, if it is a valid one. */
export function withMoment(opened: Opened, t: string | null): Opened {
  if (t === null) return opened;
  if (!/^\d{1,9}$/.test(t)) {
    return { ...opened, error: `The link's moment "t=${t.slice(0, 20)}" is not a whole number of milliseconds; the scenario opens at the start.` };
  }
  if (Number(t) > MAX_MOMENT) {
    return { ...opened, at: MAX_MOMENT, error: `The link's moment t=${t} ms is beyond the furthest a link opens at (one hour, t=${MAX_MOMENT}); it opens at one hour instead.` };
  }
  return { ...opened, at: Number(t) };
}
