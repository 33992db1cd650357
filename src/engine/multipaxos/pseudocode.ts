import { handler, type Pseudocode } from '../sim/pseudocode';

/**
 * Multi-Paxos with a distinguished leader: phase 1 once for every slot, then one round trip
 * (phase 2) per command. A new leader re-proposes the values reported for open slots and
 * fills the gaps below them with no-ops; replicas apply decided slots in order, and a
 * replica that missed decisions catches up from the leader's heartbeat.
 */
export const MULTIPAXOS_PSEUDOCODE: Pseudocode = {
  handlers: [
    handler('init', 'on initialisation', undefined, [
      ['timer', 0, 'role := follower; start the leader timer (it rings if the leader falls silent)'],
    ]),
    handler('recover', 'on recovery from a crash', undefined, [
      ['keep', 0, 'promised, accepted, decided and applied are as written before the crash'],
      ['timer', 0, 'role := follower; start the leader timer'],
    ]),
    handler('leaderTimeout', 'on the leader timer, or suspecting the leader: phase 1 for all slots', undefined, [
      ['isLeader', 0, 'if role = leader:'],
      ['ignore', 1, 'stop here: a leader suspects nobody'],
      ['ballot', 0, 'ballot := (highest round seen + 1, nodeId); role := candidate; promises := {}'],
      ['send', 0, 'send Prepare(ballot) to every acceptor; restart the leader timer'],
    ]),
    handler('onPrepare', 'acceptor, on receiving Prepare(b), for every slot at once', undefined, [
      ['lease', 0, 'if reads go by lease and this node follows a leader other than the sender: ignore it (a promise to that leader\'s lease, kept until the leader timer rings)'],
      ['above', 0, 'if b > promised:'],
      ['promise', 1, 'promised := b; send Promise(b, every accepted slot) to the sender'],
      ['stepDown', 1, 'if leading or standing, and the sender is another node: role := follower'],
      ['else', 0, 'else:'],
      ['nack', 1, 'send Nack(b, promised) to the sender'],
    ]),
    handler('onPromise', 'candidate, on receiving Promise(b, accepted slots)', undefined, [
      ['waiting', 0, 'if role = candidate and ballot = b:'],
      ['add', 1, 'promises := promises ∪ {(sender, accepted slots)}'],
      ['quorum', 1, 'if |promises| ≥ majority:'],
      ['adopt', 2, 'for each open slot a promise reports: send Accept(b, slot, the highest-ballot value reported)'],
      ['noop', 2, 'for each open slot below the highest with no report: send Accept(b, slot, no-op)'],
      ['held', 2, 'for each held command: send Accept(b, nextSlot, command); nextSlot := nextSlot + 1'],
      ['lead', 2, 'role := leader; send Heartbeat(b, applied) to every other node; start the heartbeat timer'],
    ]),
    handler('request', 'on a client request for command c', undefined, [
      ['isLeader', 0, 'if role = leader:'],
      ['propose', 1, 'send Accept(ballot, nextSlot, c) to every acceptor; nextSlot := nextSlot + 1'],
      ['knowsLeader', 0, 'else if the leader is known:'],
      ['forward', 1, 'forward c to the leader'],
      ['hold', 0, 'else: hold c until a leader is known'],
    ]),
    handler('heartbeat', 'periodically, every heartbeat interval', undefined, [
      ['isLeader', 0, 'if role = leader:'],
      ['send', 1, 'send Heartbeat(ballot, applied) to every other node; restart the heartbeat timer'],
      ['resend', 1, 'send Accept again for every slot proposed before the last heartbeat and still not decided'],
    ]),
    handler('onAccept', 'acceptor, on receiving Accept(b, slot, v): phase 2b', undefined, [
      ['ok', 0, 'if b ≥ promised:'],
      ['accept', 1, 'promised := b; accepted[slot] := (b, v); send Accepted(b, slot, v) to every learner'],
      ['follow', 1, 'if the sender is another node: follow it as leader; restart the leader timer'],
      ['else', 0, 'else:'],
      ['nack', 1, 'send Nack(b, promised) to the sender'],
    ]),
    handler('onAccepted', 'learner, on receiving Accepted(b, slot, v)', undefined, [
      ['known', 0, 'if slot is already decided: stop here'],
      ['tally', 0, 'acceptors[slot, b] := acceptors[slot, b] ∪ {sender}'],
      ['quorum', 0, 'if |acceptors[slot, b]| ≥ majority:'],
      ['decide', 1, 'decided[slot] := v; forget acceptors[slot]; ApplyInOrder()'],
    ]),
    handler('applyInOrder', 'function ApplyInOrder()', undefined, [
      ['next', 0, 'while slot applied + 1 is decided:'],
      ['apply', 1, 'applied := applied + 1; apply decided[applied] to the state machine'],
    ]),
    handler('onHeartbeat', 'on receiving Heartbeat(b, leaderApplied)', undefined, [
      ['belowIf', 0, 'if b < promised:'],
      ['ignore', 1, 'stop here: a deposed leader'],
      ['follow', 0, 'leader := sender; role := follower; restart the leader timer; forward held commands'],
      ['ack', 0, 'if reads confirm leadership (read index, lease): send HeartbeatAck(b) to the leader'],
      ['behindIf', 0, 'if leaderApplied > applied:'],
      ['catchUp', 1, 'send CatchUp(applied + 1) to the leader'],
      ['ahead', 0, 'if this node knew, at the last heartbeat, slots beyond leaderApplied: send Decide(those slots) to the leader'],
    ]),
    handler('onHeartbeatAck', 'leader, on receiving HeartbeatAck(b)', undefined, [
      ['current', 0, 'if role = leader and ballot = b: the sender promised nothing higher; it counts for the reads and the lease waiting on this heartbeat round'],
    ]),
    handler('read', 'leader, on a client\'s get k when reads confirm leadership (read index, lease)', undefined, [
      ['lease', 0, 'if reads go by lease, the lease holds on this node\'s own clock and applied ≥ readIndex: reply with k\'s value at once'],
      ['note', 0, 'readIndex := applied, once every slot phase 1 settled is applied; hold the read until a majority, itself included, sends HeartbeatAck(ballot) for a heartbeat sent after the read came (by lease: until the lease holds again)'],
      ['answer', 0, 'then, if applied ≥ readIndex: reply with k\'s value in the state machine'],
      ['lost', 0, 'if meanwhile this node stopped leading with ballot: tell the client to try the leader it knows'],
    ]),
    handler('onCatchUp', 'leader, on receiving CatchUp(from)', undefined, [
      ['send', 0, 'send Decide(decided[from], …, decided[applied]) to the sender'],
    ]),
    handler('onDecide', 'on receiving Decide(slots): catching up', undefined, [
      ['record', 0, 'for every slot sent: decided[slot] := v; forget acceptors[slot]. Then ApplyInOrder()'],
    ]),
    handler('onNack', 'on receiving Nack(b, promised)', undefined, [
      ['mine', 0, 'if role ≠ follower and ballot = b:'],
      ['stepDown', 1, 'role := follower; leader := unknown; restart the leader timer (stand again later)'],
    ]),
  ],
  paperNames: {},
};
