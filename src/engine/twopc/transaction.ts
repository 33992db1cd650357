import type { Tx } from './types';

/**
 * `tx <id>`, optionally `on <key>,...` (the keys it writes, locked at every participant) and
 * `no <node>...` (the participants whose part of it fails and who vote no).
 */
const TX = /^tx ([A-Za-z0-9_-]{1,20})(?: on ([a-z0-9_]{1,12}(?:,[a-z0-9_]{1,12}){0,7}))?(?: no((?: [1-9])+))?$/;

/** Reads a client's transaction command, or null if the text is not one. */
export function parseTx(command: string): Tx | null {
  const m = TX.exec(command.trim());
  if (m === null) return null;
  const failing = m[3] === undefined ? [] : [...new Set(m[3].trim().split(' ').map(Number))].sort((a, b) => a - b);
  return m[2] === undefined ? { id: m[1], failing } : { id: m[1], failing, keys: [...new Set(m[2].split(','))] };
}

export function txText(tx: Tx): string {
  const on = tx.keys === undefined ? '' : ` on ${tx.keys.join(',')}`;
  return tx.failing.length === 0 ? `tx ${tx.id}${on}` : `tx ${tx.id}${on} (no from ${tx.failing.map((id) => `S${id}`).join(', ')})`;
}

/** The coordinator is S1; every other node is a participant. */
export const COORDINATOR = 1;

export function participants(nodes: readonly number[]): number[] {
  return nodes.filter((id) => id !== COORDINATOR);
}
