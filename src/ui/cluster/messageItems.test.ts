import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../worker/protocol';
import { listed, MAX_LISTED } from './messageItems';

const message = (id: number, deliverAt: number): MessageView => ({
  id, from: 1, to: 2, type: 'Accepted', label: `m${id}`, sentAt: 0, deliverAt, lostAt: null, duplicateOf: null, heldAt: null, heldFor: 0, fields: {},
});

describe('the list of messages in flight', () => {
  it('lists every message while there are few', () => {
    const few = Array.from({ length: MAX_LISTED }, (_, k) => message(k, 1000 - k));
    expect(listed(few, null)).toBe(few);
  });

  it('lists only the ones arriving soonest of a burst, in order of arrival, and the selected one wherever it is', () => {
    // Ids and arrival times in opposite orders: the list follows arrival.
    const burst = Array.from({ length: 2000 }, (_, k) => message(k, 5000 - k));
    const shown = listed(burst, null);
    expect(shown.map((m) => m.id)).toEqual(Array.from({ length: MAX_LISTED }, (_, k) => 1999 - k));
    const withSelected = listed(burst, 3);
    expect(withSelected).toHaveLength(MAX_LISTED);
    expect(withSelected.at(-1)!.id).toBe(3);
    expect(withSelected.slice(0, -1)).toEqual(shown.slice(0, -1));
    // Selected among the soonest already: nothing changes.
    expect(listed(burst, 1999)).toEqual(shown);
  });
});
