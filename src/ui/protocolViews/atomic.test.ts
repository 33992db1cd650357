import { describe, expect, it } from 'vitest';
import { type Fields, state } from '../../engine/twopc/fixtures.test-helper';
import { atomicView } from '../../engine/twopc/view';
import { atomicTable, TABLE_ROWS, threepcView, twopcView } from './atomic';

/** A node as the page gets it: the engine's view of its state. */
const view = (fields: Fields = {}) => atomicView(state(fields));
const node = (id: number, fields: Fields, up = true) => ({ id, up, logStart: 0, state: view(fields) });
const t1 = { id: 't1', failing: [] };

describe('the 2PC and 3PC descriptor', () => {
  it('draws S1 as the coordinator, by its id, even before it has done anything', () => {
    expect(twopcView.badge(view(), 1).role).toBe('coordinator');
    expect(twopcView.badge(view(), 2).role).toBe('participant');
  });

  it('a participant that voted yes with no decision is in doubt, and its badge carries the lock', () => {
    const b = twopcView.badge(view({ log: [{ tx: 't1', rec: 'yes' }] }), 3);
    expect(b).toMatchObject({ role: 'in-doubt', label: 'IN DOUBT · t1', lock: 't1', dashed: true });
    expect(twopcView.badge(view({ log: [{ tx: 't1', rec: 'yes' }, { tx: 't1', rec: 'commit' }] }), 3).lock).toBeUndefined();
  });

  it('the table has a row per transaction: the coordinator\'s word and each participant\'s standing, with its lock', () => {
    const table = atomicTable([
      node(1, { log: [{ tx: 't1', rec: 'commit' }], round: { tx: { id: 't2', failing: [] }, phase: 'votes', votes: {}, preAcked: [] }, queue: [{ id: 't3', failing: [] }] }),
      node(2, { log: [{ tx: 't1', rec: 'yes' }, { tx: 't1', rec: 'commit' }], working: { id: 't2', failing: [] } }),
      node(3, { log: [{ tx: 't1', rec: 'yes' }] }, false),
    ]);
    expect(table.columns).toEqual(['transaction', 'S1 coordinator', 'S2', 'S3']);
    expect(table.rows.map((r) => r.cells.map((c) => [c.text, c.tone ?? '', c.locked ?? false]))).toEqual([
      [['t1', '', false], ['commit (logged)', 'committed', false], ['committed', 'committed', false], ['voted yes · in doubt (down)', 'in-doubt', true]],
      [['t2', '', false], ['collecting votes', 'working', false], ['working', 'working', true], ['— (down)', 'unknown', false]],
      [['t3', '', false], ['queued', '', false], ['—', 'unknown', false], ['— (down)', 'unknown', false]],
    ]);
  });

  it('says who is in doubt, and that the coordinator is down', () => {
    expect(twopcView.tableNote([node(1, {}, false), node(2, { log: [{ tx: 't1', rec: 'yes' }] }), node(3, { working: t1 })], []))
      .toBe('S2 is in doubt: voted yes, no decision yet, locks held, and the coordinator is down.');
  });

  it('a long run shows its newest transactions, and keeps an old one whose locks are still held', () => {
    const many = (n: number, last: 'commit' | 'yes') => Array.from({ length: n }, (_, i) => [{ tx: `t${i}`, rec: 'yes' as const }, { tx: `t${i}`, rec: i === 0 ? last : 'commit' as const }]).flat();
    const rows = (first: 'commit' | 'yes') => atomicTable([
      node(1, { log: Array.from({ length: 40 }, (_, i) => ({ tx: `t${i}`, rec: 'commit' as const })).slice(first === 'yes' ? 1 : 0) }),
      node(2, { log: many(40, first) }),
    ]).rows.map((r) => r.key);
    expect(rows('commit')).toEqual(Array.from({ length: TABLE_ROWS }, (_, i) => `t${40 - TABLE_ROWS + i}`));
    // S2 voted yes on t0 long ago and never heard the decision: t0 stays in sight, with its lock.
    expect(rows('yes')).toContain('t0');
    expect(rows('yes')).toHaveLength(TABLE_ROWS);
  });
});

describe('3PC in its lecture\'s words', () => {
  const votedYes = { log: [{ tx: 't1', rec: 'yes' as const }] };

  it('a participant that voted yes with no decision is uncertain (2PC\'s "in doubt" is the blocking word)', () => {
    expect(threepcView.badge(view(votedYes), 3)).toMatchObject({ role: 'in-doubt', label: 'UNCERTAIN · t1' });
    expect(threepcView.roles?.['in-doubt'].label).toBe('UNCERTAIN');
    expect(twopcView.roles?.['in-doubt'].label).toBe('IN DOUBT');
    expect(threepcView.tableNote([node(1, {}, false), node(2, votedYes)], [])).toBe('S2 is uncertain: voted yes, no decision yet, locks held, and the coordinator is down.');
    expect(threepcView.table!([node(1, {}, false), node(2, votedYes)]).rows[0].cells[2].text).toBe('voted yes · uncertain');
  });

  it('a participant running the termination protocol is the backup coordinator', () => {
    const backup = view({ ...votedYes, termination: { tx: 't1', phase: 'collect', reports: {} } });
    expect(threepcView.badge(backup, 2)).toMatchObject({ label: 'BACKUP COORDINATOR · t1', short: 'BACKUP · t1', lines: ['backup t1', 'yes t1'] });
  });

  it('the backup that decided stays the backup coordinator, until a newer transaction', () => {
    const decided = { log: [{ tx: 't1', rec: 'yes' as const }, { tx: 't1', rec: 'commit' as const }], backupDecided: { tx: 't1', decision: 'commit' as const } };
    expect(threepcView.badge(view(decided), 2)).toMatchObject({ role: 'participant', label: 'BACKUP COORDINATOR · t1', short: 'BACKUP · t1', lines: ['decided commit', 'commit t1'] });
    expect(threepcView.details({ id: 2, up: true, logStart: 0, state: view(decided) }, [1, 2, 3]).volatile.at(-1)).toMatchObject({ name: 'backup coordinator of', value: 't1, decided commit' });
    const later = { ...decided, log: [...decided.log, { tx: 't2', rec: 'yes' as const }, { tx: 't2', rec: 'commit' as const }] };
    expect(threepcView.badge(view(later), 2)).toMatchObject({ label: 'PARTICIPANT', lines: ['ready', 'commit t2'] });
  });

  it('a crashed server reads as crashed, not idle: only its durable log is left', () => {
    const coordinator = view({ log: [{ tx: 't1', rec: 'commit' }] });
    expect(threepcView.badge(coordinator, 1, false).lines).toEqual(['crashed', 'commit t1']);
    expect(threepcView.badge(coordinator, 1, true).lines).toEqual(['idle', 'commit t1']);
    expect(twopcView.badge(view(votedYes), 2, false).lines).toEqual(['crashed', 'yes t1']);
  });
});
