import { describe, expect, it } from 'vitest';
import { encodeScenario } from './codec';
import { MAX_MOMENT } from './defaults';
import { defaultScenario, openFromHash } from './fromLocation';
import { LESSONS } from './lessons';
import { parseScenario } from './validate';

describe('opening the page from its address', () => {
  it('no fragment: the default cluster, no error', () => {
    expect(openFromHash('')).toEqual({ scenario: defaultScenario() });
  });

  it('a share link with a moment', () => {
    const s = parseScenario({ version: 1, protocol: 'raft', nodes: 3, seed: 9 });
    if (!s.ok) throw new Error('fixture');
    expect(openFromHash(`#s=${encodeScenario(s.scenario)}&t=1500`)).toEqual({ scenario: s.scenario, at: 1500 });
  });

  it('every lesson by its own link', () => {
    for (const l of LESSONS) {
      const opened = openFromHash(`#lesson=${l.id}`);
      expect(opened.error, l.id).toBeUndefined();
      expect(opened.scenario.title).toBe(l.scenario.title);
      expect(opened.scenario.lesson).toBe(l.id);
    }
  });

  it('a lesson\'s share link keeps the lesson\'s id, whatever its title becomes; a malformed id is refused', () => {
    const lesson = openFromHash('#lesson=raft-figure8').scenario;
    const retitled = { ...lesson, title: 'My own Figure 8' };
    expect(openFromHash(`#s=${encodeScenario(retitled)}`).scenario).toEqual(retitled);
    expect(parseScenario({ ...retitled, lesson: 'Figure 8!' })).toEqual({ ok: false, errors: ['lesson: expected a lesson id such as "raft-figure8", found "Figure 8!"'] });
  });

  it.each([
    ['#s=garbage!!', /^This link's scenario could not be opened: the scenario text is damaged/],
    ['#lesson=nope', /^There is no lesson "nope"/],
    ['#x=1', /^This link carries no scenario/],
    ['#s=' + encodeScenario(defaultScenario()).slice(0, 20), /could not be opened/],
  ])('a broken link %s opens the default cluster and says what was wrong', (hash, message) => {
    const opened = openFromHash(hash);
    expect(opened.fallback).toBe(true);
    expect(opened.scenario).toEqual(defaultScenario());
    expect(opened.error).toMatch(message);
  });

  it('an unknown lesson is said in one short line, and the lesson menu offered instead of a list of ids', () => {
    const opened = openFromHash('#lesson=raft-electoin');
    expect(opened.error).toBe('There is no lesson "raft-electoin".');
    expect(opened.offer).toBe('lessons');
    expect(openFromHash('#x=1').offer).toBeUndefined();
  });

  it('a bad moment keeps the scenario and opens at the start', () => {
    const opened = openFromHash('#lesson=raft-election&t=soon');
    expect(opened.fallback).toBeUndefined();
    expect(opened.at).toBeUndefined();
    expect(opened.error).toMatch(/t=soon/);
  });

  it('a moment beyond one hour opens at one hour, and says so', () => {
    const opened = openFromHash('#lesson=raft-election&t=999999999');
    expect(opened.fallback).toBeUndefined();
    expect(opened.at).toBe(MAX_MOMENT);
    expect(MAX_MOMENT).toBe(3_600_000);
    expect(opened.error).toBe(`The link's moment t=999999999 ms is beyond the furthest a link opens at (one hour, t=3600000); it opens at one hour instead.`);
    const atMost = openFromHash('#lesson=raft-election&t=3600000');
    expect([atMost.at, atMost.error]).toEqual([3_600_000, undefined]);
  });
});
