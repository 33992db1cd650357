import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODEC_LIMITS, decodeScenario, encodeScenario, linkParts, parseScenarioJson, shareLink } from './codec';
import { SPEEDS } from './defaults';
import type { Scenario } from './schema';
import { parseScenario } from './validate';

const N = 5;
const id = fc.integer({ min: 1, max: N });
const at = fc.integer({ min: 0, max: 100_000 });
const action = fc.oneof(
  fc.record({ at, type: fc.constant('crash' as const), node: id }),
  fc.record({ at, type: fc.constant('recover' as const), node: id }),
  fc.record({ at, type: fc.constant('heal' as const) }),
  fc.record({ at, type: fc.constant('timeout' as const), node: id }),
  fc.record({ at, type: fc.constant('request' as const), node: id, command: fc.constantFrom('set x 1', 'del y', 'set k v') }),
  fc.record({ at, type: fc.constant('cut' as const), from: fc.constant(1), to: fc.integer({ min: 2, max: N }) }),
  fc.record({ at, type: fc.constant('partition' as const), groups: fc.constant([[1, 2], [3, 4, 5]]) }),
  fc.record({ at, type: fc.constant('drop' as const), message: fc.integer({ min: 1, max: 1e6 }) }),
);
const scenario: fc.Arbitrary<Scenario> = fc.record({
  version: fc.constant(1 as const), protocol: fc.constant('raft' as const),
  title: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  nodes: fc.constant(N), seed: fc.integer({ min: 0, max: 0xffffffff }),
  timing: fc.record({
    electionTimeoutMin: fc.constant(150), electionTimeoutMax: fc.integer({ min: 150, max: 900 }),
    heartbeatInterval: fc.integer({ min: 10, max: 100 }), latencyMin: fc.constant(10), latencyMax: fc.integer({ min: 10, max: 50 }),
  }),
  network: fc.record({ dropRate: fc.double({ min: 0, max: 1, noNaN: true }), duplicateRate: fc.constantFrom(0, 0.1) }),
  options: fc.record({ noopOnElection: fc.boolean(), backoff: fc.boolean() }),
  bugs: fc.constantFrom<string[]>([], ['doubleVote']),
  actions: fc.array(action, { maxLength: 30 }),
  narration: fc.array(fc.record({ at, text: fc.string({ maxLength: 80 }) }), { maxLength: 5 }),
  speed: fc.option(fc.constantFrom(...SPEEDS), { nil: undefined }),
}).map((s) => {
  // Optional fields absent, as a parsed scenario leaves them.
  const { title, speed, ...rest } = s;
  return { ...rest, ...(title !== undefined ? { title } : {}), ...(speed !== undefined ? { speed } : {}) } as Scenario;
});

describe('share-link codec', () => {
  it('round-trips every valid scenario exactly', () => {
    fc.assert(fc.property(scenario, (s) => {
      expect(parseScenario(s)).toEqual({ ok: true, scenario: s });
      expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
    }), { numRuns: 500 });
  });

  it('a typical lesson fits in a few hundred characters', () => {
    const r = parseScenario({ version: 1, protocol: 'raft', nodes: 5, title: 'The leader crashes', actions: [
      { at: 1000, type: 'request', node: 2, command: 'set x 1' }, { at: 1500, type: 'crash', node: 1 }, { at: 3000, type: 'recover', node: 1 },
    ], narration: [{ at: 1500, text: 'The leader crashes. Watch the followers time out.' }] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(encodeScenario(r.scenario).length).toBeLessThan(300);
  });

  it('links carry the scenario and the moment in the fragment', () => {
    const r = parseScenario({ version: 1, protocol: 'raft', nodes: 3 });
    if (!r.ok) throw new Error('bad fixture');
    const link = shareLink('https://example.org/quorum/#old', r.scenario, 1200);
    expect(link.startsWith('https://example.org/quorum/#s=')).toBe(true);
    expect(linkParts(link).t).toBe('1200');
    expect(decodeScenario(linkParts(link).scenario!)).toEqual({ ok: true, scenario: r.scenario });
  });

  it('every encoded scenario survives the trip through a link, \'+\' characters included', () => {
    fc.assert(fc.property(scenario, (s) => {
      const link = shareLink('https://example.org/', s);
      expect(decodeScenario(linkParts(link).scenario!)).toEqual({ ok: true, scenario: s });
    }), { numRuns: 300 });
  });
});

describe('hostile input never throws and always explains itself', () => {
  const answers = (r: ReturnType<typeof decodeScenario>) => (r.ok ? true : r.errors.length > 0 && r.errors.every((e) => typeof e === 'string' && e.length > 0));

  it('random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      expect(answers(decodeScenario(s))).toBe(true);
      expect(answers(parseScenarioJson(s))).toBe(true);
    }), { numRuns: 10_000 });
  });

  it('mutated valid links: flipped, cut and extended', () => {
    const valid = fc.sample(scenario, { numRuns: 50, seed: 3 }).map(encodeScenario);
    fc.assert(fc.property(fc.constantFrom(...valid), fc.nat(), fc.string({ maxLength: 3 }), fc.nat(), (enc, pos, ins, cut) => {
      const p = pos % (enc.length + 1);
      const mutated = enc.slice(0, p) + ins + enc.slice(p + 1, Math.max(p + 1, enc.length - (cut % 5)));
      expect(answers(decodeScenario(mutated))).toBe(true);
    }), { numRuns: 10_000 });
  });

  it('random JSON documents', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
      expect(answers(parseScenarioJson(JSON.stringify(doc)))).toBe(true);
    }), { numRuns: 10_000 });
  });

  it('mutated scenario documents: fields replaced by arbitrary JSON', () => {
    fc.assert(fc.property(scenario, fc.constantFrom('nodes', 'seed', 'timing', 'network', 'actions', 'narration', 'title', 'bugs', 'options'),
      fc.jsonValue({ maxDepth: 3 }), (s, key, value) => {
        expect(answers(parseScenarioJson(JSON.stringify({ ...s, [key]: value })))).toBe(true);
      }), { numRuns: 10_000 });
  });

  it('oversized input is refused before decompression', () => {
    const r = decodeScenario('A'.repeat(CODEC_LIMITS.maxEncoded + 1));
    expect(r).toEqual({ ok: false, errors: [`the scenario is too long: ${CODEC_LIMITS.maxEncoded + 1} characters, at most ${CODEC_LIMITS.maxEncoded}`] });
  });
});
