import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { CODEC_LIMITS, decodeScenario, encodeScenario, linkParts, parseScenarioJson, shareLink } from './codec';
import { SCENARIO_VERSION, SPEEDS } from './defaults';
import { decompressBounded } from './lzBounded';
import type { Scenario } from './schema';
import { parseScenario } from './validate';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from './config';

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
  version: fc.constant(SCENARIO_VERSION), protocol: fc.constant('raft' as const),
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

  it('round-trips clients and their operations (defaults left out of the link, but not the clients themselves)', () => {
    const clients = fc.record({
      count: fc.integer({ min: 1, max: 3 }), timeout: fc.constantFrom(300, 120), tries: fc.constantFrom(3, 5),
      reads: fc.constantFrom('local', 'leader', 'log', 'readIndex') as fc.Arbitrary<'log'>,
    });
    const invoke = fc.record({ at, type: fc.constant('invoke' as const), client: fc.constant(1), op: fc.constantFrom('get x', 'incr n', 'cas x 1 2') });
    fc.assert(fc.property(scenario, clients, fc.array(invoke, { maxLength: 5 }), (base, c, invokes) => {
      const s = { ...base, clients: c, actions: [...base.actions, ...invokes] };
      expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
    }), { numRuns: 200 });
    const bare = parseScenario({ version: SCENARIO_VERSION, protocol: 'raft', nodes: 3, clients: {} });
    expect(bare.ok && decodeScenario(encodeScenario(bare.scenario))).toEqual(bare);
  });

  it('round-trips the storage node, its check on or off, and clients\' pauses and lock operations', () => {
    for (const storage of [{}, { fencing: false }, { fencing: true }]) {
      const parsed = parseScenario({ version: SCENARIO_VERSION, protocol: 'raft', nodes: 3, clients: { count: 2 }, storage, actions: [
        { at: 5, type: 'invoke', client: 1, op: 'acquire L 300' }, { at: 6, type: 'pauseClient', client: 1 }, { at: 7, type: 'resumeClient', client: 1 },
        { at: 8, type: 'invoke', client: 1, op: 'write x 1' }, { at: 9, type: 'invoke', client: 2, op: 'release L' }] });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      expect(parsed.scenario.storage).toEqual({ fencing: storage.fencing ?? true });
      expect(decodeScenario(encodeScenario(parsed.scenario))).toEqual(parsed);
    }
  });

  it.each(['2pc', '3pc'])('a %s scenario travels in a link (no format change: a new protocol name) and opens the same run', (protocol) => {
    const parsed = parseScenario({ version: SCENARIO_VERSION, protocol, nodes: 4, actions: [
      { at: 10, type: 'request', node: 1, command: 'tx t1' }, { at: 90, type: 'crash', node: 1 }, { at: 500, type: 'recover', node: 1 },
      { at: 600, type: 'request', node: 1, command: 'tx t2 no 3' }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const opened = decodeScenario(linkParts(shareLink('https://q.example/', parsed.scenario)).scenario!);
    expect(opened).toEqual({ ok: true, scenario: parsed.scenario });
    const hash = (sc: Scenario) => { const r = new Run(toSimConfig(sc), toActions(sc)); r.runUntil(1500); return r.sim.traceHash; };
    expect(hash((opened as { scenario: Scenario }).scenario)).toBe(hash(parsed.scenario));
  });

  it('a typical lesson fits in a few hundred characters', () => {
    const r = parseScenario({ version: SCENARIO_VERSION, protocol: 'raft', nodes: 5, title: 'The leader crashes', actions: [
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

/**
 * An lz-string payload of `chars` characters in which every code names the dictionary entry
 * being made (the previous one plus one character): k codes inflate to about k²/2 characters.
 * 65,530 characters inflate to 403 million.
 */
function bomb(chars: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const out: string[] = [];
  let val = 0;
  let pos = 0;
  const write = (bits: number, n: number) => {
    for (let i = 0; i < n; i++) {
      val = (val << 1) | ((bits >> i) & 1);
      if (++pos === 6) {
        out.push(alphabet[val]);
        val = 0;
        pos = 0;
      }
    }
  };
  write(0, 2);
  write(97, 8);
  for (let dictSize = 4, numBits = 3, enlargeIn = 4; out.length < chars - 4; dictSize++) {
    write(dictSize, numBits);
    if (--enlargeIn === 0) enlargeIn = 1 << numBits++;
  }
  write(2, 32);
  return out.join('').slice(0, chars);
}

describe('issue 18: input that used to throw or exhaust memory', () => {
  const deep = (n: number) => `{"version":1,"protocol":"raft","nodes":3,"title":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`;
  const NESTED = '(scenario): nested too deeply: more than 16 levels of objects and lists';

  it('a document nested 5,000 levels deep is reported as bad input, from a file, a link or code', () => {
    expect(parseScenarioJson(deep(5000))).toEqual({ ok: false, errors: [NESTED] });
    expect(parseScenarioJson(`[${'['.repeat(5000)}${']'.repeat(5000)}]`)).toEqual({ ok: false, errors: [NESTED] });
    expect(decodeScenario(LZString.compressToEncodedURIComponent(deep(5000)))).toEqual({ ok: false, errors: [NESTED] });
    let value: unknown = 1;
    for (let i = 0; i < 5000; i++) value = { a: value };
    expect(parseScenario({ version: 1, protocol: 'raft', nodes: 3, title: value })).toEqual({ ok: false, errors: [NESTED] });
    // Brackets inside strings are text, not nesting.
    expect(parseScenarioJson(`{"version":1,"protocol":"raft","nodes":3,"title":"${'[{'.repeat(50)}\\"}"}`).ok).toBe(true);
    expect(parseScenarioJson(deep(14)).ok).toBe(false);
    expect(parseScenarioJson(deep(14))).not.toEqual({ ok: false, errors: [NESTED] });
  });

  it('a compression bomb stops inflating as soon as it passes the limit', () => {
    const link = bomb(65_530);
    expect(link.length).toBe(65_530);
    const r = decompressBounded(link, CODEC_LIMITS.maxJson);
    // It read about 1,500 of the 65,530 characters, not the 403 million they inflate to.
    expect(r).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(r.ok === false && r.reason === 'tooLarge' && r.read).toBeLessThan(65_530 / 20);
    expect(decodeScenario(link)).toEqual({ ok: false, errors: [`the scenario is too large once decompressed: more than ${CODEC_LIMITS.maxJson} characters`] });
  });

  it('the bounded decompressor reads exactly what lz-string reads, whole or cut short', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.nat(), (text, cut) => {
      const encoded = LZString.compressToEncodedURIComponent(text);
      expect(decompressBounded(encoded, 1e9)).toEqual({ ok: true, text });
      const short = encoded.slice(0, cut % (encoded.length + 1));
      const theirs = LZString.decompressFromEncodedURIComponent(short);
      const ours = decompressBounded(short, 1e9);
      expect(ours.ok && ours.text !== '' ? ours.text : null).toBe(theirs === '' ? null : theirs);
    }), { numRuns: 300 });
  });
});
