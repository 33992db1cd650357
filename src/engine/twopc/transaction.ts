import type { Tx } from './types';

/** `tx <id>`, optionally `no <node>...`: the participants whose part of it fails and who vote no. */
const TX = /^tx ([A-Za-z0-9_-]{1,20})(?: no((?: [1-9])+))?$/;

/** Reads a client's transaction command, or null if the text is not one. */
export function parseTx(command: string): Tx | null {
  const m = TX.exec(command.trim());
  if (m === null) return null;
  const failing = m[2] === undefined ? [] : [...new Set(m[2].trim().split(' ').map(Number))].sort((a, b) => a - b);
  return { id: m[1], failing };
}

export function txText(tx: Tx): string {
  return tx.failing.length === 0 ? `tx ${tx.id}` : `tx ${tx.id} (no from ${tx.failing.map((id) => `S${id}`).join(', ')})`;
}

/** The coordinator is S1; every other node is a participant. */
export const COORDINATOR = 1;

export function participants(nodes: readonly number[]): number[] {
  return nodes.filter((id) => id !== COORDINATOR);
}
