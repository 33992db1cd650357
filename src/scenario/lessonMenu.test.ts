import { describe, expect, it } from 'vitest';
import { COMPARISONS } from './comparisons';
import { LESSONS } from './lessons';
import { lessonMenu, lessonsWithClients, typedEntry } from './lessonMenu';

const menu = lessonMenu();
const all = menu.flatMap((p) => p.entries);

describe('the lesson menu', () => {
  it('groups the lessons by part, each in its number order, and lists every lesson and pair once', () => {
    expect(menu.map((p) => p.heading)).toEqual(['Raft', 'Paxos', 'Atomic commit', 'Clients', 'Side by side']);
    const paxos = menu.find((p) => p.heading === 'Paxos')!.entries.map((e) => e.number);
    expect(paxos).toEqual(['P1', 'P2', 'P3', 'P4a', 'P4b', 'P5', 'P6', 'P7', 'P8', 'P9']);
    expect(menu[0].entries.map((e) => e.number)).toEqual(Array.from({ length: 14 }, (_, k) => String(k + 1)));
    expect(menu.find((p) => p.heading === 'Clients')!.entries.at(-1)!.number).toBe('C10');
    expect(all.map((e) => e.id).toSorted()).toEqual([...LESSONS.map((l) => l.id), ...COMPARISONS.map((c) => c.id)].toSorted());
  });

  it('moves to the lesson a typed number names, whatever the case, else to a title that begins so', () => {
    const at = (typed: string, from = 0) => { const k = typedEntry(all, typed, from); return k === null ? null : all[k].number ?? all[k].title; };
    expect(at('A3')).toBe('A3');
    expect(at('p5')).toBe('P5');
    expect(at('P4')).toBe('P4a');
    expect(at('C1')).toBe('C1');
    expect(at('C10')).toBe('C10');
    expect(at('12')).toBe('12');
    // The same letter again moves on from where the focus is.
    expect(at('p', all.findIndex((e) => e.number === 'P1') + 1)).toBe('P2');
    expect(at('side')).toBe(`Side by side: ${COMPARISONS[0].title}`);
    expect(at('zz')).toBeNull();
  });
});

describe('the lessons with clients, as the History tab names them', () => {
  it('are counted from the lessons, not written down', () => {
    const withClients = LESSONS.filter((l) => l.scenario.clients !== undefined).map((l) => l.title.split('.')[0]);
    expect(withClients).toContain('C10');
    expect(lessonsWithClients()).toBe(`C1 to C${withClients.length}`);
  });
});
