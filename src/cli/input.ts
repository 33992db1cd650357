import { existsSync, readFileSync } from 'node:fs';
import { decodeScenario, linkParts, parseScenarioJson } from '../scenario/codec';
import { comparisonPair } from '../scenario/pair';
import type { Parsed } from '../scenario/validate';
import { EXIT } from './exitCodes';

/**
 * Reads a scenario from a JSON file, a share link, or a bare encoded string. A missing file exits at once.
 * Of a link to two runs side by side (`vs=`, `compare=`), `side` picks which.
 */
export function readScenarioArg(arg: string, side: 'left' | 'right' = 'left'): Parsed {
  if (existsSync(arg)) {
    try {
      return parseScenarioJson(readFileSync(arg, 'utf8'));
    } catch (e) {
      return { ok: false, errors: [`cannot read ${arg}: ${(e as Error).message}`] };
    }
  }
  if (arg.endsWith('.json')) fail(`no such file: ${arg}`);
  const parts = linkParts(arg);
  if (parts.compare !== null) {
    const pair = comparisonPair(parts.compare);
    return pair === undefined ? { ok: false, errors: [`the link names no comparison "${parts.compare}"`] } : { ok: true, scenario: pair[side] };
  }
  if (side === 'right') {
    return parts.versus === null ? { ok: false, errors: ['--side right: the link has no second run (no "vs=" in its fragment)'] } : decodeScenario(parts.versus);
  }
  if (parts.scenario !== null) return decodeScenario(parts.scenario);
  if (arg.includes('#') || arg.includes('://')) return { ok: false, errors: ['the link has no scenario (no "s=" in its fragment)'] };
  return decodeScenario(arg);
}

/** Bad input: one readable line on stderr, exit code 2. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(EXIT.badInput);
}

export function parseIntArg(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) fail(`${name} expects a whole number, found ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  const n = Number(value);
  if (n < min || n > max) fail(`${name} expects a whole number from ${min} to ${max}, found ${n}`);
  return n;
}
