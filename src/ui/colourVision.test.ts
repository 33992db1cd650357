import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distance, simulate, type Vision } from './colourVision';
import { DARK, LIGHT, MESSAGE, MESSAGES_OF, type RoleName } from './theme';

const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
/** Clearly different at a glance (CIE76; 2.3 is just noticeable). */
const APART = 20;

describe('colour-vision simulation', () => {
  it('keeps greys and white as they are, for every deficiency', () => {
    for (const v of VISIONS) {
      expect(simulate('#ffffff', v).map((c) => Math.round(c * 100) / 100)).toEqual([1, 1, 1]);
      expect(distance('#777777', '#777777', v)).toBe(0);
    }
  });

  it('brings red and green together for protanopes and deuteranopes, not for tritanopes', () => {
    const normal = distance('#d62728', '#2ca02c', 'normal');
    expect(distance('#d62728', '#2ca02c', 'protanopia')).toBeLessThan(normal / 2);
    expect(distance('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(normal / 2);
    expect(distance('#d62728', '#2ca02c', 'tritanopia')).toBeGreaterThan(normal / 2);
  });

  it('brings blue and green together for tritanopes', () => {
    expect(distance('#0e7490', '#15803d', 'tritanopia')).toBeLessThan(distance('#0e7490', '#15803d', 'normal') / 4);
  });
});

describe.each([LIGHT, DARK])('the $name palette, for every colour vision', (palette) => {
  it.each(Object.entries(MESSAGES_OF))('%s: message types that share a shape differ in colour', (_, types) => {
    const close: string[] = [];
    for (const [i, a] of types.entries()) {
      for (const b of types.slice(i + 1)) {
        if (MESSAGE[a].shape !== MESSAGE[b].shape) continue;
        for (const v of VISIONS) {
          const d = distance(palette.message[a], palette.message[b], v);
          if (d < APART) close.push(`${a}/${b} ${v} ${d.toFixed(1)}`);
        }
      }
    }
    expect(close).toEqual([]);
  });

  it.each([[['leader', 'candidate', 'follower']], [['proposer', 'acceptor', 'learned']]] as RoleName[][][])('roles %j differ in outline', (roles) => {
    const close: string[] = [];
    for (const [i, a] of roles.entries()) {
      for (const b of roles.slice(i + 1)) {
        for (const v of VISIONS) {
          const d = distance(palette.role[a].color, palette.role[b].color, v);
          if (d < APART) close.push(`${a}/${b} ${v} ${d.toFixed(1)}`);
        }
      }
    }
    expect(close).toEqual([]);
  });

  it("a selected server's brackets differ from the timer ring and from every role's outline they sit beside", () => {
    const close: string[] = [];
    // Not the crashed outline, near black as well: the brackets stand 18 px off the circle, and their shape tells them apart.
    const beside = { timer: palette.timer, ...Object.fromEntries(Object.entries(palette.role).filter(([name]) => name !== 'crashed').map(([name, r]) => [name, r.color])) };
    for (const [name, colour] of Object.entries(beside)) {
      for (const v of VISIONS) {
        const d = distance(palette.selected, colour, v);
        if (d < APART) close.push(`${name} ${v} ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('the timer ring differs from the outline of every role that stands for election or works (candidate, proposer, working)', () => {
    const close: string[] = [];
    for (const role of ['candidate', 'proposer', 'working'] as RoleName[]) {
      for (const v of VISIONS) {
        const d = distance(palette.timer, palette.role[role].color, v);
        if (d < APART) close.push(`${role} ${v} ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('the keyboard focus differs from every role outline, the timer ring and the selection', () => {
    const close: string[] = [];
    const beside = { timer: palette.timer, selected: palette.selected, ...Object.fromEntries(Object.entries(palette.role).map(([name, r]) => [name, r.color])) };
    for (const [name, colour] of Object.entries(beside)) {
      for (const v of VISIONS) {
        const d = distance(palette.focus, colour, v);
        if (d < APART) close.push(`${name} ${v} ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('the style sheet draws focus in the same colour', () => {
    const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');
    const block = palette.name === 'light' ? css.slice(css.indexOf(':root {'), css.indexOf(':root[data-theme')) : css.slice(css.indexOf(":root[data-theme='dark']"));
    expect(/--focus:\s*(#[0-9a-f]{6})/.exec(block)?.[1]).toBe(palette.focus);
    // Every focus ring it draws is in that colour (the timeline's was the accent, a candidate's blue).
    const rings = css.split('\n').filter((line) => line.includes('focus-visible') && /outline: \d|stroke:/.test(line));
    expect(rings.length).toBeGreaterThan(0);
    expect(rings.filter((line) => !line.includes('var(--focus)'))).toEqual([]);
  });
});
