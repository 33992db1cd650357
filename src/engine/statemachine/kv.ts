/**
 * The replicated state machine: a small key-value store. Every node applies the same
 * committed commands in the same order, so every node ends in the same state.
 */
export type KvState = Readonly<Record<string, string>>;

const COMMAND = /^(?:set (\S+) (\S+)|del (\S+))$/;

export function isCommand(text: string): boolean {
  return COMMAND.test(text);
}

/** Applies one command; anything else (a no-op) leaves the store unchanged. */
export function applyCommand(kv: KvState, command: string): KvState {
  const m = COMMAND.exec(command);
  if (m === null) return kv;
  if (m[1] !== undefined) return { ...kv, [m[1]]: m[2] };
  const { [m[3]]: _gone, ...rest } = kv;
  return rest;
}

/** The store after applying the given commands in order. */
export function applyAll(commands: Iterable<string>): KvState {
  let kv: KvState = {};
  for (const c of commands) kv = applyCommand(kv, c);
  return kv;
}
