import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toActions, toSimConfig } from '../scenario/config';
import { parseScenarioJson } from '../scenario/codec';
import { maySend } from './optionalMessages';
import { Run } from './run';

const DIR = join(import.meta.dirname, 'golden');

describe('messages sent only when an option is on', () => {
  // Multi-Paxos with no reads, by read index, on a lease: HeartbeatAck in the last two only.
  it.each([['multipaxos-failover', 900, false], ['multipaxos-read-index', 1600, true], ['multipaxos-lease', 1600, true]] as const)(
    '%s: the run sends HeartbeatAck exactly when its options say it may', (name, until, sends) => {
      const parsed = parseScenarioJson(readFileSync(join(DIR, `${name}.json`), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario), { lines: false });
      let acks = 0;
      run.sim.onEvent((rec) => { if (rec.msg?.msg.type === 'HeartbeatAck') acks++; });
      run.runUntil(until);
      expect(acks > 0).toBe(sends);
      expect(maySend('multipaxos', 'HeartbeatAck', run.sim.contexts[1].options)).toBe(sends);
    });

  it('every other message may be sent whatever the options', () => {
    expect(maySend('multipaxos', 'Heartbeat', {})).toBe(true);
    expect(maySend('raft', 'LogResponse', {})).toBe(true);
  });
});
