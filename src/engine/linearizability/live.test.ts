import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../clients/types';
import { arbOperation, operationOf } from './arbitraries';
import { checkHistory } from './check';
import type { KvOp, Operation } from './history';
import { EMPTY_LIVE, observe } from './live';

// unknown: the client gave up at call + length; pending: no reply by the end of the history.
const operations = arbOperation({ callMax: 40, lengthMax: 8, outcomes: ['ok', 'ok', 'ok', 'ok', 'unknown', 'fail', 'pending'] });

type Raw = { id: number; op: KvOp; call: number; ret: number; outcome: string; value: string | null | undefined; client: number };

/** The history events of some operations, in time order (at one moment, replies to earlier invocations first, as the engine may order them). */
function events(ops: readonly Raw[]): HistoryEvent[] {
  const out: { t: number; order: number; e: HistoryEvent }[] = [];
  for (const o of ops) {
    out.push({ t: o.call, order: 1, e: { type: 'invoke', id: o.id, client: o.client, op: o.op, t: o.call } });
    if (o.outcome === 'pending') continue;
    const outcome = o.outcome as 'ok' | 'fail' | 'unknown';
    out.push({ t: o.ret, order: o.ret === o.call ? 2 : 0, e: { type: 'complete', id: o.id, t: o.ret, outcome, ...(outcome === 'ok' && o.value !== undefined ? { value: o.value } : {}) } });
  }
  return out.sort((a, b) => a.t - b.t || a.order - b.order || a.e.id - b.e.id).map((x) => x.e);
}

/** The history as known after the first `k` events: what the full check reads. */
function prefix(evs: readonly HistoryEvent[], k: number): Operation[] {
  const ops = new Map<number, Operation>();
  for (const e of evs.slice(0, k)) {
    if (e.type === 'invoke') ops.set(e.id, { id: e.id, client: e.client, op: e.op, call: e.t, ret: null, outcome: 'unknown' });
    else {
      const o = ops.get(e.id)!;
      ops.set(e.id, { ...o, ret: e.outcome === 'unknown' ? null : e.t, outcome: e.outcome, ...(e.value !== undefined ? { value: e.value } : {}) });
    }
  }
  return [...ops.values()];
}

describe('the live check, from quiescent points', () => {
  it('a key whose operations never overlap is checked from the value the last one left, not from the start', () => {
    let live = EMPTY_LIVE;
    const evs: HistoryEvent[] = [
      { type: 'invoke', id: 1, client: 1, op: { f: 'set', key: 'x', value: '1' }, t: 0 },
      { type: 'complete', id: 1, t: 5, outcome: 'ok' },
      { type: 'invoke', id: 2, client: 1, op: { f: 'set', key: 'x', value: '2' }, t: 10 },
      { type: 'complete', id: 2, t: 15, outcome: 'ok' },
      { type: 'invoke', id: 3, client: 2, op: { f: 'get', key: 'x' }, t: 20 },
    ];
    for (const e of evs) live = observe(live, e).live;
    expect(live.keys.get('x')).toMatchObject({ states: ['2'], ops: [{ id: 3 }] });
    const stale = observe(live, { type: 'complete', id: 3, t: 25, outcome: 'ok', value: '1' });
    expect([stale.key, stale.ok]).toEqual(['x', false]);
    expect(observe(live, { type: 'complete', id: 3, t: 25, outcome: 'ok', value: '2' }).ok).toBe(true);
  });

  it('a write given up on keeps its key open: it may still land, so the next read may see it', () => {
    let live = EMPTY_LIVE;
    for (const e of [
      { type: 'invoke', id: 1, client: 1, op: { f: 'set', key: 'x', value: '1' }, t: 0 },
      { type: 'complete', id: 1, t: 50, outcome: 'unknown' },
      { type: 'invoke', id: 2, client: 2, op: { f: 'get', key: 'x' }, t: 100 },
    ] as HistoryEvent[]) live = observe(live, e).live;
    expect(live.keys.get('x')!.open).toBe(2);
    expect(observe(live, { type: 'complete', id: 2, t: 110, outcome: 'ok', value: '1' }).ok).toBe(true);
    expect(observe(live, { type: 'complete', id: 2, t: 110, outcome: 'ok', value: null }).ok).toBe(true);
  });

  it('property: after every reply it agrees with the full check of the history so far (500 random histories of up to 12 operations)', () => {
    fc.assert(fc.property(fc.array(operations, { minLength: 1, maxLength: 12 }), (raw) => {
      const ops: Raw[] = raw.map(operationOf);
      const evs = events(ops);
      let live = EMPTY_LIVE;
      evs.forEach((e, k) => {
        const seen = observe(live, e);
        live = seen.live;
        if (seen.ok === null) return;
        const full = checkHistory(prefix(evs, k + 1).filter((o) => o.op.key === seen.key));
        expect(seen.ok, JSON.stringify(evs.slice(0, k + 1))).toBe(full.result !== 'violation');
      });
    }), { numRuns: 500, seed: 16 });
  });
});
