import { describe, expect, it } from 'vitest';
import { awaitsProposal } from './awaitsProposal';
import { initialState } from './state';
import type { PaxosState } from './types';

const node = (over: Partial<PaxosState> = {}, up = true) => ({ up, state: { ...initialState(), ...over } });

describe('awaitsProposal', () => {
  it('holds for a fresh cluster: nobody has been asked to propose', () => {
    expect(awaitsProposal([node(), node(), node()])).toBe(true);
  });

  it('fails while a live proposer prepares, waits for accepts or backs off', () => {
    for (const phase of ['prepare', 'accept', 'backoff'] as const) expect(awaitsProposal([node(), node({ phase, value: 'v' })])).toBe(false);
  });

  it('holds again when the only proposer at work has crashed', () => {
    expect(awaitsProposal([node(), node({ phase: 'prepare', value: 'v' }, false)])).toBe(true);
  });

  it('fails once a value is learned: the cluster has decided, not stalled', () => {
    expect(awaitsProposal([node(), node({ learned: 'v' })])).toBe(false);
  });
});
