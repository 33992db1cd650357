import { SCENARIO_VERSION } from './defaults';
import type { ScenarioInput } from './schema';

/**
 * Built-in lessons that follow the lectures: each a scenario with narration, presentable
 * in about three minutes, and each reachable by its own link (#lesson=<id>). The key
 * moments are forced (timeouts, cuts, partitions) so every run tells the same story.
 */
export interface Lesson {
  id: string;
  title: string;
  /** What the run shows by `endsAt`; the tests check exactly this. */
  outcome: string;
  endsAt: number;
  /**
   * The pace the lesson opens at: the slowest speed at which every narration step plays out
   * within STEP_MAX_MS of real time (slow enough to follow each message, quick enough to keep
   * a class's attention). A user's later choice of speed is kept through Reset.
   */
  speed: number;
  scenario: ScenarioInput;
}

const paxosLesson = (title: string, fields: Omit<ScenarioInput, 'version' | 'protocol' | 'title'>): ScenarioInput => ({
  version: SCENARIO_VERSION, protocol: 'paxos', title, ...fields,
});

/**
 * The Raft lessons written before the no-op on election became the default: their runs and
 * narration show a new leader with no entry of its own (an empty heartbeat, the command at
 * index 1, Figure 8's uncommitted old-term entry), so they keep it off.
 */
const NO_NOOP = { noopOnElection: false } as const;

const raft = (title: string, fields: Omit<ScenarioInput, 'version' | 'protocol' | 'title'>): ScenarioInput => ({
  version: SCENARIO_VERSION, protocol: 'raft', title, ...fields,
});

/** The longest a click of Next may take at a lesson's own pace, in real milliseconds. */
export const STEP_MAX_MS = 4000;

/**
 * A student's choices as the network, one per millisecond from `from`: `d12` delivers message
 * 12, `c12` sends a copy of it, `f3` fires S3's timer (`f3.heartbeat` names it; otherwise
 * the one `timer` names). Written out by an adversary (raft/adversary.ts, paxos/adversary.ts);
 * the tests check the script is still what the adversary would choose.
 */
export function byHand(from: number, script: string, timer: string): NonNullable<ScenarioInput['actions']> {
  return script.split(' ').map((token, i) => {
    const at = from + i;
    const n = Number(token.slice(1).split('.')[0]);
    switch (token[0]) {
      case 'd': return { at, type: 'deliver' as const, message: n };
      case 'c': return { at, type: 'duplicate' as const, message: n };
      case 'f': return { at, type: 'fire' as const, node: n, timer: token.split('.')[1] ?? timer };
      default: throw new Error(`byHand: unknown choice "${token}"`);
    }
  });
}

/** Manual delivery: nothing arrives and no timer fires until chosen. */
const BY_HAND = { dropRate: 0, duplicateRate: 0, manual: true } as const;

/** The opening of the FLP duel (P6) as the adversary plays it: three rounds, each outbid before its Accepts land. */
export const FLP_DUEL_SCRIPT = 'd4 d11 d1 d3 d6 d5 d7 d10 d12 d9 d14 d2 d8 d13 d17 d16 d15 d19 d18 d20 f1 d27 d28 d32 d31 d29 d26 d30 d35 '
  + 'd33 d34 d23 d41 d24 d42 d21 d43 d22 d44 d25 d45 f5 d49 d47 d52 d48 d53 d46 d54 d50 d51 d60 d36 d61 d40 d62 d39 d63 d38 d64 d37 d65';
/** Split votes forever (lesson 9): three terms of the adversary, S1 and S2 standing together each time. */
export const SPLIT_VOTE_SCRIPT = 'f1 f2 d2 d1 d7 d6 d3 d5 d4 d8 d12 d11 d9 d10 f1 f2 d18 d14 d17 d20 d13 d16 d15 d19 d21 d23 d24 d22 f1 f2 d25 d28 d32 d26 d29 d34 d31 d30 d27 d33';

export const LESSONS: Lesson[] = [
  {
    id: 'raft-election',
    title: '1. Electing a leader',
    outcome: 'S3 is the only leader, in term 1, elected by a majority.',
    endsAt: 400,
    speed: 0.05,
    scenario: raft('Electing a leader', {
      nodes: 5, seed: 11, options: NO_NOOP,
      actions: [{ at: 100, type: 'timeout', node: 3 }],
      narration: [
        { at: 0, text: 'Five servers start as followers in term 0. Each has an election timer (the blue ring) with a random duration, here 150 to 300 ms of virtual time.' },
        { at: 101, text: 'S3\'s timer runs out first. It moves to term 1, becomes a candidate, votes for itself, and sends VoteRequest(term 1, its log length, its last term) to every other server.', lines: ['electionTimeout.term', 'electionTimeout.vote', 'electionTimeout.send'] },
        { at: 116, text: 'A follower grants its vote if it has not voted in term 1 yet and the candidate\'s log is at least as up to date as its own. Granting a vote also restarts its own timer.', lines: ['voteRequest.logOk', 'voteRequest.grantIf', 'voteRequest.grant'] },
        { at: 130, text: 'S3 collects votes. A majority of five is three, itself included: as soon as it has three, it is leader of term 1. There can be only one, because two majorities always share a server, and each server votes once per term.', lines: ['voteResponse.majority', 'voteResponse.lead'] },
        { at: 200, text: 'The leader now sends LogRequest to everyone every 50 ms, with no entries: the heartbeat. Each valid LogRequest restarts a follower\'s election timer, so nobody else starts an election.', lines: ['heartbeat.replicate', 'logRequest.follow'] },
      ],
    }),
  },
  {
    id: 'raft-split-vote',
    title: '2. Split vote',
    outcome: 'Term 1 ends without a leader; a leader is elected in a later term.',
    endsAt: 1500,
    speed: 0.05,
    scenario: raft('Split vote', {
      nodes: 4, seed: 12, options: NO_NOOP,
      actions: [
        { at: 0, type: 'cut', from: 1, to: 4 }, { at: 0, type: 'cut', from: 3, to: 2 },
        { at: 100, type: 'timeout', node: 1 }, { at: 100, type: 'timeout', node: 3 },
        { at: 160, type: 'restore', from: 1, to: 4 }, { at: 160, type: 'restore', from: 3, to: 2 },
      ],
      narration: [
        { at: 0, text: 'Four servers: a majority is three. Two one-way links are cut for a moment (S1→S4 and S3→S2), so that the votes split evenly.' },
        { at: 101, text: 'S1 and S3 time out at the same moment. Both become candidates for term 1 and vote for themselves.' },
        { at: 135, text: 'S2 only hears S1, and S4 only hears S3. Each grants its one vote for term 1 to the candidate it heard. Now both candidates have two votes: neither has a majority, and nobody can vote again in term 1.' },
        { at: 200, text: 'Term 1 will have no leader. The candidates wait; their election timers are random, so one of them will almost surely time out first.' },
        { at: 364, text: 'A new term resolves it: the first to time out starts term 2 and, asking before anyone else, collects a majority. Randomised timeouts make repeated split votes unlikely.' },
      ],
    }),
  },
  {
    id: 'raft-replication',
    title: '3. Log replication',
    outcome: 'Every server has committed "set x 1" at index 1 and applied it: x=1 everywhere.',
    endsAt: 500,
    speed: 0.1,
    scenario: raft('Log replication', {
      nodes: 5, seed: 13, options: NO_NOOP,
      actions: [{ at: 20, type: 'timeout', node: 1 }, { at: 300, type: 'request', node: 3, command: 'set x 1' }],
      narration: [
        { at: 0, text: 'S1 will become leader of term 1. Then a client asks S3 to run "set x 1".' },
        { at: 301, text: 'S3 is a follower: it forwards the command to its leader, S1.', lines: ['broadcast.forward'] },
        { at: 318, text: 'The leader appends {term 1, "set x 1"} to its own log and sends LogRequest(prefixLen 0, prefixTerm 0, leaderCommit 0, suffix [entry]) to every follower.', lines: ['broadcast.append', 'replicateLog.send'] },
        { at: 335, text: 'Each follower checks that its log matches the leader\'s up to prefixLen, appends the entry (dashed: not yet committed), and replies LogResponse(ack 1).', lines: ['logRequest.logOk', 'appendEntries.append', 'logRequest.yes'] },
        { at: 344, text: 'With acknowledgements from a majority (the leader counts itself), the entry is committed: solid. The leader applies it to its key-value store.', lines: ['commitLogEntries.ready', 'commitLogEntries.commitIf', 'commitLogEntries.commit'] },
        { at: 368, text: 'The next LogRequest carries leaderCommit 1, and followers commit and apply the entry too. Every server\'s state machine now holds x=1.', lines: ['appendEntries.commitIf', 'appendEntries.commit'] },
      ],
    }),
  },
  {
    id: 'raft-leader-crash',
    title: '4. The leader crashes',
    outcome: 'A server other than S1 leads, in a term above 1; S1 is down.',
    endsAt: 1500,
    speed: 0.2,
    scenario: raft('The leader crashes', {
      nodes: 5, seed: 14, options: NO_NOOP,
      actions: [{ at: 20, type: 'timeout', node: 1 }, { at: 300, type: 'request', node: 2, command: 'set x 1' }, { at: 600, type: 'crash', node: 1 }],
      narration: [
        { at: 0, text: 'S1 leads term 1 and commits one command. Then it crashes.' },
        { at: 601, text: 'S1 is down. Nobody is told: the followers simply stop receiving heartbeats, and their election timers keep running down.' },
        { at: 831, text: 'The first follower to time out starts term 2 and asks for votes. Its log holds the committed entry, so the others grant their votes: it becomes leader with a higher term.' },
        { at: 1000, text: 'The new leader carries on from the committed log. If S1 came back now, the higher term in the first message it saw would make it a follower.' },
      ],
    }),
  },
  {
    id: 'raft-split-brain',
    title: '5. Split brain under a partition',
    outcome: 'One leader, in term 2 or later; every log holds only "set kept 1", committed; "set lost 1" is gone.',
    endsAt: 1600,
    speed: 0.1,
    scenario: raft('Split brain under a partition', {
      nodes: 5, seed: 4, options: NO_NOOP,
      actions: [
        { at: 10, type: 'timeout', node: 1 },
        { at: 200, type: 'partition', groups: [[1, 2], [3, 4, 5]] },
        { at: 250, type: 'request', node: 1, command: 'set lost 1' },
        { at: 700, type: 'request', node: 3, command: 'set kept 1' },
        { at: 1000, type: 'heal' },
      ],
      narration: [
        { at: 0, text: 'S1 becomes leader of term 1. Then the network splits: {S1, S2} on one side, {S3, S4, S5} on the other.' },
        { at: 251, text: 'S1 still believes it is leader of term 1 and accepts "set lost 1". It can reach only S2: two of five is not a majority, so the entry can never commit (dashed).' },
        { at: 362, text: 'On the other side, no heartbeats arrive. S3, S4 and S5 time out, and one of them is elected leader of term 2 by the three of them: a majority.' },
        { at: 701, text: 'The majority\'s leader accepts "set kept 1" and commits it. Two leaders exist at once, but in different terms, and only one of them can commit.' },
        { at: 1001, text: 'The partition heals. The old leader sees term 2 in the first message from the other side and steps down. Its uncommitted entry conflicts with the new leader\'s log and is replaced.' },
      ],
    }),
  },
  {
    id: 'raft-persistence',
    title: '6. What survives a crash',
    outcome: 'S2 crashed and recovered with its term, vote and log intact; it holds every committed entry again.',
    endsAt: 1400,
    speed: 0.2,
    scenario: raft('What survives a crash', {
      nodes: 3, seed: 16, options: NO_NOOP,
      actions: [
        { at: 20, type: 'timeout', node: 1 },
        { at: 200, type: 'request', node: 1, command: 'set a 1' },
        { at: 400, type: 'crash', node: 2 },
        { at: 500, type: 'request', node: 1, command: 'set b 2' },
        { at: 900, type: 'recover', node: 2 },
      ],
      narration: [
        { at: 0, text: 'Select S2 to watch its state. Persistent state (currentTerm, votedFor, log, commitLength) is written to disk; volatile state lives only in memory.' },
        { at: 401, text: 'S2 crashes. Its volatile state is gone: its role, its idea of the leader, the votes it received. What it wrote to disk stays: term 1, its vote for S1, and its log.' },
        { at: 501, text: 'The leader commits "set b 2" without S2: S1 and S3 are a majority of three.' },
        { at: 901, text: 'S2 recovers as a follower, from its persistent state only. It did not forget that it voted for S1 in term 1, so it cannot vote twice in that term.', lines: ['recover.keep'] },
        { at: 911, text: 'S2 never acknowledged "set b 2", so the leader\'s sentLength for S2 still stops before it: the next LogRequest carries the missing entry, S2\'s log matches up to prefixLen, and S2 appends it and catches up. (A new leader, which starts with sentLength at its own log\'s length, would instead find the prefix missing and back sentLength up one entry at a time.)', lines: ['replicateLog.suffix', 'logRequest.logOk', 'appendEntries.append'] },
      ],
    }),
  },
  {
    id: 'raft-figure8',
    title: '7. Why a leader commits only entries of its own term',
    outcome: 'S5 leads term 4 and replaces the term-1 entry that had been on a majority: it was never committed, so nothing committed is lost.',
    endsAt: 800,
    speed: 0.05,
    scenario: raft('Why a leader commits only entries of its own term', {
      nodes: 5, seed: 3, options: NO_NOOP, timing: { electionTimeoutMin: 600, electionTimeoutMax: 900 },
      actions: [
        { at: 10, type: 'timeout', node: 1 },
        { at: 100, type: 'partition', groups: [[1, 2]] },
        { at: 100, type: 'request', node: 1, command: 'set x 1' },
        { at: 120, type: 'crash', node: 1 },
        { at: 140, type: 'heal' },
        { at: 160, type: 'timeout', node: 5 },
        { at: 230, type: 'partition', groups: [[5]] },
        { at: 230, type: 'request', node: 5, command: 'set y 2' },
        { at: 240, type: 'crash', node: 5 },
        { at: 265, type: 'heal' },
        { at: 250, type: 'recover', node: 1 },
        { at: 260, type: 'timeout', node: 2 },
        { at: 400, type: 'crash', node: 2 },
        { at: 410, type: 'recover', node: 5 },
        { at: 420, type: 'timeout', node: 5 },
        { at: 500, type: 'timeout', node: 5 },
      ],
      narration: [
        { at: 0, text: 'The Raft paper\'s Figure 8. S1 leads term 1 and appends "set x 1", but only S2 receives it before S1 crashes.' },
        { at: 161, text: 'S5 is elected leader of term 2 by S3, S4 and S5 (their logs are empty). It appends "set y 2" at index 1, reaches nobody, and crashes.' },
        { at: 261, text: 'S2, holding the term-1 entry, is elected leader of term 3. It copies "set x 1" to S3 and S4: now a majority holds it.' },
        { at: 360, text: 'Is "set x 1" committed? Counting acknowledgements says yes, but it is an entry of term 1, and S2 leads term 3. The rule: a leader commits by counting only an entry of its own term. So S2 does not commit it.', lines: ['commitLogEntries.commitIf'] },
        { at: 401, text: 'S2 crashes. S5 recovers, and in term 4 its log (last term 2) is more up to date than those of S1, S3, S4 (last term 1): it wins.' },
        { at: 560, text: 'S5 overwrites index 1 with its own "set y 2" everywhere. Had "set x 1" been committed by counting, a committed entry would now be lost. Try the same scenario with the mutant commitOldTermByCount: the safety checks catch it.', lines: ['appendEntries.conflict', 'appendEntries.truncate'] },
      ],
    }),
  },
  {
    id: 'raft-lossy-network',
    title: '8. Safety does not depend on timing',
    outcome: 'Under 30% loss, 20% duplication and slow links, every safety check holds and all servers agree on what is committed (a command lost on the way is simply not there: a real client would retry).',
    endsAt: 6000,
    speed: 0.5,
    scenario: raft('Safety does not depend on timing', {
      nodes: 5, seed: 18,
      timing: { latencyMin: 10, latencyMax: 80 },
      network: { dropRate: 0.3, duplicateRate: 0.2 },
      options: { noopOnElection: true },
      actions: [
        { at: 500, type: 'request', node: 2, command: 'set a 1' },
        { at: 1200, type: 'request', node: 4, command: 'set b 2' },
        { at: 2000, type: 'request', node: 1, command: 'set c 3' },
        { at: 4000, type: 'network', dropRate: 0, duplicateRate: 0 },
      ],
      narration: [
        { at: 0, text: 'A bad network: 30% of messages are lost, 20% are delivered twice, and delays vary from 10 to 80 ms. Timeouts fire when they should not; elections fail and repeat.' },
        { at: 1000, text: 'Progress is slow and irregular, and that is all the network can do to Raft. No message loss, duplication or delay can make two servers commit different entries: every safety check stays green. A forwarded command can be lost on the way; a real client would time out and retry.' },
        { at: 2500, text: 'This is partial synchrony. The FLP result says no deterministic algorithm can guarantee progress in a fully asynchronous network; Raft keeps safety always, and makes progress whenever the network behaves for long enough.' },
        { at: 4001, text: 'The network calms down. A stable leader emerges and every server converges on the same committed log.' },
      ],
    }),
  },
  {
    id: 'raft-split-forever',
    title: '9. Split votes forever: you are the network',
    outcome: 'After three terms of split votes (two votes each of four), nobody is leader, and every safety check holds.',
    endsAt: 41,
    speed: 0.01,
    scenario: raft('Split votes forever: you are the network', {
      nodes: 4, seed: 24, network: BY_HAND,
      actions: byHand(1, SPLIT_VOTE_SCRIPT, 'election'),
      narration: [
        { at: 0, text: 'Manual delivery is on: you are the network. No message arrives and no timer fires until someone chooses (the list under the cluster shows what waits). Four servers: a majority is three. Here the scheduler plays first; then it is your turn.' },
        { at: 2, text: 'The scheduler fires the election timers of S1 and S2 together, as if their random timeouts had come out the same. Both stand for term 1 and vote for themselves.', lines: ['electionTimeout.term', 'electionTimeout.vote'] },
        { at: 4, text: 'It hands S3 the VoteRequest of S1 first, and S4 that of S2 first. A server votes once per term, for the first candidate it hears from: the later request is denied. Two votes each, no majority.', lines: ['voteRequest.grantIf'] },
        { at: 16, text: 'Both timers fire together again: term 2, the same split, and again in term 3. Randomized timeouts make this unlikely, never impossible: a network that is unlucky (or adversarial) forever keeps Raft from electing anyone. This is FLP.' },
        { at: 41, text: 'Your turn, in the list under the cluster: fire S1\'s and S2\'s election timers, then deliver S1\'s VoteRequest to S3 and S2\'s to S4 before the others. Or be fair: untick Manual delivery, and a leader is elected within a round trip.' },
      ],
    }),
  },
  {
    id: 'raft-any-order',
    title: '10. Safety whatever the order',
    outcome: 'Three candidates in term 1, every message delivered newest first and votes duplicated: S5 is the only leader of term 1, and every safety check holds.',
    endsAt: 50,
    speed: 0.01,
    scenario: raft('Safety whatever the order', {
      nodes: 5, seed: 24, network: BY_HAND,
      actions: byHand(1, 'f1 f3 f5 c12 d13 c14 d15 d14 d12 c16 d17 d16 c11 d18 c19 d20 d19 d11 c21 d22 d21 d10 d23 d27 d28 d26 d29 d25 d30 d24 d31 d9 d32 d8 d33 d7 d34 d6 d35 d5 d36 d4 d37 d3 d38 d2 d39 d1 d40', 'election'),
      narration: [
        { at: 0, text: 'Manual delivery: the network does whatever we choose. Three servers, S1, S3 and S5, time out at once: three candidates in term 1.' },
        { at: 4, text: 'Now the nastiest order we can think of: always the newest message first, and copies of requests and votes on top. A duplicated vote is still one vote: votesReceived is a set of servers.', lines: ['voteResponse.add'] },
        { at: 12, text: 'Votes arrive long after they were asked for, and requests after their candidate has lost. Each server still votes at most once in term 1, so two majorities would have to share a voter who voted twice.' },
        { at: 50, text: 'One leader in term 1, whatever the order: order, delay and duplication can slow Raft down, never make it unsafe. Try your own order from the list under the cluster: deliver, duplicate, hold and drop; the safety checks stay green.' },
      ],
    }),
  },
  {
    id: 'raft-three-way',
    title: '11. A three-way partition',
    outcome: 'Split into {S1, S2}, {S3, S4} and {S5}, nobody is elected and "set x 1" is not committed; once S5 rejoins everyone, one leader commits it on a majority, and after the full heal on all five.',
    endsAt: 3000,
    speed: 0.5,
    scenario: raft('A three-way partition', {
      nodes: 5, seed: 7,
      actions: [
        { at: 0, type: 'partition', groups: [[1, 2], [3, 4], [5]] },
        { at: 400, type: 'request', node: 1, command: 'set x 1' },
        { at: 1200, type: 'heal', nodes: [5] },
        { at: 2200, type: 'heal' },
      ],
      narration: [
        { at: 0, text: 'The network splits three ways: {S1, S2}, {S3, S4} and {S5}. A majority of five is three, and no group has three.' },
        { at: 401, text: 'Candidates time out again and again in every group, each collecting at most two votes. A client asks S1 to "set x 1": with no leader, S1 holds the command.' },
        { at: 1201, text: 'S5 rejoins everyone (its group is healed); {S1, S2} and {S3, S4} still cannot talk. Now a candidate with its partner\'s vote and S5\'s has three: a leader, and "set x 1" commits on a majority that includes S5.' },
        { at: 2201, text: 'The rest heals: the other pair learns the leader and the committed entry. Only a majority can decide, however the servers are split.' },
      ],
    }),
  },
  {
    id: 'paxos-basic',
    title: 'P1. Basic Paxos: two phases, one value',
    outcome: 'Every server has learned "blue".',
    endsAt: 300,
    speed: 0.01,
    scenario: paxosLesson('Basic Paxos: two phases, one value', {
      nodes: 5, seed: 21,
      actions: [{ at: 20, type: 'request', node: 1, command: 'blue' }],
      narration: [
        { at: 0, text: 'Five servers, each an acceptor and a learner; any may propose. Nothing is chosen yet. A client asks S1 to propose "blue".' },
        { at: 21, text: 'Phase 1a, prepare: S1 picks ballot (1, S1), above any it has seen, and sends Prepare to every acceptor, itself included.', lines: ['prepare.ballot', 'prepare.send'] },
        { at: 35, text: 'Phase 1b, promise: each acceptor promises never to accept a lower ballot, and reports what it has accepted so far: nothing.', lines: ['onPrepare.above', 'onPrepare.promise'] },
        { at: 52, text: 'With promises from a majority and no value reported, S1 is free to propose its own value. Phase 2a: Accept((1, S1), "blue") to every acceptor.', lines: ['onPromise.quorum', 'onPromise.adopt'] },
        { at: 70, text: 'Phase 2b: each acceptor accepts, since it promised nothing higher, and tells every learner. Once a majority accepted ballot (1, S1), "blue" is chosen: nothing can change it.', lines: ['onAccept.accept', 'onAccepted.chosenIf', 'onAccepted.learn'] },
      ],
    }),
  },
  {
    id: 'paxos-acceptor-failure',
    title: 'P2. An acceptor fails: nothing to recover',
    outcome: 'S4 is down; every other server learned "blue".',
    endsAt: 400,
    speed: 0.01,
    scenario: paxosLesson('An acceptor fails: nothing to recover', {
      nodes: 5, seed: 22,
      actions: [{ at: 10, type: 'crash', node: 4 }, { at: 20, type: 'request', node: 1, command: 'blue' }],
      narration: [
        { at: 0, text: 'S4 crashes before anything happens. Four of five acceptors remain: still a majority.' },
        { at: 40, text: 'S1 proposes "blue". Prepare to S4 is lost, but three promises are enough for a majority.' },
        { at: 75, text: 'The value is chosen by the acceptors that are up. There is no leader to replace and no state to repair: as long as a majority is alive, Paxos carries on.' },
      ],
    }),
  },
  {
    id: 'paxos-proposer-failure',
    title: 'P3. A proposer fails mid-way; another finishes its value',
    outcome: 'S1 crashed after only S1 and S2 accepted "red"; S5 proposed "green" but had to propose "red", and every live server learned "red".',
    endsAt: 600,
    speed: 0.05,
    scenario: paxosLesson('A proposer fails mid-way; another finishes its value', {
      nodes: 5, seed: 23, timing: { latencyMin: 10, latencyMax: 10 },
      actions: [
        { at: 10, type: 'request', node: 1, command: 'red' },
        { at: 35, type: 'cut', from: 1, to: 3 }, { at: 35, type: 'cut', from: 1, to: 4 }, { at: 35, type: 'cut', from: 1, to: 5 },
        { at: 60, type: 'crash', node: 1 },
        { at: 100, type: 'crash', node: 4 },
        { at: 150, type: 'request', node: 5, command: 'green' },
      ],
      narration: [
        { at: 0, text: 'S1 proposes "red" and gets its promises. Then its links to S3, S4 and S5 fail, so its Accept reaches only S1 and S2.' },
        { at: 61, text: '"red" is accepted by two acceptors of five: not a majority, so not chosen. Then S1 crashes. S4 crashes too.' },
        { at: 151, text: 'A client asks S5 to propose "green". S5 runs phase 1 with a higher ballot (2, S5).' },
        { at: 172, text: 'Among S5\'s promises, S2 reports "red", accepted at ballot (1, S1). The rule: propose the value of the highest-ballot acceptance reported. So S5 proposes "red", not "green".', lines: ['onPromise.adopt'] },
        { at: 200, text: 'Why? S5 cannot tell whether "red" was chosen. Had it been, proposing "green" could choose a second value. Adopting "red" is always safe, and here it makes "red" the chosen value.' },
      ],
    }),
  },
  {
    id: 'paxos-livelock',
    title: 'P4a. Dueling proposers: livelock without backoff',
    outcome: 'After a full second, no value is chosen: S1 and S5 keep preempting each other, and every safety check holds.',
    endsAt: 1000,
    speed: 0.1,
    scenario: paxosLesson('Dueling proposers: livelock without backoff', {
      nodes: 5, seed: 24, options: { backoff: false },
      actions: [{ at: 10, type: 'request', node: 1, command: 'red' }, { at: 11, type: 'request', node: 5, command: 'blue' }],
      narration: [
        { at: 0, text: 'Two clients ask S1 and S5 to propose at almost the same moment. Randomized backoff is switched off.' },
        { at: 30, text: 'S5\'s Prepare carries the higher ballot. When S1\'s own acceptor promises it, S1 knows its round is lost and, with no backoff, starts a higher one at once.', lines: ['onPrepare.preempted'] },
        { at: 60, text: 'That Prepare in turn overtakes S5\'s round before S5\'s Accept lands, and S5 does the same. Each new Prepare cancels the other\'s progress.' },
        { at: 400, text: 'Round after round, nobody gets a majority to accept. This is livelock: every safety property holds (nothing wrong is ever chosen), but nothing is chosen at all. FLP says no deterministic protocol can rule this out.' },
      ],
    }),
  },
  {
    id: 'paxos-backoff',
    title: 'P4b. Dueling proposers: randomized backoff resolves it',
    outcome: 'With randomized backoff the same duel ends at once: every server learns one value.',
    endsAt: 600,
    speed: 0.02,
    scenario: paxosLesson('Dueling proposers: randomized backoff resolves it', {
      nodes: 5, seed: 24,
      actions: [{ at: 10, type: 'request', node: 1, command: 'red' }, { at: 11, type: 'request', node: 5, command: 'blue' }],
      narration: [
        { at: 0, text: 'The same two proposers at the same moments, now with randomized backoff.' },
        { at: 30, text: 'S1 sees S5\'s higher ballot and gives up its round, but now it waits a random time (the ring) before trying again.', lines: ['onPrepare.preempted'] },
        { at: 80, text: 'While S1 waits, S5 completes both phases undisturbed: its value is chosen. When S1 wakes up it learns the outcome instead of fighting. Random delays make endless collisions vanishingly unlikely.' },
      ],
    }),
  },
  {
    id: 'multipaxos-failover',
    title: 'P5. Multi-Paxos: a stable leader, a crash, adopted slots and a no-op',
    outcome: 'S4 leads; every live replica has slot 2 = noop (the gap) and slot 3 = "set c 3" (adopted), and applied "set d 4" in slot 4.',
    endsAt: 900,
    speed: 0.1,
    scenario: {
      version: SCENARIO_VERSION, protocol: 'multipaxos', title: 'Multi-Paxos: a stable leader, a crash, adopted slots and a no-op',
      nodes: 5, seed: 25,
      actions: [
        { at: 5, type: 'timeout', node: 1 },
        { at: 200, type: 'request', node: 1, command: 'set a 1' },
        { at: 300, type: 'cut', from: 1, to: 2 }, { at: 300, type: 'cut', from: 1, to: 3 },
        { at: 300, type: 'cut', from: 1, to: 4 }, { at: 300, type: 'cut', from: 1, to: 5 },
        { at: 300, type: 'request', node: 1, command: 'set b 2' },
        { at: 330, type: 'restore', from: 1, to: 2 },
        { at: 340, type: 'request', node: 1, command: 'set c 3' },
        { at: 380, type: 'crash', node: 1 },
        { at: 390, type: 'crash', node: 5 },
        { at: 400, type: 'timeout', node: 4 },
        { at: 600, type: 'request', node: 2, command: 'set d 4' },
      ],
      narration: [
        { at: 0, text: 'S1 runs phase 1 once, for every slot at the same time, and becomes the distinguished leader.', lines: ['leaderTimeout.send', 'onPromise.lead'] },
        { at: 201, text: 'A command costs one round trip: Accept for slot 1, a majority accepts, slot 1 is decided, and every replica applies it.', lines: ['request.propose', 'onAccepted.decide'] },
        { at: 301, text: 'S1\'s links break. "set b 2" for slot 2 is accepted by S1 alone. Then the link to S2 comes back, and "set c 3" for slot 3 is accepted by S1 and S2: not a majority either.' },
        { at: 391, text: 'S1 crashes, and S5 too. Slots 2 and 3 are open: nobody knows whether they were chosen.' },
        { at: 401, text: 'S4 runs phase 1 for all slots with a higher ballot. Its majority must include S2, which reports "set c 3" accepted for slot 3. Nobody up knows anything about slot 2.', lines: ['leaderTimeout.ballot', 'onPrepare.promise'] },
        { at: 440, text: 'S4 re-proposes "set c 3" for slot 3 (it might have been chosen), and fills the gap in slot 2 with a no-op, so replicas can apply slots in order.', lines: ['onPromise.adopt', 'onPromise.noop'] },
        { at: 601, text: 'New commands go after the highest slot: "set d 4" takes slot 4, again in one round trip.', lines: ['request.propose'] },
      ],
    },
  },
  {
    id: 'paxos-flp',
    title: 'P6. FLP by hand: a duel that never ends',
    outcome: 'With randomized backoff on, the scheduler keeps S1 and S5 outbidding each other: after three rounds no acceptor has accepted anything and nobody has learned a value; every safety check holds.',
    endsAt: 75,
    speed: 0.01,
    scenario: paxosLesson('FLP by hand: a duel that never ends', {
      nodes: 5, seed: 24, network: BY_HAND,
      actions: [{ at: 10, type: 'request', node: 1, command: 'red' }, { at: 11, type: 'request', node: 5, command: 'blue' },
        ...byHand(12, FLP_DUEL_SCRIPT, 'retry')],
      narration: [
        { at: 0, text: 'Manual delivery is on: you are the network, and you also decide when each timer fires (a clock may run fast or slow). Randomized backoff is on. Two clients ask S1 and S5 to propose.' },
        { at: 12, text: 'The scheduler delivers every Prepare and Promise at once, in any order. S5\'s ballot (1, S5) is the higher; it gathers a majority of promises and sends Accept. The scheduler keeps those Accepts back: a network may be slow.', lines: ['onPromise.send'] },
        { at: 32, text: 'S1 was preempted and is backing off, but its timer fires when the scheduler says: now. S1 prepares ballot (2, S1), above S5\'s; the acceptors promise it, and S5\'s Accepts arrive too late and are refused.', lines: ['retry.prepare', 'onAccept.nack'] },
        { at: 53, text: 'Now S1\'s Accepts wait, and S5\'s timer fires: ballot (3, S5) outbids them. Every round a rival\'s Prepare overtakes the Accepts. Backoff cannot help against a scheduler that picks when timers fire: FLP says some schedule keeps any deterministic protocol from deciding.' },
        { at: 75, text: 'Your turn, in the list under the cluster: deliver everything but the newest Accepts; when only they wait, fire the other proposer\'s retry timer. Nothing is ever chosen, and nothing wrong is chosen either. Untick Manual delivery and the duel ends within a round or two.' },
      ],
    }),
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lesson's scenario as it opens: at the lesson's own pace. */
export function lessonScenario(lesson: Lesson): ScenarioInput {
  return { ...lesson.scenario, speed: lesson.speed };
}
