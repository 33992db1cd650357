import { handler, type Pseudocode } from '../sim/pseudocode';

/**
 * Single-decree Paxos in its phases (1a prepare, 1b promise, 2a accept, 2b accepted, then
 * learning), as the lectures give them. Every node is acceptor and learner, and proposer
 * when the scenario lets it; ballots are (round, nodeId), ordered by round, then node.
 */
export const PAXOS_PSEUDOCODE: Pseudocode = {
  handlers: [
    handler('init', 'on initialisation', undefined, [
      ['state', 0, 'promised := none; accepted := none; learned := none'],
    ]),
    handler('recover', 'on recovery from a crash', undefined, [
      ['keep', 0, 'promised, accepted and learned are as written before the crash; the proposer starts over'],
    ]),
    handler('propose', 'on a request to propose value v', undefined, [
      ['refuseIf', 0, 'if this node is not a proposer, or a value is learned, or it is still proposing:'],
      ['refuse', 1, 'refuse v, visibly'],
      ['value', 0, 'myValue := v; Prepare()'],
    ]),
    handler('retry', 'on the retry timer (no answer in time, or the pause after being preempted is over)', undefined, [
      ['doneIf', 0, 'if nothing is left to propose:'],
      ['done', 1, 'stop here'],
      ['prepare', 0, 'Prepare()'],
    ]),
    handler('prepare', 'function Prepare(): phase 1a', undefined, [
      ['ballot', 0, 'ballot := (highest round seen + 1, nodeId); promises := {}'],
      ['send', 0, 'send Prepare(ballot) to every acceptor; start the retry timer'],
    ]),
    handler('onPrepare', 'acceptor, on receiving Prepare(b): phase 1b', undefined, [
      ['above', 0, 'if b > promised:'],
      ['promise', 1, 'promised := b; send Promise(b, accepted) to the proposer'],
      ['preempted', 1, 'if this node was proposing with a lower ballot: give up that round; retry after a random backoff, or at once without one'],
      ['else', 0, 'else:'],
      ['nack', 1, 'send Nack(b, promised) to the proposer'],
    ]),
    handler('onPromise', 'proposer, on receiving Promise(b, accepted): phase 2a', undefined, [
      ['waiting', 0, 'if waiting for promises for ballot b:'],
      ['add', 1, 'promises := promises ∪ {(sender, accepted)}'],
      ['quorum', 1, 'if |promises| ≥ majority:'],
      ['adopt', 2, 'proposal := the value of the highest-ballot proposal the promises report, or myValue if none'],
      ['send', 2, 'send Accept(b, proposal) to every acceptor; restart the retry timer'],
    ]),
    handler('onAccept', 'acceptor, on receiving Accept(b, v): phase 2b', undefined, [
      ['ok', 0, 'if b ≥ promised:'],
      ['accept', 1, 'promised := b; accepted := (b, v)'],
      ['send', 1, 'send Accepted(b, v) to every learner'],
      ['else', 0, 'else:'],
      ['nack', 1, 'send Nack(b, promised) to the proposer'],
    ]),
    handler('onAccepted', 'learner, on receiving Accepted(b, v)', undefined, [
      ['tally', 0, 'acceptors[b] := acceptors[b] ∪ {sender}'],
      ['chosenIf', 0, 'if nothing is learned yet and |acceptors[b]| ≥ majority:'],
      ['learn', 1, 'learned := v: it is chosen; the proposer of b is done'],
    ]),
    handler('onNack', 'proposer, on receiving Nack(b, promised)', undefined, [
      ['mine', 0, 'if proposing with ballot b, and promised is another proposer\'s ballot:'],
      ['backoff', 1, 'give up this round; wait a random time, up to twice as long as the last backoff (no wait without backoff), then Prepare() above promised'],
    ]),
  ],
  paperNames: {},
};
