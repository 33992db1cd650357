import { describe, expect, it } from 'vitest';
import { brokenRules } from './bugs';
import { LINES_BY_PROTOCOL } from './lines';

describe('rules a lecturer can break', () => {
  it.each(['raft', 'paxos', 'multipaxos'])('%s: every mutant has lecture words, and a pseudocode line of its protocol unless it breaks a client-side rule', (protocol) => {
    const rules = brokenRules(protocol);
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const r of rules) {
      expect(r.label.length, r.bug).toBeGreaterThan(10);
      if (r.line === undefined) expect(r.bug, 'only client-side rules lack a line').toBe('readIndexSkipsHeartbeat');
      else expect(LINES_BY_PROTOCOL[protocol].has(r.line), `${r.bug}: ${r.line}`).toBe(true);
    }
    expect(new Set(rules.map((r) => r.label)).size).toBe(rules.length);
  });

  it('only the Raft mutants that cannot break safety are marked as liveness-only', () => {
    expect(brokenRules('raft').filter((r) => r.livenessOnly).map((r) => r.bug)).toEqual(['votedForNullOnly', 'noElectionTimerReset']);
  });
});
