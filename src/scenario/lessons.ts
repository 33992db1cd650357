import { CLIENT_LESSONS, FENCING_LESSONS, MULTIPAXOS_CLIENT_LESSONS } from './clientLessons';
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
  /**
   * A rule worth breaking in this lesson, the check that then fails first ("liveness" for the
   * liveness watch), and what the class sees; a test checks it happens.
   */
  tryBroken?: { bug: string; check: string; shows: string };
  /** The safety checks the lesson sets out to show failing (3PC under a partition, a stale read); none for the others. */
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
      nodes: 5, seed: 178, options: NO_NOOP,
      actions: [{ at: 100, type: 'timeout', node: 3 }],
      narration: [
        { at: 0, text: 'Five servers start as followers in term 0. Each has an election timer (the blue ring) with a random duration, here 150 to 300 ms of virtual time.',
          claims: ['all role = follower', 'all term = 0', 'leader = none'] },
        { at: 101, text: 'At 100 ms, before any timer runs out (every ring still has time left), we make S3 time out: the lecture\'s "suspect the leader". It moves to term 1, becomes a candidate, votes for itself, and sends VoteRequest(term 1, its log length, its last term) to every other server.', lines: ['electionTimeout.term', 'electionTimeout.vote', 'electionTimeout.send'],
          claims: ['S3 was forced to time out in 100..101', 'not S3 timer ran out', 'first to time out = S3', 'S3 role = candidate', 'S3 term = 1', 'S3 votedFor = S3'] },
        { at: 116, text: 'A follower grants its vote if it has not voted in term 1 yet and the candidate\'s log is at least as up to date as its own. Granting a vote also restarts its own timer.', lines: ['voteRequest.logOk', 'voteRequest.grantIf', 'voteRequest.grant'],
          claims: ['delivered VoteRequest S3->*', 'S1,S2,S4,S5 votedFor = S3', 'S3 role = candidate'] },
        { at: 126, text: 'S3 collects votes. A majority of five is three, itself included: as soon as it has three, it is leader of term 1. There can be only one, because two majorities always share a server, and each server votes once per term.', lines: ['voteResponse.majority', 'voteResponse.lead'],
          claims: ['S3 became leader in 101..126', 'leader = S3', 'S3 term = 1', 'electionSafety holds'] },
        { at: 194, text: 'The leader now sends LogRequest to everyone every 50 ms, with no entries: the heartbeat. Each valid LogRequest restarts a follower\'s election timer, so nobody else starts an election.', lines: ['heartbeat.replicate', 'logRequest.follow'],
          claims: ['delivered LogRequest S3->* suffix=0 in 126..194', 'not S1,S2,S4,S5 timed out', 'leader = S3', 'all term = 1'] },
      ],
    }),
  },
  {
    id: 'raft-split-vote',
    title: '2. Split vote',
    outcome: 'Term 1 ends without a leader; a leader is elected in a later term.',
    endsAt: 1500,
    speed: 0.05,
    tryBroken: { bug: 'doubleVote', check: 'singleVote', shows: 'A server that votes twice in term 1 gives both candidates a majority: the vote check fails at once.' },
    scenario: raft('Split vote', {
      nodes: 4, seed: 12, options: NO_NOOP,
      actions: [
        { at: 0, type: 'cut', from: 1, to: 4 }, { at: 0, type: 'cut', from: 3, to: 2 },
        { at: 100, type: 'timeout', node: 1 }, { at: 100, type: 'timeout', node: 3 },
        { at: 160, type: 'restore', from: 1, to: 4 }, { at: 160, type: 'restore', from: 3, to: 2 },
      ],
      narration: [
        { at: 0, text: 'Four servers: a majority is three. Two one-way links are cut for a moment (S1→S4 and S3→S2), so that the votes split evenly.',
          claims: ['all role = follower', 'leader = none'] },
        { at: 101, text: 'We make S1 and S3 time out at the same moment. Both become candidates for term 1 and vote for themselves.', lines: ['electionTimeout.term', 'electionTimeout.vote'],
          claims: ['S1,S3 was forced to time out in 100..101', 'S1,S3 role = candidate', 'S1,S3 term = 1'] },
        { at: 135, text: 'S2 only hears S1, and S4 only hears S3. Each grants its one vote for term 1 to the candidate it heard. Now both candidates have two votes: neither has a majority, and nobody can vote again in term 1.',
          claims: ['S2 votedFor = S1', 'S4 votedFor = S3', 'S1,S3 votes = 2', 'lost VoteRequest S1->S4', 'lost VoteRequest S3->S2', 'leader = none'] },
        { at: 200, text: 'Term 1 will have no leader. Every server\'s election timer is running down, each with its own random duration, the followers\' as well as the candidates\': whoever\'s runs out first, candidate or not, starts term 2.',
          claims: ['leader = none', 'S1,S3 role = candidate', 'S2,S4 role = follower', 'all term = 1'] },
        { at: 364, text: 'A new term resolves it. The first timer to run out was a follower\'s: S4 starts term 2 and, asking before anyone else, collects a majority. S1\'s ran out next: it is a candidate of term 2 too, but S2 and S3 had already voted for S4, so S1 has lost; it steps down when S4\'s LogRequest reaches it. Randomised timeouts make repeated split votes unlikely.', lines: ['electionTimeout.term', 'voteResponse.majority', 'voteResponse.lead'],
          claims: ['first to time out in 200..364 = S4', 'S4 timer ran out in 200..364', 'S4 became leader in 200..364', 'leader = S4', 'S4 term = 2',
            'S1 timer ran out in 200..364', 'S1 role = candidate', 'S1 term = 2', 'S2,S3 votedFor = S4', 'in flight LogRequest S4->S1'] },
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
        { at: 0, text: 'S1 will become leader of term 1. Then a client asks S3 to run "set x 1".',
          claims: ['all log length = 0', 'leader = none'] },
        { at: 301, text: 'S3 is a follower: it forwards the command to its leader, S1.', lines: ['broadcast.forward'],
          claims: ['leader = S1', 'S3 role = follower', 'S3 leader = S1', 'S3 log length = 0'] },
        { at: 318, text: 'The leader appends {term 1, "set x 1"} to its own log and sends LogRequest(prefixLen 0, prefixTerm 0, leaderCommit 0, suffix [entry]) to every follower.', lines: ['broadcast.append', 'replicateLog.send'],
          claims: ['delivered ClientRequest S3->S1', 'S1 log = set x 1', 'S1 log[1] term = 1', 'S1 commitLength = 0'] },
        { at: 337, text: 'Each follower checks that its log matches the leader\'s up to prefixLen, appends the entry (dashed: not yet committed), and replies LogResponse(ack 1).', lines: ['logRequest.logOk', 'appendEntries.append', 'logRequest.yes'],
          claims: ['delivered LogRequest S1->S4 prefixLen=0 suffix=1', 'all log = set x 1', 'all commitLength = 0'] },
        { at: 344, text: 'With acknowledgements from a majority (the leader counts itself), the entry is committed: solid. The leader applies it to its key-value store.', lines: ['commitLogEntries.ready', 'commitLogEntries.commitIf', 'commitLogEntries.commit'],
          claims: ['S1 commitLength = 1', 'S1 kv x = 1', 'S2 commitLength = 0'] },
        { at: 368, text: 'The next LogRequest carries leaderCommit 1, and followers commit and apply the entry too. Every server\'s state machine now holds x=1.', lines: ['appendEntries.commitIf', 'appendEntries.commit'],
          claims: ['delivered LogRequest S1->* leaderCommit=1', 'all committed = set x 1', 'all kv x = 1'] },
      ],
    }),
  },
  {
    id: 'raft-leader-crash',
    title: '4. The leader crashes',
    outcome: 'A server other than S1 leads, in a term above 1; S1 is down.',
    endsAt: 1500,
    speed: 0.2,
    tryBroken: { bug: 'noElectionTimerReset', check: 'liveness', shows: 'Followers whose timers run on despite the leader\'s heartbeats keep starting elections: nothing unsafe, but no leader lasts, and the liveness watch says so.' },
    scenario: raft('The leader crashes', {
      nodes: 5, seed: 14, options: NO_NOOP,
      actions: [{ at: 20, type: 'timeout', node: 1 }, { at: 300, type: 'request', node: 2, command: 'set x 1' }, { at: 600, type: 'crash', node: 1 }],
      narration: [
        { at: 0, text: 'S1 will lead term 1 and commit one command. Then it will crash.',
          claims: ['leader = none', 'all up'] },
        { at: 601, text: 'S1 is down. Nobody is told: the followers simply stop receiving heartbeats, and their election timers keep running down.',
          claims: ['S1 down', 'S1 committed = set x 1', 'live committed = set x 1', 'leader = none', 'S2,S3,S4,S5 leader = S1'] },
        { at: 831, text: 'The first follower to time out, S3, starts term 2 and asks for votes. Its log holds the committed entry, so the others grant their votes: it becomes leader with a higher term.', lines: ['electionTimeout.send', 'voteRequest.logOk', 'voteRequest.grant', 'voteResponse.majority', 'voteResponse.lead'],
          claims: ['first to time out in 601..831 = S3', 'S3 became leader in 601..831', 'leader = S3', 'S3 term = 2', 'S3 committed = set x 1'] },
        { at: 1000, text: 'The new leader carries on from the committed log. If S1 came back now, the higher term in the first message it saw would make it a follower.',
          claims: ['leader = S3', 'live term = 2', 'S1 term = 1', 'all committed = set x 1'] },
      ],
    }),
  },
  {
    id: 'raft-split-brain',
    title: '5. Split brain under a partition',
    outcome: 'One leader, in term 2 or later; every log holds only "set kept 1", committed; "set lost 1" is gone.',
    endsAt: 1600,
    speed: 0.1,
    tryBroken: { bug: 'minorityQuorum', check: 'leaderCompleteness', shows: 'Counting two of five as a majority lets the old leader\'s side commit "set lost 1": the new leader lacks a committed entry, and leader completeness fails.' },
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
        { at: 0, text: 'S1 will become leader of term 1. Then the network will split: {S1, S2} on one side, {S3, S4, S5} on the other.',
          claims: ['leader = none', 'all term = 0'] },
        { at: 251, text: 'S1 still believes it is leader of term 1 and accepts "set lost 1". It can reach only S2: two of five is not a majority, so the entry can never commit (dashed).',
          claims: ['leader = S1', 'S1 term = 1', 'S1 log = set lost 1', 'S1 commitLength = 0'] },
        { at: 362, text: 'On the other side, no heartbeats arrive. S3\'s timer runs out first: it starts term 2, and S4 and S5, whose timers are still running, vote for it. Three of five: S3 is leader of term 2.', lines: ['electionTimeout.term', 'voteRequest.grant', 'voteResponse.majority', 'voteResponse.lead'],
          claims: ['first to time out in 200..362 = S3', 'not S4 timed out in 200..362', 'not S5 timed out in 200..362', 'S4,S5 votedFor = S3', 'S3 role = leader', 'S3 term = 2'] },
        { at: 701, text: 'The majority\'s leader accepts "set kept 1" and will commit it with S4 and S5. Two leaders exist at once, but in different terms, and only one of them can commit.',
          claims: ['leaders = 2', 'S1 role = leader', 'S3 role = leader', 'S3 log = set kept 1', 'S1 commitLength = 0', 'electionSafety holds'] },
        { at: 1026, text: 'The partition healed at 1000 ms. The old leader saw term 2 in the first message from the other side and stepped down. Its uncommitted entry conflicted with the new leader\'s log and was replaced, on S2 too.',
          claims: ['S1 role = follower', 'S1 term = 2', 'leader = S3', 'all log = set kept 1', 'all committed = set kept 1'] },
      ],
    }),
  },
  {
    id: 'raft-persistence',
    title: '6. What survives a crash',
    outcome: 'S2 crashed and recovered with its term, vote and log intact; it holds every committed entry again.',
    endsAt: 1400,
    speed: 0.2,
    tryBroken: { bug: 'forgetTermOnRestart', check: 'termMonotonic', shows: 'A server that forgets its term on a crash comes back in term 0: currentTerm went backwards.' },
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
        { at: 0, text: 'Select S2 to watch its state. Persistent state (currentTerm, votedFor, log, commitLength) is written to disk; volatile state lives only in memory.',
          claims: ['all term = 0', 'all votedFor = none'] },
        { at: 401, text: 'S2 crashes. Its volatile state is gone: its role, its idea of the leader, the votes it received. What it wrote to disk stays: term 1, its vote for S1, and its log.',
          claims: ['S2 down', 'S2 term = 1', 'S2 votedFor = S1', 'S2 log = set a 1', 'S2 leader = none'] },
        { at: 530, text: 'The leader committed "set b 2" without S2: S1 and S3 are a majority of three.',
          claims: ['S1,S3 log = set a 1, set b 2', 'S1 committed = set a 1, set b 2', 'S2 down'] },
        { at: 901, text: 'S2 recovers as a follower, from its persistent state only. It did not forget that it voted for S1 in term 1, so it cannot vote twice in that term.', lines: ['recover.keep'],
          claims: ['S2 up', 'S2 role = follower', 'S2 term = 1', 'S2 votedFor = S1', 'S2 log = set a 1', 'S1 committed = set a 1, set b 2'] },
        { at: 911, text: 'S2 never acknowledged "set b 2", so the leader\'s sentLength for S2 still stops before it: the next LogRequest carries the missing entry, S2\'s log matches up to prefixLen, and S2 appends it and catches up. (A new leader, which starts with sentLength at its own log\'s length, would instead find the prefix missing and back sentLength up one entry at a time.)', lines: ['logRequest.logOk', 'appendEntries.append'],
          claims: ['delivered LogRequest S1->S2 prefixLen=1 suffix=1 in 901..911', 'not delivered LogResponse S2->S1 success=false', 'S2 committed = set a 1, set b 2'] },
      ],
    }),
  },
  {
    id: 'raft-figure8',
    title: '7. Why a leader commits only entries of its own term',
    outcome: 'S5 leads term 4 and replaces the term-1 entry that had been on a majority: it was never committed, so nothing committed is lost.',
    endsAt: 800,
    speed: 0.1,
    tryBroken: { bug: 'commitOldTermByCount', check: 'leaderCompleteness', shows: 'Committing "set x 1" by counting lets S5 overwrite a committed entry: leader completeness fails.' },
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
        { at: 0, text: 'The Raft paper\'s Figure 8. S1 will lead term 1 and append "set x 1", but only S2 will receive it before S1 crashes.',
          claims: ['all log length = 0'] },
        { at: 241, text: 'S5 was elected leader of term 2 by S3, S4 and S5 (their logs are empty). It appended "set y 2" at index 1, reached nobody, and crashed.',
          claims: ['S5 became leader in 160..241', 'S1 down', 'S1,S2 log = set x 1', 'S3,S4 log length = 0', 'S5 down', 'S5 log = set y 2', 'S5 log[1] term = 2', 'S5 term = 2'] },
        { at: 344, text: 'S1 recovered. S2, holding the term-1 entry, was elected leader of term 3. It has copied "set x 1" to S3 and S4: now a majority holds it.',
          claims: ['S2 became leader in 241..344', 'leader = S2', 'S2 term = 3', 'S1,S2,S3,S4 log = set x 1', 'S5 down', 'S5 log = set y 2'] },
        { at: 360, text: 'Is "set x 1" committed? Counting acknowledgements says yes, but it is an entry of term 1, and S2 leads term 3. The rule: a leader commits by counting only an entry of its own term. So S2 does not commit it.', lines: ['commitLogEntries.commitIf'],
          claims: ['leader = S2', 'S2 term = 3', 'S1,S2,S3,S4 log[1] = set x 1', 'all commitLength = 0'] },
        { at: 528, text: 'S2 crashed. S5 recovered and lost term 3 (everyone had voted for S2), but in term 4 its log (last term 2) is more up to date than those of S1, S3, S4 (last term 1): it wins.', lines: ['voteRequest.logOk', 'voteResponse.lead'],
          claims: ['S2 down', 'S5 became leader in 401..528', 'leader = S5', 'S5 term = 4', 'S5 log[1] term = 2', 'S1,S3,S4 log[1] term = 1'] },
        { at: 575, text: 'S5 overwrites index 1 with its own "set y 2" on S1, S3 and S4, the servers that are up (S2, down, still holds "set x 1"). Had "set x 1" been committed by counting, a committed entry would now be lost: try it broken, and the safety checks catch it.', lines: ['appendEntries.conflict', 'appendEntries.truncate'],
          claims: ['leader = S5', 'S5 term = 4', 'live log[1] = set y 2', 'S2 down', 'S2 log[1] = set x 1', 'committedPrefix holds'] },
      ],
    }),
  },
  {
    id: 'raft-lossy-network',
    title: '8. Safety does not depend on timing',
    outcome: 'Under 30% loss, 20% duplication and slow links, every safety check holds and all servers agree on what is committed (a command lost on the way is simply not there: a real client would retry).',
    endsAt: 6000,
    speed: 0.5,
    tryBroken: { bug: 'truncateOffByOne', check: 'committedPrefix', shows: 'Cutting one entry too many on a conflict loses a committed entry under this network: the committed prefix shrinks.' },
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
        { at: 0, text: 'A bad network: 30% of messages are lost, 20% are delivered twice, and delays vary from 10 to 80 ms. Timeouts fire when they should not; elections fail and repeat.',
          claims: ['leader = none'] },
        { at: 1000, text: 'S2 forwarded "set a 1" to S4, leader of term 1: the message was lost, but the network\'s duplicate got through and S4 appended it. Meanwhile S2 won term 2, and its log overwrote S4\'s uncommitted entry: "set a 1" is gone. Nothing committed was lost; a real client would time out and retry.',
          claims: ['lost ClientRequest S2->S4 in 500..1000', 'delivered ClientRequest S2->S4 in 500..1000', 'S2 became leader in 500..1000', 'S2 term = 2', 'all log lacks set a 1', 'safe'] },
        { at: 2500, text: 'This is partial synchrony. The FLP result says no deterministic algorithm can guarantee progress in a fully asynchronous network; Raft keeps safety always, and makes progress whenever the network behaves for long enough.',
          claims: ['safe', 'S2 committed has set b 2, set c 3'] },
        { at: 4001, text: 'The network calms down. S5 has led term 3 since 3345 ms, elected while messages were still being lost, and every server already holds the same committed log: from here on, only heartbeats go by.',
          claims: ['leader = S5', 'S5 became leader in 3300..3400', 'all term = 3', 'all committed = noop, noop, set b 2, set c 3, noop', 'safe'] },
      ],
    }),
  },
  {
    id: 'raft-majority',
    title: '9. A majority is needed',
    outcome: 'Three servers survive one crash: S1 commits "set b 2" with S2. At two crashes "set c 3" waits uncommitted and the liveness watch reports a stall; once S2 recovers, it commits.',
    endsAt: 2400,
    speed: 0.5,
    scenario: raft('A majority is needed', {
      nodes: 3, seed: 31,
      actions: [
        { at: 20, type: 'timeout', node: 1 }, { at: 300, type: 'request', node: 1, command: 'set a 1' },
        { at: 500, type: 'crash', node: 3 }, { at: 600, type: 'request', node: 1, command: 'set b 2' },
        { at: 800, type: 'crash', node: 2 }, { at: 900, type: 'request', node: 1, command: 'set c 3' },
        { at: 2000, type: 'recover', node: 2 },
      ],
      narration: [
        { at: 0, text: 'Three servers: a majority is two. S1 will become leader and commit "set a 1" with S2 and S3.',
          claims: ['leader = none', 'all log length = 0'] },
        { at: 501, text: 'S3 crashes. Two of three are still a majority, so S1 and S2 carry on.',
          claims: ['S3 down', 'leader = S1', 'all committed = noop, set a 1'] },
        { at: 630, text: 'S1 commits "set b 2" with S2 alone: the leader\'s own copy and S2\'s make two of three.', lines: ['commitLogEntries.commit'],
          claims: ['S1 committed = noop, set a 1, set b 2', 'S2 log length = 3', 'S3 log length = 2'] },
        { at: 901, text: 'S2 crashes too. S1 appends "set c 3", but nobody can acknowledge it: one of three is not a majority. S1 still thinks it leads (nothing tells it otherwise), yet nothing more can commit. Three servers tolerate one crash; five tolerate two: 2f + 1 servers survive f.',
          claims: ['S2,S3 down', 'S1 role = leader', 'S1 log length = 4', 'S1 commitLength = 3', 'not stalled'] },
        { at: 1801, text: 'Three election timeouts on, "set c 3" still waits, and the liveness watch says so. Nothing unsafe happened: no safety check can see a cluster that simply cannot decide.',
          claims: ['stalled', 'S1 commitLength = 3', 'safe'] },
        { at: 2101, text: 'S2 recovers. With S1 it is a majority again: S1 brings it up to date and "set c 3" commits.',
          claims: ['S2 up', 'S1 committed = noop, set a 1, set b 2, set c 3', 'not stalled'] },
      ],
    }),
  },
  {
    id: 'raft-false-suspicion',
    title: '10. A false suspicion',
    outcome: 'S1 was alive throughout, yet S3 suspected it and took over in term 2; nothing committed was lost, and S3 commits "set b 2".',
    endsAt: 1200,
    speed: 0.1,
    scenario: raft('A false suspicion', {
      nodes: 5, seed: 32,
      actions: [
        { at: 20, type: 'timeout', node: 1 }, { at: 200, type: 'request', node: 1, command: 'set a 1' },
        { at: 300, type: 'cut', from: 1, to: 3 }, { at: 700, type: 'restore', from: 1, to: 3 },
        { at: 900, type: 'request', node: 2, command: 'set b 2' },
      ],
      narration: [
        { at: 0, text: 'S1 will become leader of term 1 and commit "set a 1".',
          claims: ['leader = none'] },
        { at: 301, text: 'The link from S1 to S3 fails, one way only. S3 stops hearing heartbeats, although S1 is alive and well and the rest of the cluster hears it.',
          claims: ['leader = S1', 'S1 term = 1', 'all up', 'all committed = noop, set a 1'] },
        { at: 528, text: 'S3\'s election timer runs out: it suspects the leader. A failure detector built on timeouts cannot tell a crashed leader from a slow or broken link. S3 starts term 2.', lines: ['electionTimeout.term'],
          claims: ['S3 timer ran out in 301..528', 'S3 role = candidate', 'S3 term = 2', 'S1 up', 'S1 role = leader'] },
        { at: 558, text: 'The others grant their votes, S1 included: S3\'s log is as up to date as theirs. S3 leads term 2, and S1, seeing the higher term, stepped down although nothing was wrong with it. An election nobody needed, during which no command could commit.', lines: ['voteRequest.stepDown', 'voteResponse.majority', 'voteResponse.lead'],
          claims: ['S3 became leader in 528..558', 'leader = S3', 'S1 role = follower', 'S1 term = 2', 'S1 votedFor = S3'] },
        { at: 911, text: 'Work goes on under the new leader: "set b 2" is forwarded to S3. The price of a false suspicion is a pause and a new term, never a wrong result.',
          claims: ['delivered ClientRequest S2->S3', 'S3 log has set b 2', 'S1 leader = S3', 'safe'] },
      ],
    }),
  },
  {
    id: 'raft-split-forever',
    title: '11. Split votes forever: you are the network',
    outcome: 'After three terms of split votes (two votes each of four), nobody is leader, and every safety check holds.',
    endsAt: 41,
    speed: 0.01,
    scenario: raft('Split votes forever: you are the network', {
      nodes: 4, seed: 24, network: BY_HAND,
      actions: byHand(1, SPLIT_VOTE_SCRIPT, 'election'),
      narration: [
        { at: 0, text: 'Manual delivery is on: you are the network. No message arrives and no timer fires until someone chooses (the list under the cluster shows what waits). Four servers: a majority is three. Here the scheduler plays first; then it is your turn.',
          claims: ['leader = none', 'all term = 0'] },
        { at: 2, text: 'The scheduler fires the election timers of S1 and S2 together, as if their random timeouts had come out the same. Both stand for term 1 and vote for themselves.', lines: ['electionTimeout.term', 'electionTimeout.vote'],
          claims: ['S1,S2 timer ran out in 1..2', 'S1,S2 role = candidate', 'S1,S2 term = 1', 'S1 votedFor = S1', 'S2 votedFor = S2', 'in flight VoteRequest S1->S3'] },
        { at: 14, text: 'It handed S3 the VoteRequest of S1 first, and S4 that of S2 first. A server votes once per term, for the first candidate it hears from: the later request was denied. Two votes each, no majority.', lines: ['voteRequest.grantIf', 'voteResponse.count'],
          claims: ['S3 votedFor = S1', 'S4 votedFor = S2', 'S1,S2 votes = 2', 'S1,S2 term = 1', 'leader = none'] },
        { at: 28, text: 'Both timers fired together again: term 2, the same split. Next comes term 3, split the same way. Randomized timeouts make this unlikely, never impossible: a network that is unlucky (or adversarial) forever keeps Raft from electing anyone. This is FLP.',
          claims: ['S1,S2 timer ran out in 15..16', 'S1,S2 term = 2', 'S1,S2 role = candidate', 'S3 votedFor = S1', 'S4 votedFor = S2', 'S1,S2 votes = 2', 'leader = none'] },
        { at: 41, text: 'Your turn, in the list under the cluster: fire S1\'s and S2\'s election timers, then deliver S1\'s VoteRequest to S3 and S2\'s to S4 before the others. Or be fair: untick Manual delivery, and a leader is elected within a round trip.',
          claims: ['S1,S2 term = 3', 'S1 votes = 2', 'S3 votedFor = S1', 'S4 votedFor = S2', 'in flight VoteResponse S4->S2 granted=true', 'leader = none', 'safe'] },
      ],
    }),
  },
  {
    id: 'raft-any-order',
    title: '12. Safety whatever the order',
    outcome: 'Three candidates in term 1, every message delivered newest first and votes duplicated: S5 is the only leader of term 1, and every safety check holds.',
    endsAt: 50,
    speed: 0.01,
    scenario: raft('Safety whatever the order', {
      nodes: 5, seed: 24, network: BY_HAND,
      actions: byHand(1, 'f1 f3 f5 c12 d13 c14 d15 d14 d12 c16 d17 d16 c11 d18 c19 d20 d19 d11 c21 d22 d21 d10 d23 d27 d28 d26 d29 d25 d30 d24 d31 d9 d32 d8 d33 d7 d34 d6 d35 d5 d36 d4 d37 d3 d38 d2 d39 d1 d40', 'election'),
      narration: [
        { at: 0, text: 'Manual delivery: the network does whatever we choose. Three servers, S1, S3 and S5, will time out at once: three candidates in term 1.',
          claims: ['leader = none', 'all term = 0'] },
        { at: 7, text: 'Now the nastiest order we can think of: always the newest message first, and copies of requests and votes on top. A duplicated vote is still one vote: votesReceived is a set of servers.', lines: ['voteResponse.add'],
          claims: ['S1,S3,S5 timer ran out in 1..3', 'S1,S3,S5 role = candidate', 'S1,S3,S5 term = 1'] },
        { at: 12, text: 'Votes arrive long after they were asked for, and requests after their candidate has lost. Each server still votes at most once in term 1, so two majorities would have to share a voter who voted twice.',
          claims: ['duplicated VoteRequest *->* in 4..12', 'duplicated VoteResponse *->* in 4..12', 'singleVote holds'] },
        { at: 50, text: 'One leader in term 1, whatever the order: order, delay and duplication can slow Raft down, never make it unsafe. Try your own order from the list under the cluster: deliver, duplicate, hold and drop; the safety checks stay green.',
          claims: ['leader = S5', 'leaders = 1', 'S5 term = 1', 'electionSafety holds', 'singleVote holds', 'safe'] },
      ],
    }),
  },
  {
    id: 'raft-three-way',
    title: '13. A three-way partition',
    outcome: 'Split into {S1, S2}, {S3, S4} and {S5}, nobody is elected and "set x 1" is not committed; once S5 rejoins everyone a leader is elected, and "set x 1" commits on all five once S5, which both pairs can reach, leads.',
    endsAt: 3000,
    speed: 0.2,
    scenario: raft('A three-way partition', {
      nodes: 5, seed: 7,
      actions: [
        { at: 0, type: 'partition', groups: [[1, 2], [3, 4], [5]] },
        { at: 400, type: 'request', node: 1, command: 'set x 1' },
        { at: 1200, type: 'heal', nodes: [5] },
        { at: 2200, type: 'heal' },
      ],
      narration: [
        { at: 0, text: 'The network splits three ways: {S1, S2}, {S3, S4} and {S5}. A majority of five is three, and no group has three.',
          claims: ['leader = none'] },
        { at: 401, text: 'Candidates time out again and again in every group, each collecting at most two votes. A client asks S1 to "set x 1": with no leader, S1 holds the command.',
          claims: ['leader = none', 'S1 timed out in 0..401', 'S2 timed out in 0..401', 'S4 timed out in 0..401', 'S5 timed out in 0..401', 'S1 log lacks set x 1'] },
        { at: 1201, text: 'S5 rejoins everyone (its group is healed); {S1, S2} and {S3, S4} still cannot talk. Now a candidate with its partner\'s vote and S5\'s has three.',
          claims: ['leader = none', 'all log lacks set x 1'] },
        { at: 1388, text: 'S4 wins term 7 with the votes of S3 and S5. But S1, which holds "set x 1", cannot reach S4: it knows no leader and keeps timing out, and its pair\'s ever higher terms reach S5 over the healed links.',
          claims: ['S4 became leader in 1201..1388', 'leader = S4', 'S1 leader = none', 'S1 log lacks set x 1'] },
        { at: 1990, text: 'S2\'s term 9 makes S5 give up on S4; S5 times out and wins term 10: a leader both pairs can reach. S1 forwards "set x 1" to S5, and it commits on a majority.',
          claims: ['delivered VoteRequest S2->S5 term=9', 'S5 became leader in 1388..1990', 'leader = S5', 'S4 role = follower', 'delivered ClientRequest S1->S5', 'S5 committed has set x 1'] },
        { at: 2201, text: 'The rest heals. Everyone already follows S5 and holds "set x 1": S5, the one server both pairs could reach, made a majority possible. Only a majority can decide, however the servers are split.',
          claims: ['leader = S5', 'all committed has set x 1', 'safe'] },
      ],
    }),
  },
  {
    id: 'raft-transfer',
    title: '14. Manual failover: handing over leadership',
    outcome: 'S1 handed leadership to S3, which led term 2 within 30 ms of the request with "set a 1" kept; when S3 then crashed, nobody led until S4\'s timer ran out and S4 won term 3.',
    endsAt: 900,
    speed: 0.2,
    scenario: raft('Manual failover: handing over leadership', {
      nodes: 5, seed: 32, timing: { latencyMin: 10, latencyMax: 10 },
      actions: [
        { at: 20, type: 'timeout', node: 1 }, { at: 200, type: 'request', node: 1, command: 'set a 1' },
        { at: 400, type: 'transfer', node: 1, to: 3 }, { at: 401, type: 'request', node: 1, command: 'set b 2' },
        { at: 700, type: 'crash', node: 3 },
      ],
      narration: [
        { at: 0, text: 'S1 will become leader of term 1 and commit "set a 1". Then an operator wants S3 to lead instead, to take S1 down for maintenance: a manual failover.',
          claims: ['leader = none'] },
        { at: 402, text: 'Leadership transfer: S1 stops taking commands ("set b 2" is refused), checks that S3\'s log is as long as its own, and sends S3 TimeoutNow.', lines: ['transfer.stop', 'transfer.timeoutNow', 'broadcast.transferring'],
          claims: ['leader = S1', 'all kv a = 1', 'not S1 log has set b 2', 'S3 term = 1'] },
        { at: 440, text: 'S3 does not wait for its timer: it starts an election at once, and its log is up to date, so everyone votes for it. S3 leads term 2 and S1 steps down. No gap of an election timeout, no command lost.', lines: ['timeoutNow.elect', 'logRequest.follow'],
          claims: ['S3 became leader in 400..440', 'not S3 timer ran out', 'leader = S3', 'S3 term = 2', 'S1 role = follower', 'S3 kv a = 1'] },
        { at: 701, text: 'Now the automatic kind: S3 crashes. Nobody tells the others; they keep following a leader that is gone.',
          claims: ['S3 down', 'leader = none'] },
        { at: 859, text: 'Only when S4\'s election timer runs out, well after the crash, does an election start: all that time the cluster had no leader.', lines: ['electionTimeout.term'],
          claims: ['S4 timer ran out in 701..859', 'S4 role = candidate', 'leader = none', 'S3 down'] },
        { at: 889, text: 'S4 wins the vote, leads term 3, and the others follow it, "set a 1" kept. A transfer is the planned way to change leader; a crash costs a whole election timeout without one.', lines: ['voteResponse.lead', 'logRequest.follow'],
          claims: ['S4 became leader in 859..889', 'leader = S4', 'S4 term = 3', 'S3 down', 'all kv a = 1', 'safe'] },
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
        { at: 0, text: 'Five servers, each an acceptor and a learner; any may propose. Nothing is chosen yet. A client asks S1 to propose "blue".',
          claims: ['chosen = none', 'all promised = none'] },
        { at: 21, text: 'Phase 1a, prepare: S1 picks ballot (1, S1), above any it has seen, and sends Prepare to every acceptor, itself included.', lines: ['prepare.ballot', 'prepare.send'],
          claims: ['S1 phase = prepare', 'S1 ballot = (1, S1)', 'S1 value = blue'] },
        { at: 35, text: 'Phase 1b, promise: each acceptor promises never to accept a lower ballot, and reports what it has accepted so far: nothing.', lines: ['onPrepare.above', 'onPrepare.promise'],
          claims: ['all promised = (1, S1)', 'all accepted = none'] },
        { at: 48, text: 'With promises from a majority and no value reported, S1 is free to propose its own value. Phase 2a: Accept((1, S1), "blue") to every acceptor.', lines: ['onPromise.quorum', 'onPromise.adopt'],
          claims: ['S1 phase = accept', 'S1 proposal = blue', 'chosen = none'] },
        { at: 68, text: 'Phase 2b: each acceptor accepts, since it promised nothing higher, and tells every learner. Once a majority accepted ballot (1, S1), "blue" is chosen: nothing can change it. Nobody knows it yet: the Accepted messages are on their way.', lines: ['onAccept.accept'],
          claims: ['all accepted = blue', 'all accepted ballot = (1, S1)', 'chosen = blue', 'all learned = none'] },
        { at: 78, text: 'A learner that hears Accepted (1, S1) from a majority learns "blue": S3 first (77 ms), now all five.', lines: ['onAccepted.learn'],
          claims: ['all learned = blue', 'chosen = blue'] },
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
        { at: 0, text: 'S4 will crash before anything happens. Four of five acceptors will remain: still a majority.',
          claims: ['all up', 'chosen = none'] },
        { at: 40, text: 'S1 proposes "blue". Prepare to S4 is lost, but three promises are enough for a majority.',
          claims: ['S4 down', 'lost Prepare S1->S4', 'S1,S2,S3,S5 promised = (1, S1)'] },
        { at: 72, text: 'The value is chosen by the acceptors that are up, and S1 learns it. There is no leader to replace and no state to repair: as long as a majority is alive, Paxos carries on.',
          lines: ['onAccepted.learn'], claims: ['chosen = blue', 'S1 learned = blue', 'S4 accepted = none', 'safe'] },
      ],
    }),
  },
  {
    id: 'paxos-proposer-failure',
    title: 'P3. A proposer fails mid-way; another finishes its value',
    outcome: 'S1 crashed after only S1 and S2 accepted "red"; S5 proposed "green" but had to propose "red", and every live server learned "red".',
    endsAt: 600,
    speed: 0.05,
    tryBroken: { bug: 'minorityQuorum', check: 'learnedOnlyChosen', shows: 'With two acceptors counted as a majority, "red" is learned before it is chosen: learners learn only chosen values, and that check fails.' },
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
        { at: 0, text: 'S1 will propose "red" and get its promises. Then its links to S3, S4 and S5 will fail, so its Accept reaches only S1 and S2.',
          claims: ['chosen = none'] },
        { at: 101, text: '"red" was accepted by two acceptors of five: not a majority, so not chosen. Then S1 crashed, and S4 too.',
          claims: ['S1,S2 accepted = red', 'S3,S4,S5 accepted = none', 'lost Accept S1->S3', 'chosen = none', 'S1,S4 down'] },
        { at: 151, text: 'A client asks S5 to propose "green". S5 runs phase 1 with a higher ballot (2, S5).',
          claims: ['S4 down', 'S5 value = green', 'S5 ballot = (2, S5)', 'S5 phase = prepare'] },
        { at: 172, text: 'Among S5\'s promises, S2 reports "red", accepted at ballot (1, S1). The rule: propose the value of the highest-ballot acceptance reported. So S5 proposes "red", not "green".', lines: ['onPromise.adopt'],
          claims: ['S5 proposal = red', 'S5 value = green', 'S5 phase = accept'] },
        { at: 200, text: 'Why? S5 cannot tell whether "red" was chosen. Had it been, proposing "green" could choose a second value. Adopting "red" is always safe, and here it makes "red" the chosen value.',
          claims: ['chosen = red', 'S2,S3,S5 accepted ballot = (2, S5)', 'S2,S3,S5 learned = red', 'safe'] },
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
        { at: 0, text: 'Two clients will ask S1 and S5 to propose at almost the same moment. Randomized backoff is switched off.',
          claims: ['chosen = none'] },
        { at: 24, text: 'S5\'s Prepare carries the higher ballot. When S1\'s own acceptor promises it, S1 knows its round is lost and, with no backoff, starts a higher one at once.', lines: ['onPrepare.preempted', 'retry.prepare'],
          claims: ['S1 ballot = (2, S1)', 'S1 phase = prepare'] },
        { at: 60, text: 'That Prepare in turn overtakes S5\'s round before S5\'s Accept lands, and S5 does the same. Each new Prepare cancels the other\'s progress.',
          claims: ['S5 phase = prepare', 'chosen = none'] },
        { at: 400, text: 'Round after round, nobody gets a majority to accept. This is livelock: every safety property holds (nothing wrong is ever chosen), but nothing is chosen at all. FLP says no deterministic protocol can rule this out.',
          claims: ['chosen = none', 'all learned = none', 'safe'] },
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
        { at: 0, text: 'The same two proposers at the same moments, now with randomized backoff.',
          claims: ['chosen = none'] },
        { at: 23, text: 'S1 sees S5\'s higher ballot and gives up its round, but now it waits a random time (the ring) before trying again. Were it preempted again, it would wait up to twice as long: backoff grows with each retry.', lines: ['onPrepare.preempted'],
          claims: ['S1 phase = backoff', 'S1 backoffs = 1', 'S5 phase = prepare'] },
        { at: 80, text: 'While S1 waits, S5 completes both phases undisturbed, and "blue" is chosen. S1 learns it from the acceptors\' Accepted messages while still backing off, at 71 ms: its retry never has to fire. Random delays make endless collisions vanishingly unlikely.',
          claims: ['chosen = blue', 'all learned = blue', 'not S1 timer ran out', 'not S1 was forced to time out'] },
      ],
    }),
  },
  {
    id: 'paxos-proposer-early-failure',
    title: 'P6. A proposer fails before any acceptance: no conflict',
    outcome: 'S1 crashed after phase 1; nothing was accepted, so S5 proposed its own "green", and every live server learned "green".',
    endsAt: 300,
    speed: 0.02,
    scenario: paxosLesson('A proposer fails before any acceptance: no conflict', {
      nodes: 5, seed: 33,
      actions: [{ at: 10, type: 'request', node: 1, command: 'red' }, { at: 25, type: 'crash', node: 1 }, { at: 100, type: 'request', node: 5, command: 'green' }],
      narration: [
        { at: 0, text: 'S1 will propose "red". It will send Prepare, and crash before any Accept leaves it.',
          claims: ['chosen = none'] },
        { at: 26, text: 'S1 is down. Acceptors promised its ballot (1, S1), but none has accepted anything: "red" never reached phase 2.',
          claims: ['S1 down', 'S3,S4,S5 promised = (1, S1)', 'live accepted = none', 'lost Prepare S1->S1'] },
        { at: 101, text: 'A client asks S5 to propose "green". S5 picks ballot (2, S5), above any it has seen.', lines: ['prepare.ballot'],
          claims: ['S5 ballot = (2, S5)', 'S5 phase = prepare', 'chosen = none'] },
        { at: 130, text: 'No promise reports an accepted value, so S5 is free to propose its own: Accept((2, S5), "green"). A proposer that fails before any acceptance leaves nothing behind to adopt.', lines: ['onPromise.adopt'],
          claims: ['S5 proposal = green', 'S5 phase = accept'] },
        { at: 170, text: '"green" is chosen, and every server that is up learns it.',
          claims: ['chosen = green', 'live learned = green', 'safe'] },
      ],
    }),
  },
  {
    id: 'paxos-learner-catchup',
    title: 'P7. A learner misses the decision and catches up',
    outcome: 'S4 was down when "blue" was chosen; after recovering it ran a round of its own, had to propose "blue", and learned it. Every server learned "blue".',
    endsAt: 400,
    speed: 0.05,
    scenario: paxosLesson('A learner misses the decision and catches up', {
      nodes: 5, seed: 34,
      actions: [
        { at: 10, type: 'crash', node: 4 }, { at: 20, type: 'request', node: 1, command: 'blue' },
        { at: 200, type: 'recover', node: 4 }, { at: 250, type: 'request', node: 4, command: 'green' },
      ],
      narration: [
        { at: 0, text: 'S4 will crash before anything happens. Then S1 will propose "blue".',
          claims: ['all up', 'chosen = none'] },
        { at: 86, text: '"blue" is chosen and every server that is up learns it. S4 missed every Accepted message: while down, it learns nothing.',
          claims: ['chosen = blue', 'S1,S2,S3,S5 learned = blue', 'S4 down', 'lost Accepted *->S4'] },
        { at: 201, text: 'S4 recovers with what it wrote down: no promise, no acceptance, nothing learned. On its own it cannot tell whether a value was chosen.', lines: ['recover.keep'],
          claims: ['S4 up', 'S4 learned = none', 'S4 accepted = none'] },
        { at: 284, text: 'To find out, S4 runs a round of its own (here a client asks it to propose "green"). The promises report "blue", so S4 must propose "blue", not "green".', lines: ['onPromise.adopt'],
          claims: ['S4 value = green', 'S4 proposal = blue', 'S4 phase = accept'] },
        { at: 310, text: 'The acceptors accept "blue" again, at S4\'s ballot, and S4 learns it. The chosen value never changed: S4 only rediscovered it.', lines: ['onAccepted.learn'],
          claims: ['all learned = blue', 'chosen = blue', 'safe'] },
      ],
    }),
  },
  {
    id: 'multipaxos-failover',
    title: 'P5. Multi-Paxos: a stable leader, a crash, adopted slots and a no-op',
    outcome: 'S4 leads; every live replica has slot 2 = noop (the gap) and slot 3 = "set c 3" (adopted), and applied "set d 4" in slot 4.',
    endsAt: 900,
    speed: 0.1,
    tryBroken: { bug: 'minorityQuorum', check: 'decidedOnlyChosen', shows: 'With two acceptors counted as a majority, the cut-off leader decides slots on its own: a replica decides a value that was never chosen.' },
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
        { at: 0, text: 'S1 will run phase 1 once, for every slot at the same time, and become the distinguished leader.',
          claims: ['leader = none'] },
        { at: 228, text: 'A command costs one round trip: Accept for slot 1, a majority accepts, and a replica that hears so decides slot 1 and applies it: S5 first, every other replica within a few milliseconds.', lines: ['request.propose', 'onAccepted.decide'],
          claims: ['leader = S1', 'S5 slot 1 = set a 1', 'S5 applied = 1', 'S1,S2,S3 applied = 0'] },
        { at: 379, text: 'S1\'s links broke. "set b 2" for slot 2 was accepted by S1 alone. Then the link to S2 came back, and "set c 3" for slot 3 was accepted by S1 and S2: not a majority either.',
          claims: ['S1 accepted slot 2 = set b 2', 'S2,S3,S4,S5 accepted slot 2 = none', 'S1,S2 accepted slot 3 = set c 3', 'S3,S4,S5 accepted slot 3 = none', 'all applied = 1'] },
        { at: 391, text: 'S1 crashes, and S5 too. Slots 2 and 3 are open: nobody knows whether they were chosen.',
          claims: ['S1,S5 down', 'S1 accepted slot 2 = set b 2', 'S2 accepted slot 2 = none', 'S2 accepted slot 3 = set c 3', 'S3,S4 accepted slot 3 = none', 'live applied = 1'] },
        { at: 431, text: 'S4 ran phase 1 for all slots with a higher ballot. With S1 and S5 down, its majority (S2, S3 and itself) had to include S2, which reported "set c 3" accepted for slot 3. Nobody up knows anything about slot 2. With the third Promise S4 leads.', lines: ['leaderTimeout.ballot', 'onPrepare.promise', 'onPromise.lead'],
          claims: ['S4 was forced to time out in 400..431', 'delivered Promise S2->S4', 'delivered Promise S3->S4', 'S4 role = leader', 'live accepted slot 2 = none'] },
        { at: 440, text: 'In that same step S4 re-proposed "set c 3" for slot 3 (it might have been chosen) and filled the gap in slot 2 with a no-op, so replicas can apply slots in order: its Accepts are already on their way.', lines: ['onPromise.adopt', 'onPromise.noop'],
          claims: ['leader = S4', 'S4 proposed slot 2 = noop', 'S4 proposed slot 3 = set c 3'] },
        { at: 656, text: 'New commands go after the highest slot: "set d 4" took slot 4, again in one round trip, and every replica that is up has applied slots 1 to 4.', lines: ['request.propose', 'onAccepted.decide'],
          claims: ['live slot 2 = noop', 'live slot 3 = set c 3', 'live slot 4 = set d 4', 'live applied = 4'] },
      ],
    },
  },
  {
    id: 'multipaxos-pipelining',
    title: 'P8. Multi-Paxos: several commands in flight, applied in order',
    outcome: 'S1 proposed slots 1 to 4 at once; they were decided out of order, and every replica applied all four in slot order.',
    endsAt: 400,
    speed: 0.1,
    scenario: {
      version: SCENARIO_VERSION, protocol: 'multipaxos', title: 'Multi-Paxos: several commands in flight, applied in order',
      nodes: 5, seed: 35, timing: { latencyMin: 10, latencyMax: 40 },
      actions: [
        { at: 5, type: 'timeout', node: 1 },
        { at: 200, type: 'request', node: 1, command: 'set a 1' }, { at: 200, type: 'request', node: 1, command: 'set b 2' },
        { at: 200, type: 'request', node: 1, command: 'set c 3' }, { at: 200, type: 'request', node: 1, command: 'set d 4' },
      ],
      narration: [
        { at: 0, text: 'S1 will run phase 1 once for every slot and become the distinguished leader. Links here take 10 to 40 ms.',
          claims: ['leader = none'] },
        { at: 201, text: 'Four commands reach S1 at the same moment. S1 does not wait for one to be decided before proposing the next: slots 1 to 4 each get an Accept, all in flight at once. This is pipelining.', lines: ['request.propose'],
          claims: ['leader = S1', 'S1 proposed slot 1 = set a 1', 'S1 proposed slot 4 = set d 4', 'all applied = 0'] },
        { at: 242, text: 'Links differ in speed, so slots are decided out of order. S2 already knows slot 3 is decided but not slot 1, and applies nothing yet: a replica applies slots strictly in order.', lines: ['applyInOrder.next'],
          claims: ['S2 slot 3 = set c 3', 'S2 slot 1 = none', 'S2 applied = 0'] },
        { at: 260, text: 'Every slot is decided and every replica has applied all four, in slot order: the same state everywhere. One round trip per command, and many round trips at the same time.',
          claims: ['all applied = 4', 'all kv d = 4', 'all slot 2 = set b 2', 'safe'] },
      ],
    },
  },
  {
    id: 'paxos-flp',
    title: 'P9. FLP by hand: a duel that never ends',
    outcome: 'With randomized backoff on, the scheduler keeps S1 and S5 outbidding each other: after three rounds no acceptor has accepted anything and nobody has learned a value; every safety check holds.',
    endsAt: 75,
    speed: 0.01,
    scenario: paxosLesson('FLP by hand: a duel that never ends', {
      nodes: 5, seed: 24, network: BY_HAND,
      actions: [{ at: 10, type: 'request', node: 1, command: 'red' }, { at: 11, type: 'request', node: 5, command: 'blue' },
        ...byHand(12, FLP_DUEL_SCRIPT, 'retry')],
      narration: [
        { at: 0, text: 'Manual delivery is on: you are the network, and you also decide when each timer fires (a clock may run fast or slow). Randomized backoff is on. Two clients ask S1 and S5 to propose.',
          claims: ['all learned = none', 'all accepted = none'] },
        { at: 27, text: 'The scheduler delivered every Prepare and Promise, in an order of its choosing. S5\'s ballot (1, S5) is the higher; it gathered a majority of promises and sent Accept. The scheduler keeps those Accepts back: a network may be slow.', lines: ['onPromise.send'],
          claims: ['all promised = (1, S5)', 'S5 ballot = (1, S5)', 'in flight Accept S5->S2', 'all accepted = none'] },
        { at: 51, text: 'S1 was preempted and backing off, but its timer fired when the scheduler said: now. S1 prepared ballot (2, S1), above S5\'s; the acceptors promised it, and S5\'s Accepts arrived too late and were refused. Now S1\'s Accepts wait.', lines: ['retry.prepare', 'onAccept.nack'],
          claims: ['S1 timer ran out in 32..51', 'S1 ballot = (2, S1)', 'all promised = (2, S1)', 'in flight Accept S1->S2', 'all accepted = none'] },
        { at: 72, text: 'Then S5\'s timer fired: ballot (3, S5) outbid S1\'s Accepts, which were refused in turn. Every round a rival\'s Prepare overtakes the Accepts. Backoff cannot help against a scheduler that picks when timers fire: FLP says some schedule keeps any deterministic protocol from deciding.', lines: ['retry.prepare', 'onAccept.nack'],
          claims: ['S5 timer ran out in 53..72', 'S5 ballot = (3, S5)', 'all promised = (3, S5)', 'in flight Accept S5->S2', 'all accepted = none'] },
        { at: 75, text: 'Your turn, in the list under the cluster: deliver everything but the newest Accepts; when only they wait, fire the other proposer\'s retry timer. Nothing is ever chosen, and nothing wrong is chosen either. Untick Manual delivery and the duel ends within a round or two.',
          claims: ['all learned = none', 'all accepted = none', 'in flight Accept S5->S2', 'safe'] },
      ],
    }),
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
        { at: 0, text: 'A transaction t1 writes data held on three servers, S2, S3 and S4. S1 is the coordinator: it must make them all commit t1, or all abort it. Atomic commit, not consensus: every participant must agree.',
          claims: ['all log = empty', 'all locks = none'] },
        { at: 11, text: 'S1 began t1 and sent Begin: on receiving it, each participant will take the locks t1 needs and make its writes, not yet committed. The padlock on a server shows the locks it holds.', lines: ['begin.send'],
          claims: ['in flight Begin S1->S2 tx=t1', 'in flight Begin S1->S4 tx=t1', 'S2,S3,S4 locks = none'] },
        { at: 61, text: 'Phase 1, the vote: S1 asks every participant, with Prepare(t1), whether it can commit.', lines: ['prepare.send'],
          claims: ['S2,S3,S4 tx t1 = working', 'S2,S3,S4 locks = t1', 'in flight Prepare S1->S3 tx=t1'] },
        { at: 71, text: 'Each participant can. Before it replies yes it writes "yes t1" to its durable log: a yes is a promise to commit whatever happens, even after a crash. From now on it may not decide alone.', lines: ['onPrepare.log', 'onPrepare.yes'],
          claims: ['S2,S3,S4 vote t1 = yes', 'S2,S3,S4 log = yes t1', 'S2,S3,S4 tx t1 = in doubt', 'in flight Vote S2->S1 vote=yes', 'S1 decision t1 = none'] },
        { at: 81, text: 'Every vote is yes. S1 writes "commit t1" to its own log: that write is the commit point. Only then does it send the decision, phase 2.', lines: ['onVote.allIf', 'onVote.commit', 'decide.log', 'decide.send'],
          claims: ['S1 decision t1 = commit', 'S1 log = commit t1', 'in flight Decision S1->S3 decision=commit', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 91, text: 'Each participant writes the decision, commits, releases its locks and acknowledges.', lines: ['onDecision.log', 'onDecision.ack'],
          claims: ['S2,S3,S4 tx t1 = committed', 'S2,S3,S4 locks = none', 'S2,S3,S4 log = yes t1, commit t1', 'in flight Ack S2->S1 tx=t1'] },
        { at: 101, text: 'With every acknowledgement in, S1 writes "end t1": nobody will ask about t1 again.', lines: ['onAck.end'],
          claims: ['S1 log = commit t1, end t1', 'delivered Ack S4->S1 tx=t1', 'atomicity holds', 'safe'] },
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
      nodes: 4, seed: 32, timing: { latencyMin: 6, latencyMax: 14 },
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1 no 3' }],
      narration: [
        { at: 0, text: 'The same transaction, but S3 cannot commit its part ("tx t1 no 3": a constraint fails there, say). Links here take 6 to 14 ms, so the votes arrive one by one.',
          claims: ['all log = empty'] },
        { at: 71, text: 'S3 votes no, and aborts t1 at once: it may, since without its yes nobody can commit. S2 has voted yes and is now bound to wait; S4 is about to do the same.', lines: ['onPrepare.no'],
          claims: ['S3 vote t1 = no', 'S3 tx t1 = aborted', 'S3 locks = none', 'S2 vote t1 = yes', 'S2 tx t1 = in doubt', 'S2,S4 locks = t1', 'S4 tx t1 = working'] },
        { at: 78, text: 'One no is enough: as soon as S3\'s no arrives, S1 decides abort, writes it, and tells everyone, without waiting for S4\'s vote. Unlike consensus, a majority of yes votes (S2\'s and S4\'s) counts for nothing.', lines: ['onVote.noIf', 'onVote.abort', 'decide.log'],
          claims: ['delivered Vote S3->S1 vote=no', 'in flight Vote S4->S1 vote=yes', 'S4 vote t1 = yes', 'S1 decision t1 = abort', 'S1 log = abort t1', 'in flight Decision S1->S2 decision=abort'] },
        { at: 86, text: 'S2 and S4 roll back their writes and release their locks; S3, which aborted already, writes the decision too.', lines: ['onDecision.log'],
          claims: ['S2,S3,S4 tx t1 = aborted', 'all locks = none', 'S2 log = yes t1, abort t1', 'atomicity holds'] },
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
        { at: 0, text: 'Two-phase commit again, and this time the coordinator fails. Watch the participants\' locks.',
          claims: ['all log = empty'] },
        { at: 71, text: 'Every participant votes yes and writes it down. From now on none of them may decide alone.', lines: ['onPrepare.log', 'onPrepare.yes'],
          claims: ['S2,S3,S4 vote t1 = yes', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 81, text: 'S1 decides commit and writes it to its log, but its links to the participants have just failed: the decision will be lost on the way.', lines: ['decide.log', 'decide.send'],
          claims: ['S1 decision t1 = commit', 'S1 log has commit t1', 'in flight Decision S1->S2 decision=commit', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 91, text: 'Then S1 crashes. The participants are in doubt: S1 may have committed (it did) or aborted. They hold t1\'s locks, so no other transaction can touch those rows.',
          claims: ['S1 down', 'lost Decision S1->* in 81..91', 'not delivered Decision S1->*', 'S2,S3,S4 tx t1 = in doubt', 'S2,S3,S4 locks = t1'] },
        { at: 300, text: 'S4\'s and S2\'s timers run out (S3\'s soon after). A participant that voted yes cannot abort alone (the others may have committed) nor commit alone (someone may have voted no). All it can do is ask S1, and S1 is down.', lines: ['timeout.else', 'timeout.ask'],
          claims: ['S2,S4 timer ran out in 91..300', 'not S3 timer ran out in 91..300', 'lost AskDecision S4->S1 in 91..300', 'S1 down', 'S2,S3,S4 decision t1 = none'] },
        { at: 650, text: 'This is blocking. Asking each other would not help either: none of them knows the decision. Only the coordinator\'s log does.',
          claims: ['S2,S3,S4 tx t1 = in doubt', 'S2,S3,S4 locks = t1', 'S1 down', 'S1 log has commit t1'] },
        { at: 1001, text: 'S1 recovers and reads its log: "commit t1", with no "end". It sends the decision again.', lines: ['recover.log', 'recover.resend'],
          claims: ['S1 up', 'S1 log has commit t1', 'S1 log lacks end t1', 'in flight Decision S1->S2 decision=commit'] },
        { at: 1011, text: 'At last the participants commit and release their locks, almost a second later. Had S1 never come back, they would still be waiting.', lines: ['onDecision.log'],
          claims: ['S2,S3,S4 tx t1 = committed', 'all locks = none', 'atomicity holds', 'safe'] },
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
        { at: 0, text: 'Three-phase commit, with exactly the failure of lesson A3. 3PC assumes bounded delays: every message arrives within 10 ms here, so a server silent for longer has crashed.',
          claims: ['all log = empty'] },
        { at: 71, text: 'The vote is as in 2PC: every participant writes its yes and replies.', lines: ['onPrepare.log'],
          claims: ['S2,S3,S4 vote t1 = yes', 'S2,S3,S4 log = yes t1'] },
        { at: 81, text: 'All voted yes. 3PC does not commit yet: S1 first sends PreCommit, so that nobody commits while anyone could still be uncertain. Its links have just failed: PreCommit will be lost on the way.', lines: ['onVote.precommit', 'precommit.send'],
          claims: ['S1 decision t1 = none', 'in flight PreCommit S1->S2 tx=t1', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 91, text: 'S1 crashes. Every participant is uncertain: it voted yes and heard nothing more.',
          claims: ['S1 down', 'lost PreCommit S1->* in 81..91', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 392, text: 'S2, the first participant, has heard nothing for longer than any delay allows: S1 has crashed. It becomes backup coordinator and asks the others where they stand (the termination protocol).', lines: ['timeout.terminate'],
          claims: ['S2 backup = t1', 'S2 timer ran out in 91..392', 'in flight StateReq S2->S3 tx=t1', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 413, text: 'Everyone is uncertain, nobody pre-committed, so S1 cannot have committed: commit needs every pre-commit acknowledged first. The backup decides abort.', lines: ['termDecide.precommitIf', 'termDecide.uncertain'],
          claims: ['S2 decision t1 = abort', 'S2 tx t1 = aborted', 'delivered StateReport S3->S2 status=uncertain'] },
        { at: 423, text: 'S3 and S4 abort and release their locks. No blocking: the participants finished without S1.', lines: ['onDecision.log'],
          claims: ['S2,S3,S4 tx t1 = aborted', 'S2,S3,S4 locks = none', 'S1 down'] },
        { at: 700, text: 'Compare lesson A3: at this moment the 2PC participants still hold their locks in doubt.',
          claims: ['S2,S3,S4 tx t1 = aborted', 'S1 down', 'safe'] },
        { at: 1001, text: 'S1 recovers. Its log holds nothing for t1 (3PC commits only after the pre-commit round), so it has nothing to resend.',
          claims: ['S1 up', 'S1 log = empty', 'S1 decision t1 = none'] },
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
        { at: 0, text: 'Three-phase commit again, with no crash at all: the network will split into {S1, S2} and {S3, S4} while PreCommit is on its way.',
          claims: ['all log = empty'] },
        { at: 81, text: 'Every participant voted yes; S1 sends PreCommit.', lines: ['onVote.precommit', 'precommit.send'],
          claims: ['S2,S3,S4 vote t1 = yes', 'in flight PreCommit S1->S3 tx=t1'] },
        { at: 86, text: 'The partition, while PreCommit is on its way: it will reach S2 but not S3 or S4.',
          claims: ['in flight PreCommit S1->S2', 'in flight PreCommit S1->S4', 'S2,S3,S4 tx t1 = in doubt'] },
        { at: 102, text: 'Only S2 acknowledges. S1 assumes bounded delays, so to it S3 and S4 have crashed, and it commits: they would learn the decision on recovery.', lines: ['preAckTimeout.commit', 'decide.log'],
          claims: ['delivered PreAck S2->S1', 'not delivered PreAck S3->S1', 'S1 decision t1 = commit', 'S1 log has commit t1', 'S2 tx t1 = pre-committed', 'S3,S4 tx t1 = in doubt'] },
        { at: 112, text: 'S2 commits t1.', lines: ['onDecision.log'],
          claims: ['S2 tx t1 = committed', 'S3,S4 tx t1 = in doubt', 'safe'] },
        { at: 300, text: 'On the other side S3 and S4 are uncertain and hear nothing. They are not crashed, nor is S1: the network in between is.',
          claims: ['all up', 'S3,S4 tx t1 = in doubt', 'S3,S4 locks = t1'] },
        { at: 465, text: 'S2 would take over first, but nothing from it gets across, so S3\'s turn comes: it becomes backup and asks S2 (unreachable) and S4.', lines: ['timeout.terminate'],
          claims: ['S3 backup = t1', 'S2 backup = none', 'in flight StateReq S3->S4'] },
        { at: 485, text: 'S3 and S4 are both uncertain, so the backup decides abort. t1 is committed on one side and aborted on the other: the safety check for atomicity fails.', lines: ['termDecide.uncertain'],
          claims: ['S3 tx t1 = aborted', 'S4 tx t1 = in doubt', 'in flight Decision S3->S4 decision=abort', 'S1,S2 tx t1 = committed', 'atomicity broken'] },
        { at: 560, text: '3PC is safe only if silence means a crash; in an asynchronous network it does not. Consensus (Raft, Paxos) needs a majority, so only one side could ever decide.',
          claims: ['atomicity broken', 'S1,S2 decision t1 = commit', 'S3,S4 decision t1 = abort'] },
      ],
    }),
  },
  {
    id: 'atomic-raft-contrast',
    title: 'A6. The same failure under Raft: a new leader goes on',
    outcome: 'With the failure script of A3, a server other than S1 leads a later term, and every live server has committed "set t1 1" and "set t2 2".',
    endsAt: 1200,
    speed: 0.2,
    scenario: raft('The same failure under Raft: a new leader goes on', {
      nodes: 4, seed: 36, timing: EVEN_DELAYS,
      actions: [
        { at: 5, type: 'timeout', node: 1 },
        { at: 30, type: 'request', node: 1, command: 'set t1 1' },
        ...COORDINATOR_FAILS,
        { at: 600, type: 'request', node: 3, command: 'set t2 2' },
      ],
      narration: [
        { at: 0, text: 'Four servers under Raft, with the failure script of lessons A3 and A4: S1 leads, its links fail at 75 ms, it crashes at 90 ms and recovers at 1 s.',
          claims: ['all log length = 0', 'leader = none'] },
        { at: 76, text: 'S1 has committed "set t1 1" with a majority. Now its links fail, then it crashes.',
          claims: ['S1 role = leader', 'S1 committed has set t1 1', 'S2,S3,S4 log has set t1 1'] },
        { at: 225, text: 'Nobody waits for S1: S3 times out and is elected by a majority (three of four), in term 2. Its log holds the committed entry.', lines: ['electionTimeout.term', 'voteResponse.lead'],
          claims: ['S3 became leader in 90..225', 'leader = S3', 'S3 term = 2', 'S3 log has set t1 1', 'S1 down'] },
        { at: 601, text: 'Work goes on: "set t2 2" commits with the new leader. Consensus needs only a majority and replaces a failed leader; 2PC needs every participant and cannot replace its coordinator.',
          claims: ['leader = S3', 'S3 log has set t2 2', 'S1 down'] },
        { at: 1035, text: 'S1 recovered as a follower, heard term 2 from S3, and caught up: its log now ends with "set t2 2", committed.',
          claims: ['S1 up', 'S1 role = follower', 'S1 term = 2', 'S1 leader = S3', 'S1 committed has set t2 2', 'leader = S3'] },
      ],
    }),
  },
  {
    id: 'atomic-2pc-locks',
    title: 'A7. Locks held in doubt: the next transaction pays',
    outcome: 't1 and t3 committed everywhere; t2 aborted only because S4 still held x for t1, in doubt, when Prepare(t2) came.',
    endsAt: 600,
    speed: 0.1,
    scenario: atomicLesson('2pc', 'Locks held in doubt: the next transaction pays', {
      nodes: 4, seed: 5, timing: EVEN_DELAYS,
      // Messages 12 and 18 are S1's decision on t1 to S4 and its first resend.
      actions: [
        { at: 10, type: 'request', node: 1, command: 'tx t1 on x' }, { at: 20, type: 'request', node: 1, command: 'tx t2 on x' },
        { at: 85, type: 'drop', message: 12 }, { at: 135, type: 'drop', message: 18 },
        { at: 400, type: 'request', node: 1, command: 'tx t3 on y' },
      ],
      narration: [
        { at: 0, text: 'Two-phase commit with locks: t1 and then t2 both write x; later t3 writes y. A participant locks what a transaction writes until it learns the outcome.',
          claims: ['all log = empty'] },
        { at: 81, text: 'Every participant voted yes on t1, so S1 decides commit. Its decision to S4 is about to be lost.',
          claims: ['S1 decision t1 = commit', 'S2,S3,S4 tx t1 = in doubt', 'in flight Decision S1->S4 decision=commit'] },
        { at: 91, text: 'S2 and S3 commit t1 and release x. S4 never heard: it is still in doubt and still holds x. Then t2 begins, and S4 cannot lock x for it.',
          claims: ['S2,S3 tx t1 = committed', 'S4 tx t1 = in doubt', 'S4 locks = t1', 'not delivered Decision S1->S4'] },
        { at: 141, text: 'S1\'s resend to S4 is lost too. Prepare(t2) arrives: S2 and S3 vote yes; S4 is still waiting for x, so it votes no, as a lock-wait timeout would. Nothing in t2 itself went wrong.',
          claims: ['S2,S3 vote t2 = yes', 'S4 vote t2 = no', 'S4 tx t1 = in doubt', 'S4 locks = t1'] },
        { at: 161, text: 'One no is enough: t2 aborts everywhere. A transaction in doubt hurts more than itself: its locks stop every other transaction on the same rows.',
          claims: ['S1 decision t2 = abort', 'S2,S3,S4 tx t2 = aborted'] },
        { at: 211, text: 'S1 resends again, and this time S4 hears: it commits t1 and releases x, 120 ms after the others.',
          claims: ['S4 tx t1 = committed', 'S4 locks = none', 'delivered Decision S1->S4 decision=commit'] },
        { at: 481, text: 't3 writes y, which nobody holds: everyone votes yes and it commits.',
          claims: ['S2,S3,S4 tx t3 = committed', 'all locks = none', 'atomicity holds', 'safe'] },
      ],
    }),
  },
  ...CLIENT_LESSONS,
  ...FENCING_LESSONS,
  ...MULTIPAXOS_CLIENT_LESSONS,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lesson's scenario as it opens: at the lesson's own pace, knowing which lesson it is. */
export function lessonScenario(lesson: Lesson): ScenarioInput {
  return { ...lesson.scenario, speed: lesson.speed, lesson: lesson.id };
}
