import { decodeScenario, linkParts } from './codec';
import type { Scenario } from './schema';
import { parseScenario } from './validate';

export interface Opened {
  scenario: Scenario;
  /** The moment the link points at, if any. */
  at?: number;
  /** Why the link could not be opened; the default cluster opens instead. */
  error?: string;
}

export function defaultScenario(): Scenario {
  const r = parseScenario({ version: 1, protocol: 'raft', nodes: 5, seed: 1 });
  if (!r.ok) throw new Error(`the default scenario is invalid: ${r.errors.join('; ')}`);
  return r.scenario;
}

/** Opens the scenario a page address carries in its fragment; never fails, never blank. */
export function openFromHash(hash: string): Opened {
  const parts = linkParts(hash);
  if (parts.scenario === null) {
    return hash.replace(/^#/, '') === '' ? { scenario: defaultScenario() }
      : { scenario: defaultScenario(), error: 'This link carries no scenario (no "s=" in it).' };
  }
  const decoded = decodeScenario(parts.scenario);
  if (!decoded.ok) {
    return { scenario: defaultScenario(), error: `This link's scenario could not be opened: ${decoded.errors.join('; ')}. A default cluster is shown instead.` };
  }
  if (parts.t !== null) {
    const t = Number(parts.t);
    if (!/^\d+$/.test(parts.t) || t > 100_000_000) {
      return { scenario: decoded.scenario, error: `The link's moment "t=${parts.t}" is not a whole number of milliseconds; the scenario opens at the start.` };
    }
    return { scenario: decoded.scenario, at: t };
  }
  return { scenario: decoded.scenario };
}
