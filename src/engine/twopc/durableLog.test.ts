import { describe, expect, it } from 'vitest';
import { TxLog } from './durableLog';

const recs = (log: TxLog) => log.slice().map((r) => `${r.rec} ${r.tx}`);

describe('the durable log as a value', () => {
  it('an append leaves the log it came from as it was', () => {
    const a = TxLog.empty().append('t1', 'yes');
    const b = a.append('t1', 'commit');
    expect(recs(a)).toEqual(['yes t1']);
    expect(a.recordsOf('t1')).toEqual(['yes']);
    expect(recs(b)).toEqual(['yes t1', 'commit t1']);
    expect(b.recordsOf('t1')).toEqual(['yes', 'commit']);
  });

  it('two histories growing from one log keep their own records (a restored checkpoint that diverges)', () => {
    const base = TxLog.empty().append('t1', 'yes');
    const committed = base.append('t1', 'commit').append('t2', 'yes');
    const aborted = base.append('t1', 'abort');
    expect(recs(committed)).toEqual(['yes t1', 'commit t1', 'yes t2']);
    expect(recs(aborted)).toEqual(['yes t1', 'abort t1']);
    expect(aborted.has('t2')).toBe(false);
    expect(committed.recordsOf('t1')).toEqual(['yes', 'commit']);
    expect(aborted.recordsOf('t1')).toEqual(['yes', 'abort']);
  });

  it('a replay writes the very records it wrote before (the safety check compares them by identity)', () => {
    const base = TxLog.empty().append('t1', 'yes');
    const first = base.append('t1', 'commit');
    const again = base.append('t1', 'commit');
    expect(again.get(1)).toBe(first.get(1));
  });

  it('keeps the transactions in doubt and, in the coordinator\'s log, the decisions without "end"', () => {
    const p = TxLog.of([{ tx: 't1', rec: 'yes' }, { tx: 't2', rec: 'yes' }, { tx: 't1', rec: 'commit' }]);
    expect(p.doubt).toEqual(['t2']);
    expect(p.unended).toBeNull();
    const c = TxLog.of([{ tx: 't1', rec: 'commit' }, { tx: 't2', rec: 'abort' }, { tx: 't1', rec: 'end' }], true);
    expect(c.unended).toEqual([{ tx: 't2', decision: 'abort' }]);
    expect(c.doubt).toEqual([]);
  });
});
