import { describe, expect, it } from 'vitest';
import type { MultiPaxosMessage } from '../engine/multipaxos/types';
import type { PaxosMessage } from '../engine/paxos/types';
import type { RaftMessage } from '../engine/raft/types';
import type { AtomicMessage } from '../engine/twopc/types';
import { shortLabel } from './draw/movingPaint';
import { MESSAGE, MESSAGES_OF } from './theme';

// Every type each protocol's engine can send (the type checker holds these lists to the unions).
const SENT: Record<string, Record<string, true>> = {
  raft: { VoteRequest: true, VoteResponse: true, LogRequest: true, LogResponse: true, ClientRequest: true, TimeoutNow: true } satisfies Record<RaftMessage['type'], true>,
  paxos: { Prepare: true, Promise: true, Nack: true, Accept: true, Accepted: true } satisfies Record<PaxosMessage['type'], true>,
  multipaxos: { Prepare: true, Promise: true, Nack: true, Accept: true, Accepted: true, Heartbeat: true, HeartbeatAck: true, CatchUp: true, Decide: true, ClientRequest: true } satisfies Record<MultiPaxosMessage['type'], true>,
  '3pc': { Begin: true, Prepare: true, Vote: true, Decision: true, Ack: true, AskDecision: true, PreCommit: true, PreAck: true, StateReq: true, StateReport: true } satisfies Record<AtomicMessage['type'], true>,
};

describe('every message a protocol sends is drawn as itself', () => {
  it.each(Object.entries(SENT))('%s: each type has a shape and a legend entry, none a grey dot', (protocol, types) => {
    expect([...(MESSAGES_OF[protocol] ?? [])].sort()).toEqual(Object.keys(types).sort());
    for (const type of Object.keys(types)) expect(MESSAGE[type as keyof typeof MESSAGE], type).toBeDefined();
  });

  it('a leadership transfer\'s TimeoutNow says what it asks, and of which term', () => {
    expect(shortLabel('TimeoutNow', { leaderId: 1, term: 1 })).toBe('time out now t1');
  });
});
