import { handler, type Pseudocode, type PseudocodeHandler } from '../sim/pseudocode';

/**
 * The handlers both atomic commit protocols share, as the lectures give two-phase commit:
 * S1 coordinates; the others are participants. `log` is each node's durable log.
 */
export const SHARED_HANDLERS: Readonly<Record<string, PseudocodeHandler>> = {
  init: handler('init', 'on initialisation', undefined, [
    ['state', 0, 'log := [] (durable); S1 is the coordinator, every other node a participant'],
  ]),
  begin: handler('begin', 'coordinator, on a client\'s transaction T', undefined, [
    ['busyIf', 0, 'if a transaction is running:'],
    ['queue', 1, 'queue T: it begins once the running one is decided'],
    ['send', 0, 'send Begin(T) to every participant; after the work time, Prepare()'],
  ]),
  onBegin: handler('onBegin', 'participant, on receiving Begin(T)', undefined, [
    ['newIf', 0, 'if T is new here:'],
    ['abortOld', 1, 'abort the transaction it works on but never voted on (the coordinator moved on)'],
    ['lock', 1, 'take T\'s locks and do its writes, not yet committed'],
    ['timer', 1, 'start the timer: if no Prepare comes, it may abort T alone'],
  ]),
  prepare: handler('prepare', 'coordinator, function Prepare(): phase 1', undefined, [
    ['send', 0, 'send Prepare(T) to every participant; start the vote timer'],
  ]),
  onPrepare: handler('onPrepare', 'participant, on receiving Prepare(T)', undefined, [
    ['againIf', 0, 'if it has voted on T already: send the same vote again'],
    ['canIf', 0, 'else if it holds T\'s writes and they can commit:'],
    ['log', 1, 'append "yes T" to the durable log, before replying'],
    ['yes', 1, 'send Vote(T, yes): from now on it may not decide alone'],
    ['else', 0, 'else:'],
    ['no', 1, 'append "abort T"; roll back, release the locks; send Vote(T, no)'],
  ]),
  onVote: handler('onVote', 'coordinator, on receiving Vote(T, v)', undefined, [
    ['record', 0, 'if collecting votes for T: votes[sender] := v'],
    ['noIf', 0, 'if v = no:'],
    ['abort', 1, 'decide(abort)'],
    ['allIf', 0, 'else if every participant voted yes:'],
    ['commit', 1, 'decide(commit)'],
  ]),
  voteTimeout: handler('voteTimeout', 'coordinator, on the vote timer', undefined, [
    ['abort', 0, 'a vote has not come: decide(abort)'],
  ]),
  decide: handler('decide', 'coordinator, function decide(d)', undefined, [
    ['log', 0, 'append "d T" to the durable log: this is the commit point'],
    ['send', 0, 'send Decision(T, d) to every participant; resend until each acknowledges'],
    ['next', 0, 'begin the next queued transaction'],
  ]),
  onDecision: handler('onDecision', 'participant, on receiving Decision(T, d)', undefined, [
    ['log', 0, 'if no decision is logged: append "d T"; commit or roll back; release T\'s locks'],
    ['ack', 0, 'send Ack(T)'],
  ]),
  onAck: handler('onAck', 'coordinator, on receiving Ack(T)', undefined, [
    ['record', 0, 'acked[T] := acked[T] ∪ {sender}'],
    ['endIf', 0, 'if every participant acknowledged:'],
    ['end', 1, 'append "end T": T can be forgotten'],
  ]),
  resend: handler('resend', 'coordinator, on the resend timer', undefined, [
    ['send', 0, 'send Decision(T, d) again to every participant that has not acknowledged'],
  ]),
  onAsk: handler('onAsk', 'on receiving AskDecision(T)', undefined, [
    ['knownIf', 0, 'if the log holds a decision d for T:'],
    ['reply', 1, 'send Decision(T, d)'],
    ['runningIf', 0, 'else if T is being decided, or no decision is known here: no answer yet'],
    ['presume', 0, 'else (2PC coordinator): presumed abort: append "abort T", send Decision(T, abort)'],
  ]),
};

/** Two-phase commit as the lectures give it. */
export const TWOPC_PSEUDOCODE: Pseudocode = {
  handlers: [
    SHARED_HANDLERS.init,
    handler('recover', 'on recovery from a crash', undefined, [
      ['log', 0, 'read the durable log; writes never voted on were rolled back'],
      ['resend', 0, 'coordinator: resend every decision that has no "end" record'],
      ['inDoubt', 0, 'participant: each T with "yes" and no decision is in doubt: take its locks again, send AskDecision(T)'],
    ]),
    SHARED_HANDLERS.begin, SHARED_HANDLERS.onBegin, SHARED_HANDLERS.prepare, SHARED_HANDLERS.onPrepare,
    SHARED_HANDLERS.onVote, SHARED_HANDLERS.voteTimeout, SHARED_HANDLERS.decide, SHARED_HANDLERS.onDecision,
    SHARED_HANDLERS.onAck, SHARED_HANDLERS.resend,
    handler('timeout', 'participant, on its timer', undefined, [
      ['votedIf', 0, 'if it holds writes of T and has not voted:'],
      ['abort', 1, 'abort T alone: append "abort T", release the locks (the coordinator cannot commit without its yes)'],
      ['else', 0, 'for each T it voted yes on with no decision: it is in doubt'],
      ['ask', 1, 'it must wait: keep T\'s locks; send AskDecision(T) to the coordinator; restart the timer'],
    ]),
    SHARED_HANDLERS.onAsk,
  ],
  paperNames: {},
};
