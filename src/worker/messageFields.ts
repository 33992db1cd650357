import { Slots } from '../engine/multipaxos/slots';

type Msg = { type: string };

/**
 * A message's fields as the views show them. A LogRequest's suffix can hold thousands of
 * entries, a Promise thousands of accepted slots: a view shows only how many. Lists of numbers
 * (a Paxos ballot) are values, and stay as they are.
 */
export function messageFields(msg: Msg): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(msg as Record<string, unknown>)) {
    if (k !== 'type') fields[k] = isList(v) ? v.length : v instanceof Slots ? v.size : v;
  }
  return fields;
}

/** The longest list a message carries (0 if none): what keeping the message keeps alive beside it. */
export function longestList(msg: Msg): number {
  let n = 0;
  for (const v of Object.values(msg as Record<string, unknown>)) n = Math.max(n, isList(v) ? v.length : v instanceof Slots ? v.size : 0);
  return n;
}

function isList(v: unknown): v is unknown[] {
  return Array.isArray(v) && (v.length === 0 || typeof v[0] !== 'number');
}
