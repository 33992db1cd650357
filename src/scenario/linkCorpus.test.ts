import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { decodeScenario, LINK_VERSION, linkParts } from './codec';
import { toActions, toSimConfig } from './config';
import { type Migration, upgrade } from './migrations';

/**
 * Links made by every link version, each with the trace hash of its run at its moment `t`.
 * Entries are only ever added: a link once shared must keep opening the same run.
 */
const CORPUS: { linkVersion: number; name: string; link: string; traceHash: string }[] =
  JSON.parse(readFileSync(join(import.meta.dirname, 'linkCorpus.json'), 'utf8'));

function open(link: string) {
  const parts = linkParts(link);
  return { decoded: decodeScenario(parts.scenario ?? ''), t: Number(parts.t) };
}

describe('links that last', () => {
  it('the corpus holds links of every version up to the current one', () => {
    expect(new Set(CORPUS.map((c) => c.linkVersion))).toEqual(new Set(Array.from({ length: LINK_VERSION }, (_, i) => i + 1)));
  });

  it.each(CORPUS.map((c) => [c.linkVersion, c.name, c] as const))('link version %i, %s: opens the same run (same trace hash)', (_v, _name, entry) => {
    const { decoded, t } = open(entry.link);
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    const run = new Run(toSimConfig(decoded.scenario), toActions(decoded.scenario));
    run.runUntil(t);
    expect(run.sim.traceHash).toBe(entry.traceHash);
  });

  const current = CORPUS.filter((c) => c.linkVersion === LINK_VERSION).map((c) => linkParts(c.link).scenario!);

  it('a link cut short anywhere is reported as cut short or damaged, never opened', () => {
    for (const s of current) {
      for (let end = 1; end < s.length; end++) {
        const r = decodeScenario(s.slice(0, end));
        expect(r.ok, `${s.slice(0, end)}`).toBe(false);
        // Cut inside the header ('2' alone) it reads as a damaged version-1 payload.
        if (!r.ok) expect(r.errors[0]).toMatch(/^the (link|scenario text) is damaged/);
      }
    }
  });

  it('a link with any one character changed is reported as damaged, never opened as another scenario', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$.';
    for (const s of current) {
      for (let i = 0; i < s.length; i++) {
        const changed = s.slice(0, i) + alphabet[(alphabet.indexOf(s[i]) + 1 + (i % 60)) % alphabet.length] + s.slice(i + 1);
        const r = decodeScenario(changed);
        expect(r.ok, changed).toBe(false);
      }
    }
    expect(decodeScenario(`${current[0].slice(0, -1)}${current[0].endsWith('A') ? 'B' : 'A'}`)).toEqual({
      ok: false, errors: ['the link is damaged: its checksum does not match, so a character was changed; copy the whole link again'],
    });
  });

  it('a link from a newer Quorum says so', () => {
    expect(decodeScenario(`9.${current[0].slice(2)}`)).toEqual({
      ok: false, errors: [`the link was made by a newer Quorum (link version 9); this one reads versions 1 to ${LINK_VERSION}`],
    });
  });
});

describe('scenario format upgrades', () => {
  // A made-up history of two format changes, to show the steps run in order from the document's own version.
  const steps: Migration[] = [
    { to: 2, why: 'nodes became a list of names', up: (d) => ({ ...d, nodes: Array.from({ length: d.nodes as number }, (_, i) => `S${i + 1}`) }) },
    { to: 3, why: 'title became name', up: ({ title, ...d }) => ({ ...d, name: title }) },
  ];

  it('runs every step after the document\'s version, in order', () => {
    expect(upgrade({ version: 1, nodes: 2, title: 'x' }, steps, 3)).toEqual({ ok: true, doc: { version: 3, nodes: ['S1', 'S2'], name: 'x' } });
    expect(upgrade({ version: 2, nodes: ['a'], title: 'x' }, steps, 3)).toEqual({ ok: true, doc: { version: 3, nodes: ['a'], name: 'x' } });
    expect(upgrade({ version: 3, nodes: ['a'], name: 'x' }, steps, 3)).toEqual({ ok: true, doc: { version: 3, nodes: ['a'], name: 'x' } });
  });

  it('a document without a version, or from a newer format, is reported', () => {
    expect(upgrade({ nodes: 3 })).toEqual({ ok: false, error: 'version: expected a format version from 1 to 1, found nothing' });
    expect(upgrade({ version: 4 }, steps, 3)).toEqual({ ok: false, error: 'version: this scenario was made by a newer Quorum (format version 4); this one reads versions 1 to 3' });
  });
});
