/**
 * Message types a protocol's handlers send only when an option is on (type: the option), so
 * that a legend names them only in runs that can send them. Data without imports: the page
 * reads it without loading the handlers. optionalMessages.test.ts holds it to the handlers.
 */
const OPTIONAL_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Multi-Paxos followers answer heartbeats only for reads that confirm leadership (replica.ts).
  multipaxos: { HeartbeatAck: 'confirmLeader' },
};

/** Whether a run of `protocol` with these options can send messages of `type` at all. */
export function maySend(protocol: string, type: string, options: Readonly<Record<string, boolean>>): boolean {
  const option = OPTIONAL_MESSAGES[protocol]?.[type];
  return option === undefined || options[option] === true;
}
