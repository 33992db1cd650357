import { describe, expect, it } from 'vitest';
import { groupsOf, regionPath } from './groups';

describe('partition groups from one choice per server', () => {
  it('groups servers by their choice, in group order, leaving empty groups out', () => {
    expect(groupsOf([1, 1, 3, 3, 2])).toEqual([[1, 2], [5], [3, 4]]);
    expect(groupsOf([2, 2, 2])).toEqual([[1, 2, 3]]);
  });

  it('draws one server as a dot, two as a segment, more as a closed outline', () => {
    expect(regionPath([{ x: 1, y: 2 }])).toBe('M1,2L1,2');
    expect(regionPath([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe('M1,2L3,4');
    expect(regionPath([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 0, y: 3 }])).toBe('M0,0L3,0L0,3Z');
  });
});
