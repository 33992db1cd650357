/**
 * The replicated state machine: a small key-value store. Every node applies the same
 * committed commands in the same order, so every node ends in the same state.
 */
export type KvState = Readonly<Record<string, string>>;

const COMMAND = /^(?:set (\S+) (\S+)|del (\S+))$/;

export function isCommand(text: string): boolean {
  return COMMAND.test(text);
}

/** Applies one command to the store; anything else (a no-op) leaves it unchanged. */
export function applyCommand(kv: Record<string, string>, command: string): void {
  const m = COMMAND.exec(command);
  if (m === null) return;
  if (m[1] !== undefined) kv[m[1]] = m[2];
  else delete kv[m[3]];
}

/** The store after applying the given commands in order. */
export function applyAll(commands: Iterable<string>): KvState {
  const kv: Record<string, string> = {};
  for (const c of commands) applyCommand(kv, c);
  return kv;
}
