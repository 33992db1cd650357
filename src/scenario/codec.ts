import LZString from 'lz-string';
import { checksum } from './checksum';
import { DEFAULT_CLIENTS, DEFAULT_NETWORK, DEFAULT_OPTIONS, DEFAULT_SEED, DEFAULT_TIMING } from './defaults';
import { decompressBounded } from './lzBounded';
import { NESTED_TOO_DEEPLY, textTooDeep } from './nesting';
import type { Scenario } from './schema';
import { type Parsed, parseScenario } from './validate';

// lz-string is a CommonJS module: take its function from the default export.
const { compressToEncodedURIComponent } = LZString;

/** Bounds checked before and during decompression, so a hostile link cannot exhaust memory. */
export const CODEC_LIMITS = { maxEncoded: 64 * 1024, maxJson: 512 * 1024 } as const;

/**
 * What follows `s=` in a share link. Version 1 (the first links): the lz-string payload alone.
 * Version 2: `2.<payload length>.<CRC-32 of the payload>.<payload>`, numbers in base 36, so a
 * link cut short or changed on its way is reported as such instead of opening something else.
 * '.' never occurs in lz-string's alphabet, so the two cannot be confused. Every version keeps
 * opening: the link corpus in linkCorpus.test.ts holds links of each.
 */
export const LINK_VERSION = 2;

function withoutDefaults<T extends Record<string, unknown>>(value: T, defaults: Record<string, unknown>): Partial<T> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== defaults[k]) out[k] = v;
  return Object.keys(out).length > 0 ? (out as Partial<T>) : undefined;
}

/** The scenario with every default left out: what a link or a file needs to carry. */
export function compact(s: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = { version: s.version, protocol: s.protocol };
  if (s.title !== undefined) out.title = s.title;
  if (s.lesson !== undefined) out.lesson = s.lesson;
  out.nodes = s.nodes;
  if (s.seed !== DEFAULT_SEED) out.seed = s.seed;
  if (s.proposers !== undefined) out.proposers = s.proposers;
  if (s.voteNo !== undefined) out.voteNo = s.voteNo;
  const timing = withoutDefaults(s.timing, DEFAULT_TIMING);
  if (timing) out.timing = timing;
  const network = withoutDefaults(s.network, DEFAULT_NETWORK);
  if (network) out.network = network;
  const options = withoutDefaults(s.options, DEFAULT_OPTIONS);
  if (options) out.options = options;
  // Clients are present or not; within them, only what differs from the defaults travels.
  if (s.clients !== undefined) out.clients = withoutDefaults(s.clients, { count: 1, ...DEFAULT_CLIENTS }) ?? {};
  if (s.storage !== undefined) out.storage = withoutDefaults(s.storage, { fencing: true }) ?? {};
  if (s.speed !== undefined) out.speed = s.speed;
  if (s.bugs.length > 0) out.bugs = s.bugs;
  if (s.actions.length > 0) out.actions = s.actions;
  if (s.narration.length > 0) out.narration = s.narration;
  return out;
}

/** A compact, URL-safe string for the scenario, in the current link version. */
export function encodeScenario(s: Scenario): string {
  const payload = compressToEncodedURIComponent(JSON.stringify(compact(s)));
  return `${LINK_VERSION}.${payload.length.toString(36)}.${checksum(payload)}.${payload}`;
}

const damaged = (why: string): Parsed => ({ ok: false, errors: [`the link is damaged: ${why}; copy the whole link again`] });

/** Decodes and validates a link's scenario of any link version; never throws: bad input yields readable errors. */
export function decodeScenario(encoded: string): Parsed {
  if (encoded.length === 0) return { ok: false, errors: ['the link carries no scenario'] };
  if (encoded.length > CODEC_LIMITS.maxEncoded) {
    return { ok: false, errors: [`the scenario is too long: ${encoded.length} characters, at most ${CODEC_LIMITS.maxEncoded}`] };
  }
  const envelope = /^(\d+)\./.exec(encoded);
  if (envelope === null) return inflate(encoded);
  const version = Number(envelope[1]);
  if (version !== LINK_VERSION) {
    return { ok: false, errors: [`the link was made by a newer Quorum (link version ${envelope[1]}); this one reads versions 1 to ${LINK_VERSION}`] };
  }
  const parts = encoded.split('.');
  if (parts.length < 4) return damaged('it was cut short before its scenario began');
  const [, lengthText, sum] = parts;
  const payload = parts.slice(3).join('.');
  const length = /^[0-9a-z]{1,6}$/.test(lengthText) ? parseInt(lengthText, 36) : NaN;
  if (Number.isNaN(length)) return damaged('its header is unreadable');
  if (payload.length < length) return damaged(`it was cut short (${payload.length} of its ${length} scenario characters arrived)`);
  if (payload.length > length) return damaged(`it is longer than it was made (${payload.length} scenario characters, ${length} expected)`);
  if (checksum(payload) !== sum) return damaged('its checksum does not match, so a character was changed');
  return inflate(payload);
}

/** The lz-string payload to JSON, stopping as soon as the text passes the size limit. */
function inflate(payload: string): Parsed {
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload)) {
    return { ok: false, errors: ['the scenario text is damaged: it holds characters a share link never contains'] };
  }
  const json = decompressBounded(payload, CODEC_LIMITS.maxJson);
  if (!json.ok && json.reason === 'tooLarge') {
    return { ok: false, errors: [`the scenario is too large once decompressed: more than ${CODEC_LIMITS.maxJson} characters`] };
  }
  if (!json.ok || json.text === '') return { ok: false, errors: ['the scenario text is damaged and cannot be decompressed'] };
  return parseScenarioJson(json.text);
}

/** Parses scenario JSON text (a file, a decoded link); never throws. */
export function parseScenarioJson(json: string): Parsed {
  if (json.length > CODEC_LIMITS.maxJson) {
    return { ok: false, errors: [`the scenario is too large: ${json.length} characters, at most ${CODEC_LIMITS.maxJson}`] };
  }
  if (textTooDeep(json)) return { ok: false, errors: [NESTED_TOO_DEEPLY] };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [`the scenario is not valid JSON: ${(e as Error).message}`] };
  }
  return parseScenario(doc);
}

export interface LinkParts {
  scenario: string | null;
  /** The moment the link points at (`t=<virtual ms>`), if any. */
  t: string | null;
  /** A built-in lesson (`lesson=<id>`), if any. */
  lesson: string | null;
  /** The second run of a side-by-side pair (`vs=<encoded>`), if any (see pair.ts). */
  versus: string | null;
  /** A built-in side-by-side comparison (`compare=<id>`), if any. */
  compare: string | null;
}

/**
 * Reads `s=` and `t=` from a share link's fragment (or from a bare fragment). Not with
 * URLSearchParams: it turns '+' into a space, and '+' is part of lz-string's URL alphabet.
 */
export function linkParts(link: string): LinkParts {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  const params = new Map<string, string>();
  for (const pair of hash.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      params.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      params.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  return {
    scenario: params.get('s') ?? null, t: params.get('t') ?? null, lesson: params.get('lesson') ?? null,
    versus: params.get('vs') ?? null, compare: params.get('compare') ?? null,
  };
}

export function shareLink(base: string, s: Scenario, t?: number): string {
  const root = base.includes('#') ? base.slice(0, base.indexOf('#')) : base;
  return `${root}#s=${encodeScenario(s)}${t !== undefined ? `&t=${t}` : ''}`;
}
