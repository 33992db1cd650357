import { Slots } from '../engine/multipaxos/slots';
import { Log } from '../engine/raft/log';

/**
 * The committed command at log index `index` (from 1) as the servers hold it: Raft's log up to
 * its commit length, Multi-Paxos's chosen slots; null if no server holds it committed. A
 * committed entry never changes, so any server that has it will do.
 */
export function committedCommand(states: readonly unknown[]): (index: number) => string | null {
  return (index) => {
    for (const s of states) {
      const state = s as { log?: unknown; commitLength?: number; decided?: unknown };
      if (state.log instanceof Log && index <= (state.commitLength ?? 0)) return state.log.get(index - 1).command;
      if (state.decided instanceof Slots) {
        const chosen = (state.decided as Slots<string>).get(index);
        if (chosen !== undefined) return chosen;
      }
    }
    return null;
  };
}
