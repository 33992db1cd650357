import { isCommand } from '../../engine/statemachine/kv';
import type { CommandWords } from '../protocolView';

/** Raft's and Multi-Paxos's state machine: key-value commands, "set x 1", "set x 2"… */
export function kvCommandWords(send: string, timeout: string): CommandWords {
  return {
    next: (n) => `set x ${n}`,
    valid: isCommand,
    invalid: 'A command is "set <key> <value>" or "del <key>".',
    send: (id) => `${send} S${id}`,
    timeout: (id) => `${timeout} S${id}`,
  };
}
