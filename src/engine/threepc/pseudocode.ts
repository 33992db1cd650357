import { handler, type Pseudocode } from '../sim/pseudocode';
import { SHARED_HANDLERS } from '../twopc/pseudocode';

/**
 * Three-phase commit as textbooks give it: 2PC's vote, a pre-commit round, then the commit;
 * with bounded delays a silent coordinator has crashed, and the lowest live participant
 * finishes the transaction as backup coordinator (the termination protocol).
 */
export const THREEPC_PSEUDOCODE: Pseudocode = {
  handlers: [
    SHARED_HANDLERS.init,
    handler('recover', 'on recovery from a crash', undefined, [
      ['log', 0, 'read the durable log; writes never voted on were rolled back'],
      ['resend', 0, 'coordinator: resend every decision that has no "end" record'],
      ['inDoubt', 0, 'participant: each T with "yes" and no decision: send AskDecision(T) to every node; it will not lead a termination for T'],
    ]),
    SHARED_HANDLERS.begin, SHARED_HANDLERS.onBegin, SHARED_HANDLERS.prepare, SHARED_HANDLERS.onPrepare,
    handler('onVote', 'coordinator, on receiving Vote(T, v)', undefined, [
      ['record', 0, 'if collecting votes for T: votes[sender] := v'],
      ['noIf', 0, 'if v = no:'],
      ['abort', 1, 'decide(abort)'],
      ['allIf', 0, 'else if every participant voted yes:'],
      ['precommit', 1, 'PreCommit()'],
    ]),
    SHARED_HANDLERS.voteTimeout,
    handler('precommit', 'coordinator, function PreCommit(): phase 2', undefined, [
      ['send', 0, 'send PreCommit(T) to every participant; wait one round trip for PreAck'],
    ]),
    handler('onPreCommit', 'participant, on receiving PreCommit(T)', undefined, [
      ['openIf', 0, 'if T is not decided here:'],
      ['log', 1, 'append "precommit T" to the durable log'],
      ['ack', 1, 'send PreAck(T); restart its timer'],
    ]),
    handler('onPreAck', 'coordinator, on receiving PreAck(T)', undefined, [
      ['record', 0, 'preAcked := preAcked ∪ {sender}'],
      ['allIf', 0, 'if every participant acknowledged:'],
      ['commit', 1, 'decide(commit): phase 3'],
    ]),
    handler('preAckTimeout', 'coordinator, one round trip after PreCommit', undefined, [
      ['commit', 0, 'whoever did not acknowledge has crashed (delays are bounded): decide(commit)'],
    ]),
    SHARED_HANDLERS.decide, SHARED_HANDLERS.onDecision, SHARED_HANDLERS.onAck, SHARED_HANDLERS.resend,
    handler('timeout', 'participant, on its timer', undefined, [
      ['votedIf', 0, 'if it holds writes of T and has not voted:'],
      ['abort', 1, 'abort T alone: append "abort T", release the locks'],
      ['else', 0, 'for each T it voted yes on with no decision: the coordinator is silent past every bound, so it has crashed'],
      ['ask', 1, 'if it recovered uncertain on T: send AskDecision(T) to every node'],
      ['terminate', 1, 'else: become backup coordinator: send StateReq(T) to every participant; collect for one round trip'],
    ]),
    handler('onStateReq', 'participant, on receiving StateReq(T) from a backup', undefined, [
      ['report', 0, 'send StateReport(T, its state: uncertain, precommitted, committed or aborted)'],
      ['wait', 0, 'if undecided: restart its timer (the backup is at work)'],
    ]),
    handler('onStateReport', 'backup, on receiving StateReport(T, state)', undefined, [
      ['record', 0, 'reports[sender] := state'],
    ]),
    handler('termDecide', 'backup, one round trip after StateReq', undefined, [
      ['commitIf', 0, 'if anyone committed:'],
      ['commit', 1, 'decide commit; send Decision(T, commit) to every participant'],
      ['abortIf', 0, 'else if anyone aborted (or never voted yes):'],
      ['abort', 1, 'decide abort; send Decision(T, abort)'],
      ['precommitIf', 0, 'else if anyone is precommitted:'],
      ['precommit', 1, 'send PreCommit(T) to the uncertain ones; one round trip later, commit'],
      ['final', 1, '(one round trip later) decide commit; send Decision(T, commit)'],
      ['uncertain', 0, 'else (all uncertain): nobody can have committed: decide abort'],
    ]),
    handler('onAsk', 'on receiving AskDecision(T)', undefined, [
      ['knownIf', 0, 'if the log holds a decision d for T:'],
      ['reply', 1, 'send Decision(T, d)'],
      ['runningIf', 0, 'else: no answer (no presumed abort: the participants may have committed without the coordinator)'],
    ]),
  ],
  paperNames: {},
};
