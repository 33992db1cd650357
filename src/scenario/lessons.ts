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
  /** The safety checks the lesson sets out to show failing (3PC under a partition); none for the others. */
  violates?: string[];
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

const atomicLesson = (protocol: '2pc' | '3pc', title: string, fields: Omit<ScenarioInput, 'version' | 'protocol' | 'title'>): ScenarioInput => ({
  version: SCENARIO_VERSION, protocol, title, ...fields,
});

/**
 * The coordinator's links fail just as it decides (so its decision, written to its log, never
 * reaches anyone), then it crashes, and it recovers at 1 s. The same script runs under 2PC,
 * 3PC and Raft (lessons A3, A4, A6) so that the three can be set side by side.
 */
const COORDINATOR_FAILS = [
  { at: 75, type: 'cut', from: 1, to: 2 }, { at: 75, type: 'cut', from: 1, to: 3 }, { at: 75, type: 'cut', from: 1, to: 4 },
  { at: 90, type: 'crash', node: 1 },
  { at: 95, type: 'heal' },
  { at: 1000, type: 'recover', node: 1 },
] as const;

/** Every message takes 10 ms, so the narration can point at exact moments. */
const EVEN_DELAYS = { latencyMin: 10, latencyMax: 10 } as const;

/** The longest a click of Next may take at a lesson's own pace, in real milliseconds. */
export const STEP_MAX_MS = 4000;

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
    id: 'atomic-2pc-commit',
    title: 'A1. Two-phase commit: everyone votes yes',
    outcome: 'S2, S3 and S4 committed t1 and hold no locks; S1 wrote "commit t1", then "end t1".',
    endsAt: 200,
    speed: 0.02,
    scenario: atomicLesson('2pc', 'Everyone votes yes', {
      nodes: 4, seed: 31, timing: EVEN_DELAYS,
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }],
      narration: [
        { at: 0, text: 'A transaction t1 writes data held on three servers, S2, S3 and S4. S1 is the coordinator: it must make them all commit t1, or all abort it. Atomic commit, not consensus: every participant must agree.' },
        { at: 11, text: 'S1 begins t1: each participant takes the locks t1 needs and makes its writes, not yet committed. The padlock on a server shows the locks it holds.', lines: ['begin.send', 'onBegin.lock'] },
        { at: 61, text: 'Phase 1, the vote: S1 asks every participant, with Prepare(t1), whether it can commit.', lines: ['prepare.send'] },
        { at: 71, text: 'Each participant can. Before it replies yes it writes "yes t1" to its durable log: a yes is a promise to commit whatever happens, even after a crash. From now on it may not decide alone.', lines: ['onPrepare.log', 'onPrepare.yes'] },
        { at: 81, text: 'Every vote is yes. S1 writes "commit t1" to its own log: that write is the commit point. Only then does it send the decision, phase 2.', lines: ['onVote.allIf', 'onVote.commit', 'decide.log', 'decide.send'] },
        { at: 91, text: 'Each participant writes the decision, commits, releases its locks and acknowledges.', lines: ['onDecision.log', 'onDecision.ack'] },
        { at: 101, text: 'With every acknowledgement in, S1 writes "end t1": nobody will ask about t1 again.', lines: ['onAck.end'] },
      ],
    }),
  },
  {
    id: 'atomic-2pc-no',
    title: 'A2. One participant votes no',
    outcome: 'S3 voted no; S1 decided abort, and every participant aborted t1 and released its locks.',
    endsAt: 200,
    speed: 0.02,
    scenario: atomicLesson('2pc', 'One participant votes no', {
      nodes: 4, seed: 32, timing: EVEN_DELAYS,
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1 no 3' }],
      narration: [
        { at: 0, text: 'The same transaction, but S3 cannot commit its part ("tx t1 no 3": a constraint fails there, say).' },
        { at: 71, text: 'S3 votes no, and aborts t1 at once: it may, since without its yes nobody can commit. S2 and S4 vote yes and are now bound to wait.', lines: ['onPrepare.no', 'onPrepare.yes'] },
        { at: 81, text: 'One no is enough: S1 decides abort, writes it, and tells everyone. Unlike consensus, a majority of yes votes counts for nothing.', lines: ['onVote.noIf', 'onVote.abort', 'decide.log'] },
        { at: 91, text: 'S2 and S4 roll back their writes and release their locks.', lines: ['onDecision.log'] },
      ],
    }),
  },
  {
    id: 'atomic-2pc-blocking',
    title: 'A3. 2PC blocks: the coordinator fails after the vote',
    outcome: 'From 90 ms to 1 s the participants hold t1\'s locks in doubt; after S1 recovers, all of them commit t1.',
    endsAt: 1200,
    speed: 0.1,
    scenario: atomicLesson('2pc', 'Blocking: the coordinator fails after the vote', {
      nodes: 4, seed: 33, timing: EVEN_DELAYS,
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }, ...COORDINATOR_FAILS],
      narration: [
        { at: 0, text: 'Two-phase commit again, and this time the coordinator fails. Watch the participants\' locks.' },
        { at: 71, text: 'Every participant votes yes and writes it down. From now on none of them may decide alone.', lines: ['onPrepare.log', 'onPrepare.yes'] },
        { at: 81, text: 'S1 decides commit and writes it to its log, but its links to the participants have just failed: the decision is lost on the way.', lines: ['decide.log', 'decide.send'] },
        { at: 91, text: 'Then S1 crashes. The participants are in doubt: S1 may have committed (it did) or aborted. They hold t1\'s locks, so no other transaction can touch those rows.' },
        { at: 300, text: 'Their timers run out. A participant that voted yes cannot abort alone (the others may have committed) nor commit alone (someone may have voted no). All it can do is ask S1, and S1 is down.', lines: ['timeout.else', 'timeout.ask'] },
        { at: 650, text: 'This is blocking. Asking each other would not help either: none of them knows the decision. Only the coordinator\'s log does.' },
        { at: 1001, text: 'S1 recovers and reads its log: "commit t1", with no "end". It sends the decision again.', lines: ['recover.log', 'recover.resend'] },
        { at: 1011, text: 'At last the participants commit and release their locks, almost a second later. Had S1 never come back, they would still be waiting.', lines: ['onDecision.log'] },
      ],
    }),
  },
  {
    id: 'atomic-3pc-crash',
    title: 'A4. 3PC: the participants finish without the coordinator',
    outcome: 'With the same failure as A3, S2, S3 and S4 aborted t1 by 450 ms, while S1 was still down; nothing blocked and every check held.',
    endsAt: 1200,
    speed: 0.1,
    scenario: atomicLesson('3pc', 'The participants finish without the coordinator', {
      nodes: 4, seed: 34, timing: EVEN_DELAYS,
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }, ...COORDINATOR_FAILS],
      narration: [
        { at: 0, text: 'Three-phase commit, with exactly the failure of lesson A3. 3PC assumes bounded delays: every message arrives within 10 ms here, so a server silent for longer has crashed.' },
        { at: 71, text: 'The vote is as in 2PC: every participant writes its yes and replies.', lines: ['onPrepare.log'] },
        { at: 81, text: 'All voted yes. 3PC does not commit yet: S1 first sends PreCommit, so that nobody commits while anyone could still be uncertain. Its links fail, and PreCommit is lost.', lines: ['onVote.precommit', 'precommit.send'] },
        { at: 91, text: 'S1 crashes. Every participant is uncertain: it voted yes and heard nothing more.' },
        { at: 392, text: 'S2, the first participant, has heard nothing for longer than any delay allows: S1 has crashed. It becomes backup coordinator and asks the others where they stand (the termination protocol).', lines: ['timeout.terminate', 'onStateReq.report'] },
        { at: 413, text: 'Everyone is uncertain, nobody pre-committed, so S1 cannot have committed: commit needs every pre-commit acknowledged first. The backup decides abort.', lines: ['termDecide.precommitIf', 'termDecide.uncertain'] },
        { at: 423, text: 'S3 and S4 abort and release their locks. No blocking: the participants finished without S1.', lines: ['onDecision.log'] },
        { at: 700, text: 'Compare lesson A3: at this moment the 2PC participants still hold their locks in doubt.' },
        { at: 1001, text: 'S1 recovers. Its log holds nothing for t1 (3PC commits only after the pre-commit round), so it has nothing to resend.' },
      ],
    }),
  },
  {
    id: 'atomic-3pc-partition',
    title: 'A5. 3PC under a partition: one side commits, the other aborts',
    outcome: 'S1 and S2 committed t1, S3 and S4 aborted it, and the atomicity check failed: 3PC\'s assumption (silence means a crash) broke.',
    endsAt: 600,
    speed: 0.05,
    violates: ['atomicity'],
    scenario: atomicLesson('3pc', 'A partition: one side commits, the other aborts', {
      nodes: 4, seed: 35, timing: EVEN_DELAYS,
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }, { at: 85, type: 'partition', groups: [[1, 2], [3, 4]] }],
      narration: [
        { at: 0, text: 'Three-phase commit again, with no crash at all: the network splits into {S1, S2} and {S3, S4} while PreCommit is on its way.' },
        { at: 81, text: 'Every participant voted yes; S1 sends PreCommit.', lines: ['onVote.precommit', 'precommit.send'] },
        { at: 86, text: 'The partition. PreCommit reaches S2 but not S3 or S4.' },
        { at: 102, text: 'Only S2 acknowledges. S1 assumes bounded delays, so to it S3 and S4 have crashed, and it commits: they would learn the decision on recovery.', lines: ['preAckTimeout.commit', 'decide.log'] },
        { at: 112, text: 'S2 commits t1.', lines: ['onDecision.log'] },
        { at: 300, text: 'On the other side S3 and S4 are uncertain and hear nothing. They are not crashed, nor is S1: the network in between is.' },
        { at: 465, text: 'S2 would take over first, but nothing from it gets across, so S3\'s turn comes: it becomes backup and asks S2 (unreachable) and S4.', lines: ['timeout.terminate'] },
        { at: 485, text: 'S3 and S4 are both uncertain, so the backup decides abort. t1 is committed on one side and aborted on the other: the safety check for atomicity fails.', lines: ['termDecide.uncertain'] },
        { at: 560, text: '3PC is safe only if silence means a crash; in an asynchronous network it does not. Consensus (Raft, Paxos) needs a majority, so only one side could ever decide.' },
      ],
    }),
  },
  {
    id: 'atomic-raft-contrast',
    title: 'A6. The same failure under Raft: a new leader goes on',
    outcome: 'With the failure script of A3, a server other than S1 leads a later term, and every live server has committed "set t1 1" and "set t2 2".',
    endsAt: 1200,
    speed: 0.1,
    scenario: raft('The same failure under Raft: a new leader goes on', {
      nodes: 4, seed: 36, timing: EVEN_DELAYS,
      actions: [
        { at: 5, type: 'timeout', node: 1 },
        { at: 30, type: 'request', node: 1, command: 'set t1 1' },
        ...COORDINATOR_FAILS,
        { at: 600, type: 'request', node: 3, command: 'set t2 2' },
      ],
      narration: [
        { at: 0, text: 'Four servers under Raft, with the failure script of lessons A3 and A4: S1 leads, its links fail at 75 ms, it crashes at 90 ms and recovers at 1 s.' },
        { at: 76, text: 'S1 has committed "set t1 1" with a majority. Now its links fail, then it crashes.' },
        { at: 225, text: 'Nobody waits for S1: S3 times out and is elected by a majority (three of four), in term 2. Its log holds the committed entry.', lines: ['electionTimeout.term', 'voteResponse.lead'] },
        { at: 601, text: 'Work goes on: "set t2 2" commits with the new leader. Consensus needs only a majority and replaces a failed leader; 2PC needs every participant and cannot replace its coordinator.' },
        { at: 1001, text: 'S1 recovers, sees the higher term, steps down and catches up.' },
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
