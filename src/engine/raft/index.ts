import { keepLeasePromise, leaseOwed } from '../clients/leasePromise';
import type { Context, Input, Protocol, Step } from '../sim/protocol';
import { onLogResponse } from './acks';
import { RAFT_BUGS } from './bugs';
import { onClientRequest, onHeartbeat } from './broadcast';
import { onElectionTimeout, onRecover, onStart } from './election';
import { onLogRequest } from './follower';
import { crashed, initialState } from './state';
import type { RaftMessage, RaftState } from './types';
import { onTimeoutNow, onTransferLeadership, onTransferTimeout } from './transfer';
import { onVoteRequest } from './voting';
import { onVoteResponse } from './votes';

export { Log } from './log';
export type { LogEntry, RaftMessage, RaftState, Role } from './types';

function handle(s: RaftState, input: Input<RaftMessage>, ctx: Context): Step<RaftState, RaftMessage> {
  switch (input.kind) {
    case 'start': return onStart(s, ctx);
    case 'recover': return onRecover(s, ctx);
    case 'timeout': return onElectionTimeout(s, ctx);
    case 'timer': return input.name === 'heartbeat' ? onHeartbeat(s, ctx) : input.name === 'transfer' ? onTransferTimeout(s, ctx) : onElectionTimeout(s, ctx);
    case 'request': return onClientRequest(s, input.command, ctx);
    case 'message': {
      const m = input.msg;
      switch (m.type) {
        case 'VoteRequest': {
          const leader = leaseOwed(ctx, s.currentRole === 'follower' ? s.currentLeader : null, m.candidateId);
          return leader === null ? onVoteRequest(s, m, ctx) : keepLeasePromise(s, ctx, 'raft.leasePromise', leader, `S${m.candidateId}'s VoteRequest of term ${m.term}`);
        }
        case 'VoteResponse': return onVoteResponse(s, m, ctx);
        case 'LogRequest': return onLogRequest(s, m, ctx);
        case 'LogResponse': return onLogResponse(s, m, ctx);
        case 'ClientRequest': return onClientRequest(s, m.command, ctx);
        case 'TimeoutNow': return onTimeoutNow(s, m, ctx);
      }
    }
  }
}

function describe(m: RaftMessage): string {
  switch (m.type) {
    case 'VoteRequest': return `VoteRequest(term ${m.term})`;
    case 'VoteResponse': return `VoteResponse(term ${m.term}, ${m.granted ? 'granted' : 'denied'})`;
    case 'LogRequest': return `LogRequest(term ${m.term}, prefixLen ${m.prefixLen}, ${m.suffix.length === 0 ? 'heartbeat' : `${m.suffix.length} entr${m.suffix.length === 1 ? 'y' : 'ies'}`})`;
    case 'LogResponse': return `LogResponse(term ${m.term}, ${m.success ? `ack ${m.ack}` : 'failed'})`;
    case 'ClientRequest': return `ClientRequest("${m.command}")`;
    case 'TimeoutNow': return `TimeoutNow(term ${m.term})`;
  }
}

export const raft: Protocol<RaftState, RaftMessage> = {
  name: 'raft',
  bugs: RAFT_BUGS,
  init: initialState,
  crash: crashed,
  handle,
  transfer: onTransferLeadership,
  describe,
  summarize: (s) => ({
    currentTerm: s.currentTerm, votedFor: s.votedFor, currentRole: s.currentRole, currentLeader: s.currentLeader,
    log: s.log.slice(), commitLength: s.commitLength,
  }),
};
