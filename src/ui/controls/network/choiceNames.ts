import type { PendingChoice } from '../../../engine/sim/pending';

type MessageChoice = Extract<PendingChoice, { kind: 'message' }>;

/**
 * How a waiting message is named on its buttons: "VoteRequest S1 to S3", with its number
 * when another waiting message would have the same name. Pure, so the names are tested in Node.
 */
export function messageName(m: MessageChoice, all: readonly PendingChoice[]): string {
  const name = `${m.type} S${m.from} to S${m.to}`;
  const twins = all.filter((c) => c.kind === 'message' && c.type === m.type && c.from === m.from && c.to === m.to);
  return twins.length > 1 ? `${name} (#${m.id})` : name;
}

export function timerName(t: Extract<PendingChoice, { kind: 'timer' }>): string {
  return `S${t.node}'s ${t.name} timer`;
}
