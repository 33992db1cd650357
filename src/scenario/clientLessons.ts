import { SCENARIO_VERSION } from './defaults';
import type { Lesson } from './lessons';
import type { ScenarioInput } from './schema';

/**
 * The split brain the client lessons and their tests share: S1 leads term 1 and client 1
 * writes x = 1; at 300 ms `cutOff` (S1, S2) is cut off from the other servers, which elect
 * a leader; client 1 writes x = 2 at S3; then client 2 asks S1 for x at `readAt`. How S1
 * answers depends on the read path. `healAt`: when the network heals, if it does.
 */
export function splitBrain({ reads, tries, cutOff = [1, 2], readAt = 1100, healAt, extra = [] }: {
  reads: NonNullable<ScenarioInput['clients']>['reads']; tries?: number; cutOff?: number[]; readAt?: number; healAt?: number; extra?: ScenarioInput['actions'];
}): Required<Pick<ScenarioInput, 'clients' | 'actions'>> {
  return {
    clients: { count: 2, reads, ...(tries === undefined ? {} : { tries }) },
    actions: [
      { at: 10, type: 'timeout', node: 1 },
      { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 1 },
      { at: 300, type: 'partition', groups: [cutOff, [1, 2, 3, 4, 5].filter((id) => !cutOff.includes(id))] },
      { at: 800, type: 'invoke', client: 1, op: 'set x 2', node: 3 },
      { at: readAt, type: 'invoke', client: 2, op: 'get x', node: 1 },
      ...(healAt === undefined ? [] : [{ at: healAt, type: 'heal' as const }]),
      ...extra,
    ],
  };
}

/** What a user of the replicated store sees (issue 16): the same split brain four ways. */
const splitBrainLesson = (reads: 'leader' | 'log' | 'readIndex', narration: NonNullable<ScenarioInput['narration']>): ScenarioInput => ({
  version: SCENARIO_VERSION, protocol: 'raft', nodes: 5, seed: 4,
  title: { leader: 'A stale read from an old leader', log: 'Reading through the log', readIndex: 'Confirming leadership before reading' }[reads],
  ...splitBrain({ reads, tries: 6, healAt: 1500 }),
  narration,
});

const OPENING = [
  { at: 151, text: 'Client 1 writes x = 1 at S1, the leader of term 1. S1 appends it, a majority stores it, S1 applies it and answers ok. The history below the cluster draws each operation as a bar from the request to the reply.',
          claims: ['client 1 set x 1 is pending', 'leader = S1', 'S1 term = 1'] },
  { at: 301, text: 'The network splits: S1 and S2 on one side, S3, S4 and S5 on the other. Nothing tells S1 that it has lost its majority: it still believes it leads term 1.',
          claims: ['client 1 set x 1 is ok', 'client 1 set x 1 answered by S1', 'all kv x = 1', 'S1 role = leader', 'S1 term = 1'] },
  { at: 688, text: 'The majority side times out and elects S4, leader of term 3.',
          claims: ['S4 became leader in 301..688', 'S4 term = 3', 'S1 role = leader', 'leaders = 2'] },
  { at: 801, text: 'Client 1 writes x = 2 at S3, which is not the leader and says "try S4". S4 commits the write with S3 and S5 and answers ok. From now on, any read that starts must return 2.',
          claims: ['client 1 set x 2 is pending', 'S4 role = leader', 'S3 leader = S4'] },
];

/**
 * Reads on a leader's lease, twice: S3 leads term 1 and client 1 writes x = 1; at 300 S3 is cut
 * off alone, the other four elect a leader and client 1 writes x = 2 there; at 1000 client 2
 * asks S3 for x. With clocks that keep time S3's lease has run out by then; with S3's clock
 * slowed to a tenth of true time (from 260 ms), S3 still believes it holds it.
 */
const leaseRun = (slowClock: boolean, narration: NonNullable<ScenarioInput['narration']>): ScenarioInput => ({
  version: SCENARIO_VERSION, protocol: 'raft', nodes: 5, seed: 4,
  title: slowClock ? 'A lease broken by a drifting clock' : 'Reading on a leader\'s lease',
  clients: { count: 2, reads: 'lease', tries: 6 },
  actions: [
    { at: 10, type: 'timeout', node: 3 },
    { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 3 },
    { at: 220, type: 'invoke', client: 2, op: 'get x', node: 3 },
    ...(slowClock ? [{ at: 260, type: 'drift' as const, node: 3, rate: 0.1 }] : []),
    { at: 300, type: 'partition', groups: [[3], [1, 2, 4, 5]] },
    { at: 800, type: 'invoke', client: 1, op: 'set x 2', node: 1 },
    { at: 1000, type: 'invoke', client: 2, op: 'get x', node: 3 },
    { at: 1600, type: 'heal' },
  ],
  narration,
});

const LEASE_OPENING = [
  { at: 210, text: 'Client 1 writes x = 1 at S3, the leader of term 1. Each heartbeat round that a majority answers renews S3\'s lease: 135 ms on its own clock from the round\'s start, 90% of the minimum election timeout.',
    claims: ['S3 role = leader', 'S3 committed has c1#1 set x 1', 'safe'] },
  { at: 252, text: 'Client 2 reads x at S3. S3 holds its lease, so it answers at once from its own store, x = 1: no log entry, no round trip.',
    claims: ['S3 role = leader', 'leaders = 1', 'safe'] },
  { at: 301, text: 'S3 is cut off from the other four. Nothing tells it so; but no heartbeat reply will renew its lease now.',
    claims: ['S3 role = leader', 'leaders = 1', 'S3 term = 1'] },
  { at: 447, text: 'S5 and S1 time out, but S2 and S4 ignore their votes: they heard from S3 less than an election timeout ago, and promised not to vote until their own timers run out.',
    claims: ['S1,S5 timer ran out in 400..430', 'delivered VoteRequest S5->S2', 'S2,S4 votedFor = S3', 'leaders = 1'] },
];

export const CLIENT_LESSONS: Lesson[] = [
  {
    id: 'raft-stale-read',
    title: 'C1. A stale read from an old leader',
    outcome: 'Client 2 reads x = 1 from S1 after x = 2 was acknowledged; the linearizability check catches it and names the three operations.',
    endsAt: 1200,
    speed: 0.1,
    violates: ['linearizable'],
    scenario: splitBrainLesson('leader', [
      { at: 0, text: 'Two clients use the replicated key-value store. In this run a leader answers reads from its own copy, without any further check: the fastest read there is. Is it safe?',
          claims: ['all log length = 0', 'leader = none'] },
      ...OPENING,
      { at: 1101, text: 'Client 2 asks S1 for x. S1 still thinks it is the leader and answers from its own store: x = 1.',
          claims: ['client 1 set x 2 is ok', 'client 2 get x is pending', 'S1 role = leader', 'S1 kv x = 1', 'S4 kv x = 2'] },
      { at: 1130, text: 'Stale: x = 2 was acknowledged before this read began, so no single copy of the store could have answered 1. The check stops the run and shows the three operations that cannot be put in any order; the stale read is marked.',
          claims: ['client 2 get x returned 1', 'client 2 get x answered by S1', 'client 2 get x is stale', 'linearizable broken'] },
    ]),
  },
  {
    id: 'raft-read-log',
    title: 'C2. Reading through the log',
    outcome: 'The read never answers from S1; after the heal it goes through S4\'s log and returns x = 2. The history is linearizable.',
    endsAt: 1900,
    speed: 0.1,
    scenario: splitBrainLesson('log', [
      { at: 0, text: 'The same split brain, but now a read is a command like any other: it goes into the leader\'s log and is answered when it is committed and applied, at its place in the order.',
          claims: ['all log length = 0', 'leader = none'] },
      ...OPENING,
      { at: 1101, text: 'Client 2 asks S1 for x. S1 appends the read to its log, but with only S2 it has no majority: the entry never commits, and S1 never answers.',
          claims: ['client 2 get x is pending', 'S1 role = leader', 'S1 log lacks c2#1 get x'] },
      { at: 1401, text: 'Client 2 hears nothing in time and tries S2, which sends it back to S1, the leader it knows. Its second try waits at S1 like the first.',
          claims: ['client 2 get x tries = 2', 'client 2 get x is pending', 'S1 log has c2#1 get x', 'S1 committed lacks c2#1 get x'] },
      { at: 1501, text: 'The partition heals. S1 hears of term 3, steps down, and its uncommitted entries are replaced by S4\'s log.',
          claims: ['client 2 get x is pending', 'S4 role = leader', 'S4 term = 3'] },
      { at: 1731, text: 'The client tries again; S2 now sends it to S4, which appends the read to its log in term 3, after x = 2.',
          claims: ['client 2 get x is pending', 'S1 role = follower', 'S1 term = 3', 'S1 committed lacks c2#1 get x'] },
      { at: 1817, text: 'S4 commits the read and answers: x = 2. Safe, at the price of a log entry and a round trip to a majority for every read.',
          claims: ['client 2 get x returned 2', 'client 2 get x answered by S4', 'S4 committed has c2#1 get x', 'linearizable holds'] },
    ]),
  },
  {
    id: 'raft-read-index',
    title: 'C3. Confirming leadership before reading',
    outcome: 'S1 holds the read, waiting for a majority that never answers; after the heal S4 confirms its leadership with one heartbeat round and returns x = 2.',
    endsAt: 1700,
    speed: 0.1,
    scenario: splitBrainLesson('readIndex', [
      { at: 0, text: 'The same split brain, with a cheaper safe read: the leader notes its commit point (the read index), then checks that a majority still follows it by a round of heartbeats, and only then answers from its store. Nothing is written to the log.',
          claims: ['all log length = 0', 'leader = none'] },
      ...OPENING,
      { at: 1101, text: 'Client 2 asks S1 for x. S1 holds the read until a majority answers a heartbeat of term 1. Only S2 can: S1 never gets a majority, so it never answers.',
          claims: ['client 2 get x is pending', 'S1 role = leader'] },
      { at: 1401, text: 'No reply in time: the client tries S2, which sends it back to S1, where it waits again.',
          claims: ['client 2 get x tries = 2', 'client 2 get x is pending', 'all log lacks c2#1 get x'] },
      { at: 1501, text: 'The partition heals; S1 hears of term 3 and steps down. It turns the waiting read away: "not the leader, try S4".',
          claims: ['client 2 get x is pending', 'S4 role = leader'] },
      { at: 1527, text: 'S4 holds the read for one heartbeat round. Replies from a majority, sent after the read arrived, prove that no newer leader can exist.',
          claims: ['client 2 get x is pending', 'S1 role = follower', 'S1 term = 3'] },
      { at: 1590, text: 'S4 answers x = 2, and no log holds the read: one heartbeat round per read instead of a log entry.',
          claims: ['client 2 get x returned 2', 'client 2 get x answered by S4', 'all log lacks c2#1 get x', 'linearizable holds'] },
    ]),
  },
  {
    id: 'raft-exactly-once',
    title: 'C4. Retries applied exactly once',
    outcome: 'The reply to the increment is lost, the client retries, and n is 1 on every server: the retry is answered from the session table, not applied twice.',
    endsAt: 600,
    speed: 0.1,
    scenario: {
      version: SCENARIO_VERSION, protocol: 'raft', nodes: 5, seed: 4, title: 'Retries applied exactly once',
      clients: { count: 1, timeout: 100, tries: 3 },
      actions: [
        { at: 10, type: 'timeout', node: 1 },
        { at: 200, type: 'invoke', client: 1, op: 'incr n', node: 1 },
        // For one millisecond the network loses everything: the reply to the increment among it.
        { at: 250, type: 'network', dropRate: 1 }, { at: 251, type: 'network', dropRate: 0 },
        { at: 450, type: 'invoke', client: 1, op: 'incr n' },
      ],
      narration: [
        { at: 0, text: 'A client that hears nothing cannot tell a lost request from a lost reply, so it sends the request again. An increment applied twice would count twice. Each request carries the client\'s id and a sequence number: c1#1 is client 1\'s first.',
          claims: ['all log length = 0'] },
        { at: 201, text: 'Client 1 asks S1, the leader, to increment n. S1 appends c1#1 incr n to its log and replicates it.',
          claims: ['client 1 incr n is pending', 'S1 role = leader'] },
        { at: 251, text: 'A majority holds the entry: S1 commits and applies it, n = 1, and remembers in its session table that client 1\'s request 1 answered 1. But the reply is lost on the way.',
          claims: ['S1 committed has c1#1 incr n', 'S1 kv n = 1', 'client 1 incr n is pending'] },
        { at: 301, text: 'The client\'s timeout runs out: it sends the same request, c1#1, to S2, which says "try S1".',
          claims: ['client 1 incr n tries = 2', 'client 1 incr n is pending'] },
        { at: 346, text: 'S1 finds request 1 of client 1 in its session table: it answers 1 again without applying it a second time. n is still 1 on every server.',
          claims: ['all kv n = 1', 'S1 log length = 2', 'client 1 incr n is pending'] },
        { at: 451, text: 'The next increment is c1#2, a new request: it is applied, and n = 2.',
          claims: ['client 1 incr n is pending', 'all kv n = 1', 'linearizable holds'] },
      ],
    },
  },
  {
    id: 'raft-read-lease',
    title: 'C5. Reading on a leader\'s lease',
    outcome: 'S3 answers a read at once while its lease holds; cut off, its lease runs out before S1 is elected, so it holds the later read, which S1 answers on its own lease: x = 2. The history is linearizable.',
    endsAt: 1400,
    speed: 0.1,
    scenario: leaseRun(false, [
      { at: 0, text: 'A leader lease: the leader answers reads from its own store, with no log entry and no round trip, while a majority\'s recent heartbeat replies promise that no other leader can exist. It measures the lease on its own clock.',
        claims: ['all role = follower', 'safe'] },
      ...LEASE_OPENING,
      { at: 617, text: 'Only once their own timers ran out do the others vote: S1 wins term 3, after S3\'s lease has run out on S3\'s clock.',
        claims: ['S1 became leader in 550..617', 'leaders = 2', 'S1 term = 3'] },
      { at: 860, text: 'Client 1 writes x = 2 at S1, the new leader, which commits it with the other three and answers ok. From now on a read must return 2.',
        claims: ['S1 committed has c1#2 set x 2', 'S3 log lacks c1#2 set x 2', 'safe'] },
      { at: 1014, text: 'Client 2 asks S3 for x. S3 still believes it leads, but its lease has run out: it holds the read until heartbeat replies renew the lease, which never come.',
        claims: ['S3 role = leader', 'S3 log lacks c1#2 set x 2', 'safe'] },
      { at: 1361, text: 'No reply in time: the client tries S4, which sends it to S1. S1 holds a lease of its own and answers at once, x = 2. Linearizable, as long as every clock keeps time.',
        claims: ['S1 role = leader', 'S1 committed has c1#2 set x 2', 'safe'] },
    ]),
  },
  {
    id: 'raft-lease-drift',
    title: 'C6. A lease broken by a drifting clock',
    outcome: 'S3\'s clock runs at a tenth of true time, so at 1000 ms its lease still holds by its clock: it answers x = 1 after x = 2 was acknowledged, and the linearizability check catches the stale read.',
    endsAt: 1040,
    speed: 0.1,
    violates: ['linearizable'],
    scenario: leaseRun(true, [
      { at: 0, text: 'The same lease, but S3\'s clock is about to run slow. A lease is safe only while the clocks that measure it keep time within a bound (here 10%).',
        claims: ['all role = follower', 'safe'] },
      ...LEASE_OPENING.slice(0, 2),
      { at: 261, text: 'S3\'s clock slows to a tenth of true time. Its lease, 135 ms on its clock, now lasts over a second of true time.',
        claims: ['S3 role = leader', 'safe'] },
      ...LEASE_OPENING.slice(2),
      { at: 678, text: 'The followers keep their promise by their own clocks, which keep time: S5 wins term 3. By true time S3\'s lease is over; by S3\'s slow clock it is not.',
        claims: ['S5 became leader in 650..678', 'leaders = 2', 'S5 term = 3'] },
      { at: 891, text: 'Client 1 writes x = 2 at S1, which sends it to S5; S5 commits it and answers ok. From now on a read must return 2.',
        claims: ['S5 committed has c1#2 set x 2', 'S3 log lacks c1#2 set x 2', 'safe'] },
      { at: 1015, text: 'Client 2 asks S3 for x. By S3\'s slow clock only 75 ms have passed since 260 ms: its lease holds, so it answers from its store, x = 1.',
        claims: ['S3 role = leader', 'S3 log lacks c1#2 set x 2', 'leaders = 2', 'safe'] },
      { at: 1025, text: 'Stale: x = 2 was acknowledged before this read began. The linearizability check stops the run; the stale read is marked. A lease trades a round trip for a bet on clocks.',
        claims: ['not safe', 'electionSafety holds', 'S5 committed has c1#2 set x 2'] },
    ]),
  },
];
