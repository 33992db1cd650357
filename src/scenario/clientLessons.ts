import { SCENARIO_VERSION } from './defaults';
import type { Lesson } from './lessons';
import type { ScenarioInput } from './schema';

/**
 * The split brain the client lessons and their tests share, in Raft or Multi-Paxos: S1 leads
 * (term 1, or ballot (1, S1)) and client 1 writes x = 1; at 300 ms `cutOff` (S1, S2) is cut
 * off from the other servers, which elect a leader; client 1 writes x = 2 at S3; then client
 * 2 asks S1 for x at `readAt`. How S1 answers depends on the read path. `healAt`: when the
 * network heals, if it does.
 */
export function splitBrain({ protocol = 'raft', reads, tries, cutOff = [1, 2], readAt = 1100, healAt, extra = [] }: {
  protocol?: 'raft' | 'multipaxos'; reads: NonNullable<ScenarioInput['clients']>['reads']; tries?: number; cutOff?: number[]; readAt?: number; healAt?: number;
  extra?: ScenarioInput['actions'];
}): Required<Pick<ScenarioInput, 'protocol' | 'clients' | 'actions'>> {
  return {
    protocol,
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

/** What a user of the replicated store sees (issue 16): the split brain, healed at 1500 ms, read one way or another. */
function splitBrainLesson(protocol: 'raft' | 'multipaxos', reads: 'leader' | 'log' | 'readIndex', title: string, narration: NonNullable<ScenarioInput['narration']>): ScenarioInput {
  const { clients, actions } = splitBrain({ protocol, reads, tries: 6, healAt: 1500 });
  return { version: SCENARIO_VERSION, protocol, nodes: 5, seed: 4, title, clients, actions, narration };
}

const OPENING = [
  { at: 210, text: 'Client 1 wrote x = 1 at S1, the leader of term 1. S1 appended it, a majority stored it, S1 applied it and answered ok. The History tab draws each operation as a bar from the request to the reply.',
          claims: ['client 1 set x 1 is ok', 'client 1 set x 1 answered by S1', 'S1 committed has c1#1 set x 1', 'S1 kv x = 1', 'leader = S1', 'S1 term = 1'] },
  { at: 301, text: 'The network splits: S1 and S2 on one side, S3, S4 and S5 on the other. Nothing tells S1 that it has lost its majority: it still believes it leads term 1.',
          claims: ['client 1 set x 1 is ok', 'client 1 set x 1 answered by S1', 'all kv x = 1', 'S1 role = leader', 'S1 term = 1'] },
  { at: 688, text: 'The majority side times out and elects S4, leader of term 3.',
          claims: ['S4 became leader in 301..688', 'S4 term = 3', 'S1 role = leader', 'leaders = 2'] },
  { at: 900, text: 'Client 1 wrote x = 2 at S3, which is not the leader and said "try S4". S4 committed the write with S3 and S5 and answered ok. From now on, any read that starts must return 2.',
          claims: ['client 1 set x 2 is ok', 'client 1 set x 2 answered by S4', 'S4 committed has c1#2 set x 2', 'S4 kv x = 2', 'S4 role = leader', 'S3 leader = S4'] },
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
    scenario: splitBrainLesson('raft', 'leader', 'A stale read from an old leader', [
      { at: 0, text: 'Two clients use the replicated key-value store. In this run a leader answers reads from its own copy, without any further check: the fastest read there is. Is it safe?',
          claims: ['all log length = 0', 'leader = none'] },
      ...OPENING,
      { at: 1118, text: 'Client 2 asked S1 for x. S1 still thinks it is the leader and answered from its own store: x = 1. The reply is on its way.',
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
    scenario: splitBrainLesson('raft', 'log', 'Reading through the log', [
      { at: 0, text: 'The same split brain, but now a read is a command like any other: it goes into the leader\'s log and is answered when it is committed and applied, at its place in the order.',
          claims: ['all log length = 0', 'leader = none'] },
      ...OPENING,
      { at: 1131, text: 'Client 2 asked S1 for x. S1 appended the read to its log and S2 stored it, but with only S2 it has no majority: the entry will never commit, and S1 will never answer.',
          claims: ['client 2 get x is pending', 'S1 role = leader', 'S1,S2 log has c2#1 get x', 'S1 committed lacks c2#1 get x'] },
      { at: 1461, text: 'Client 2 heard nothing in time and tried S2, which sent it back to S1, the leader it knows. On its third try the read waits at S1 like the first.',
          claims: ['client 2 get x tries = 3', 'client 2 get x is pending', 'S1 log has c2#1 get x', 'S1 committed lacks c2#1 get x'] },
      { at: 1505, text: 'The partition healed at 1500 ms. S1 heard of term 3, stepped down, and its uncommitted entries were replaced by S4\'s log.',
          claims: ['client 2 get x is pending', 'S4 role = leader', 'S1 role = follower', 'S1 term = 3', 'S1 log lacks c2#1 get x', 'S1 committed has c1#2 set x 2'] },
      { at: 1774, text: 'The client tried S2 again; S2 now sent it to S4, which appended the read to its log in term 3, after x = 2.',
          claims: ['client 2 get x is pending', 'client 2 get x tries = 5', 'S4 log has c2#1 get x', 'S4 committed lacks c2#1 get x'] },
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
    scenario: splitBrainLesson('raft', 'readIndex', 'Confirming leadership before reading', [
      { at: 0, text: 'The same split brain, with a cheaper safe read: the leader notes its commit point (the read index), then checks that a majority still follows it by a round of heartbeats, and only then answers from its store. Nothing is written to the log.',
          claims: ['all log length = 0', 'leader = none'] },
      ...OPENING,
      { at: 1118, text: 'Client 2 asked S1 for x. S1 holds the read until a majority answers a heartbeat of term 1. Only S2 can: S1 will never get a majority, so it will never answer.',
          claims: ['client 2 get x is pending', 'S1 role = leader', 'all log lacks c2#1 get x'] },
      { at: 1446, text: 'No reply in time: the client tried S2, which sent it back to S1, where its third try waits again.',
          claims: ['client 2 get x tries = 3', 'client 2 get x is pending', 'all log lacks c2#1 get x'] },
      { at: 1516, text: 'The partition healed at 1500 ms; S1 heard of term 3 and stepped down. It turned the waiting read away: "not the leader, try S4".',
          claims: ['client 2 get x is pending', 'S4 role = leader', 'S1 role = follower', 'S1 term = 3'] },
      { at: 1527, text: 'S4 holds the read for one heartbeat round. Replies from a majority, sent after the read arrived, prove that no newer leader can exist.',
          claims: ['client 2 get x is pending', 'S1 role = follower', 'S1 term = 3'] },
      { at: 1590, text: 'S4 answers x = 2, and no log holds the read: one heartbeat round per read instead of a log entry.',
          claims: ['client 2 get x returned 2', 'client 2 get x answered by S4', 'all log lacks c2#1 get x', 'linearizable holds'] },
    ]),
  },
  {
    id: 'raft-exactly-once',
    title: 'C4. Retries applied exactly once',
    outcome: 'The reply to the increment is lost and the client retries: the retry is answered from the session table, not applied twice, so n stays 1; the next increment, a new request, makes it 2 on every server.',
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
        { at: 240, text: 'Client 1 asked S1, the leader, to increment n. S1 appended c1#1 incr n to its log and replicated it.',
          claims: ['client 1 incr n is pending', 'S1 role = leader', 'all log has c1#1 incr n', 'S1 committed lacks c1#1 incr n'] },
        { at: 271, text: 'A majority holds the entry: S1 committed and applied it, n = 1, and remembers in its session table that client 1\'s request 1 answered 1. But the reply was lost on the way.',
          claims: ['S1 committed has c1#1 incr n', 'S1 kv n = 1', 'client 1 incr n is pending'] },
        { at: 329, text: 'The client\'s timeout ran out: it sent the same request, c1#1, to S2, which said "try S1". Its third try goes to S1.',
          claims: ['client 1 incr n tries = 3', 'client 1 incr n is pending'] },
        { at: 360, text: 'S1 found request 1 of client 1 in its session table: it answered 1 again without applying it a second time. n is still 1 on every server.',
          claims: ['client 1 incr n returned 1', 'all kv n = 1', 'S1 log length = 2'] },
        { at: 559, text: 'The next increment is c1#2, a new request: S1 applied it and answered 2, and with the next heartbeat every server applied it: n = 2.',
          claims: ['client 1 incr n returned 2', 'all kv n = 2', 'S1 log length = 3', 'linearizable holds'] },
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
      { at: 616, text: 'Only once their own timers ran out do the others vote: S1 wins term 3, after S3\'s lease has run out on S3\'s clock.', lines: ['voteResponse.lead'],
        claims: ['S1 became leader in 550..616', 'leaders = 2', 'S1 term = 3'] },
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
      { at: 261, text: 'S3\'s clock slows to a tenth of true time. Its lease has 68 ms left by its clock, and those now last until 940 ms of true time: ten times too long.',
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

/**
 * Locks with leases and fencing tokens (issue 16), twice: client 1 takes lock L for 300 ms and
 * writes x = 1 to the storage node; a long pause outlasts its lease; client 2 takes L (a higher
 * token) and writes x = 2; client 1 resumes and writes x = 3 with its old token. With the
 * storage node's token check on, that write is rejected; with it off, it lands.
 */
const fencingRun = (fencing: boolean, narration: NonNullable<ScenarioInput['narration']>): ScenarioInput => ({
  version: SCENARIO_VERSION, protocol: 'raft', nodes: 5, seed: 4,
  title: fencing ? 'Fencing tokens' : 'A lock without fencing',
  clients: { count: 2, tries: 6 },
  storage: { fencing },
  actions: [
    { at: 10, type: 'timeout', node: 1 },
    { at: 150, type: 'invoke', client: 1, op: 'acquire L 300', node: 1 },
    { at: 250, type: 'invoke', client: 1, op: 'write x 1' },
    { at: 300, type: 'pauseClient', client: 1 },
    { at: 350, type: 'invoke', client: 2, op: 'acquire L 300', node: 1 },
    { at: 600, type: 'invoke', client: 2, op: 'acquire L 300', node: 1 },
    { at: 700, type: 'invoke', client: 2, op: 'write x 2' },
    { at: 850, type: 'resumeClient', client: 1 },
    { at: 851, type: 'invoke', client: 1, op: 'write x 3' },
  ],
  narration,
});

const FENCING_OPENING = [
  { at: 164, text: 'Client 1 asked S1, the leader, for lock L with a lease of 300 ms. The request went into the log like any command; S1 stamped it with the time on its own clock.',
    claims: ['client 1 acquire L 300 is pending', 'leader = S1', 'S1 log has c1#1 acquire L 300 @163'] },
  { at: 210, text: 'The acquire is committed at log index 2, stamped 163 ms: client 1 holds L until 463 ms, and its fencing token is 2, the index. The log orders every acquire, so tokens only grow.',
    claims: ['client 1 acquire L 300 returned 2', 'client 1 token = 2', 'S1 lock L = client 1', 'S1 committed has c1#1 acquire L 300 @163'] },
  { at: 291, text: 'Client 1 writes x = 1 to the storage node outside the cluster, showing token 2. The storage node accepts it and remembers 2.',
    claims: ['client 1 write x 1 is ok', 'storage x = 1', 'storage x token = 2'] },
  { at: 301, text: 'Client 1 stops dead: a long garbage-collection pause. It still believes it holds L, and nothing can tell it otherwise while it is stopped.',
    claims: ['client 1 token = 2', 'all lock L = client 1'] },
  { at: 410, text: 'Client 2 asks for L. S1 stamps its acquire inside client 1\'s lease, so every server applies the same answer: refused, L is held until 463.',
    claims: ['client 2 acquire L 300 is failed', 'S1 lock L = client 1', 'client 2 token = none'] },
  { at: 675, text: 'Client 2 asks again. Its stamp is past 463: client 1\'s lease has run out, so L is client 2\'s, with token 4 (index 3 went to the refused acquire). Client 1, still paused, knows nothing of it.',
    claims: ['client 2 acquire L 300 returned 4', 'client 2 token = 4', 'S1 lock L = client 2', 'client 1 token = 2'] },
  { at: 738, text: 'Client 2 writes x = 2 with token 4. The storage node accepts it: the highest token it has seen is now 4.',
    claims: ['client 2 write x 2 is ok', 'storage x = 2', 'storage x token = 4'] },
  { at: 852, text: 'Client 1 resumes as if no time had passed, and finishes its work: it writes x = 3, still showing token 2.',
    claims: ['client 1 write x 3 is pending', 'client 1 token = 2', 'S1 lock L = client 2'] },
];

export const FENCING_LESSONS: Lesson[] = [
  {
    id: 'raft-fencing',
    title: 'C7. Fencing tokens',
    outcome: 'Client 1\'s lease runs out while it is paused and client 2 takes the lock with token 4; when client 1 resumes, the storage node rejects its write with token 2, and x stays 2.',
    endsAt: 900,
    speed: 0.1,
    scenario: fencingRun(true, [
      { at: 0, text: 'A lock with a lease, on the replicated store: two clients take turns writing to a storage node outside the cluster. A lease expires by itself, so a client that crashed cannot hold the lock for ever. But what of a client that only stopped for a while?',
        claims: ['all log length = 0', 'storage x = none', 'client 1 token = none'] },
      ...FENCING_OPENING,
      { at: 882, text: 'The storage node rejects it: token 2 is lower than 4, which it has already accepted. x stays 2. The lock alone could not stop client 1; the token does.',
        claims: ['client 1 write x 3 is rejected', 'storage x = 2', 'storage x token = 4', 'fencing holds', 'safe'] },
    ]),
  },
  {
    id: 'raft-fencing-off',
    title: 'C8. A lock without fencing',
    outcome: 'The same run with the storage node\'s token check off: client 1\'s write with token 2 lands after client 2\'s with token 4, x = 3, and the fencing check catches the stale write.',
    endsAt: 890,
    speed: 0.1,
    violates: ['fencing'],
    scenario: fencingRun(false, [
      { at: 0, text: 'The same lock and the same pause, but this storage node takes any write: it does not compare fencing tokens.',
        claims: ['all log length = 0', 'storage x = none', 'client 1 token = none'] },
      ...FENCING_OPENING,
      { at: 864, text: 'The storage node accepts it: x = 3, client 1\'s write after client 2\'s, although client 1 lost the lock long ago. Client 2\'s work is overwritten. The fencing check stops the run: a write with a stale token was accepted.',
        claims: ['storage x = 3', 'storage x token = 2', 'fencing broken', 'linearizable holds', 'not safe'] },
    ]),
  },
];

/*
 * C9 and C10 run the split brain of C1 and C3 in Multi-Paxos: S1 leads with ballot (1, S1),
 * {S3, S4, S5} choose a leader with a higher ballot. Followers of a Multi-Paxos leader answer
 * its heartbeats only when reads confirm leadership, so the two runs part after the first write.
 */
const MULTIPAXOS_OPENING = [
  { at: 217, text: 'S1 ran phase 1 once for every slot and leads with ballot (1, S1). Client 1 wrote x = 1 there: one round trip, Accept and Accepted, chose it for slot 1; every replica applied it, and S1 answered ok.',
    claims: ['client 1 set x 1 is ok', 'leader = S1', 'S1 ballot = (1, S1)', 'all slot 1 = c1#1 set x 1', 'all applied = 1'] },
  { at: 301, text: 'The network splits: S1 and S2 on one side, S3, S4 and S5 on the other. Nothing tells S1 that it has lost its majority: it still believes it leads.',
    claims: ['client 1 set x 1 is ok', 'client 1 set x 1 answered by S1', 'all kv x = 1', 'S1 role = leader', 'S2 leader = S1'] },
];

export const MULTIPAXOS_CLIENT_LESSONS: Lesson[] = [
  {
    id: 'multipaxos-stale-read',
    title: 'C9. A stale read from an old Multi-Paxos leader',
    outcome: 'Client 2 reads x = 1 from S1 after x = 2 was chosen and acknowledged under S4\'s higher ballot; the linearizability check catches it and names the three operations.',
    endsAt: 1200,
    speed: 0.2,
    violates: ['linearizable'],
    scenario: splitBrainLesson('multipaxos', 'leader', 'A stale read from an old Multi-Paxos leader', [
      { at: 0, text: 'Two clients use a key-value store replicated by Multi-Paxos. Here the leader answers reads from its own store, applied slot by slot, with no further check. Is that safe?',
        claims: ['all applied = 0', 'leader = none'] },
      ...MULTIPAXOS_OPENING,
      { at: 456, text: 'On the majority side the leader timers ring. S5 runs phase 1 with ballot (2, S5), S4 with (3, S4); the promises of S3, S5 and S4 itself make S4 the leader. S1, which hears none of this, still leads with (1, S1).', lines: ['onPromise.quorum', 'onPromise.lead'],
        claims: ['S4 became leader in 301..456', 'S4 ballot = (3, S4)', 'S1 role = leader', 'leaders = 2'] },
      { at: 902, text: 'Client 1 wrote x = 2 at S3, which is not the leader and said "try S4". S4 had it chosen for slot 2 by S3, S5 and itself, and answered ok. From now on, any read that starts must return 2.',
        claims: ['client 1 set x 2 is ok', 'client 1 set x 2 answered by S4', 'S3,S4,S5 slot 2 = c1#2 set x 2', 'S4 role = leader', 'S3 leader = S4'] },
      { at: 1111, text: 'Client 2 asks S1 for x. S1 still leads with ballot (1, S1) as far as it knows, and answers from its own store: x = 1. It has never heard of slot 2.',
        claims: ['client 1 set x 2 is ok', 'client 2 get x is pending', 'S1 role = leader', 'S1 kv x = 1', 'S4 kv x = 2', 'S1 applied = 1'] },
      { at: 1125, text: 'Stale: x = 2 was acknowledged before this read began, so no single copy of the store could have answered 1. The slots themselves are fine (every safety check on them holds); what a client saw is not. The check stops the run; the stale read is marked.',
        claims: ['client 2 get x returned 1', 'client 2 get x answered by S1', 'client 2 get x is stale', 'linearizable broken', 'atMostOneChosenPerSlot holds'] },
    ]),
  },
  {
    id: 'multipaxos-read-index',
    title: 'C10. Confirming leadership before reading, in Multi-Paxos',
    outcome: 'S1 holds the read, waiting for a majority\'s HeartbeatAck that never comes; after the heal it follows S5 and turns the read away; S5 confirms its ballot with one heartbeat round and returns x = 2. No slot holds the read.',
    endsAt: 1600,
    speed: 0.2,
    tryBroken: { bug: 'readIndexSkipsHeartbeat', check: 'linearizable', shows: 'Without the heartbeat round S1 answers the read at once from its store, x = 1, after x = 2 was acknowledged: the check catches the stale read.' },
    scenario: splitBrainLesson('multipaxos', 'readIndex', 'Confirming leadership before reading, in Multi-Paxos', [
      { at: 0, text: 'The same split brain, with a safe read that takes no slot. The leader notes its read index, the highest slot it has applied, and answers from its store only once a majority has answered a heartbeat, sent after the read came, with HeartbeatAck for its ballot: proof that no higher ballot had a majority\'s promise.',
        claims: ['all applied = 0', 'leader = none'] },
      ...MULTIPAXOS_OPENING,
      { at: 491, text: 'On the majority side S4 leads first with ballot (2, S4), but S5\'s Prepare with (3, S5) wins the promises of S3 and S4, and S5 leads. S1 still leads with (1, S1) as far as it knows.',
        claims: ['S5 became leader in 301..491', 'S5 ballot = (3, S5)', 'S4 role = follower', 'S1 role = leader', 'leaders = 2'] },
      { at: 897, text: 'Client 1 wrote x = 2 at S3, which said "try S5". S5 had it chosen for slot 2 and answered ok. From now on a read must return 2.',
        claims: ['client 1 set x 2 is ok', 'client 1 set x 2 answered by S5', 'S3,S4,S5 slot 2 = c1#2 set x 2', 'S5 role = leader', 'S3 leader = S5'] },
      { at: 1114, text: 'Client 2 asks S1 for x. S1 notes its read index, slot 1, and holds the read until a majority answers a heartbeat of ballot (1, S1). Only S2 can answer: S1 never hears from a majority, so it never answers.',
        claims: ['client 1 set x 2 is ok', 'client 2 get x is pending', 'S1 role = leader', 'S1 kv x = 1'], lines: ['read.note'] },
      { at: 1442, text: 'No reply in time: the client tries S2, which follows S1 and sends it back there. On its third try the read waits at S1 again.',
        claims: ['client 2 get x tries = 3', 'client 2 get x is pending', 'S1 applied = 1'] },
      { at: 1502, text: 'The partition heals. S1 hears S5\'s heartbeat with the higher ballot (3, S5) and follows S5. It turns the waiting read away: "not the leader, try S5".',
        claims: ['client 2 get x is pending', 'S1 role = follower', 'S1 leader = S5'], lines: ['read.lost'] },
      { at: 1529, text: 'S5 notes its read index, slot 2, and holds the read for one heartbeat round.',
        claims: ['client 2 get x is pending', 'S5 role = leader', 'S5 applied = 2'], lines: ['read.note'] },
      { at: 1583, text: 'HeartbeatAcks for (3, S5) from a majority, sent after the read came, and slot 2 applied: S5 answers x = 2. No slot was spent on the read: one heartbeat round instead of a round of phase 2.',
        claims: ['client 2 get x returned 2', 'client 2 get x answered by S5', 'S5 applied = 2', 'linearizable holds'], lines: ['onHeartbeatAck.current', 'read.answer'] },
    ]),
  },
];
