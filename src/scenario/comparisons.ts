import { SCENARIO_VERSION } from './defaults';
import { lessonById } from './lessons';
import type { ScenarioInput } from './schema';

/**
 * Built-in side-by-side comparisons (`#compare=<id>`): two runs under one clock and one set of
 * faults, each with its own cluster and safety verdict. The left run carries the narration.
 */
export interface Comparison {
  id: string;
  title: string;
  /** What the pair shows by `endsAt`; the tests check it. */
  outcome: string;
  endsAt: number;
  speed: number;
  left: ScenarioInput;
  right: ScenarioInput;
}

const figure8 = lessonById('raft-figure8')!;
const blocking = lessonById('atomic-2pc-blocking')!;
const contrast = lessonById('atomic-raft-contrast')!;

/** The same commands, leader crash and recovery for both protocols: S1 leads, serves two commands, crashes; S2 takes over. */
const FAILOVER_SCRIPT = [
  { at: 5, type: 'timeout', node: 1 },
  { at: 200, type: 'request', node: 1, command: 'set a 1' },
  { at: 300, type: 'request', node: 1, command: 'set b 2' },
  { at: 400, type: 'crash', node: 1 },
  { at: 420, type: 'timeout', node: 2 },
  { at: 700, type: 'request', node: 2, command: 'set c 3' },
  { at: 900, type: 'recover', node: 1 },
] as const;

const EVEN = { latencyMin: 10, latencyMax: 10, electionTimeoutMin: 1500, electionTimeoutMax: 3000 } as const;

export const COMPARISONS: Comparison[] = [
  {
    id: 'figure8-broken',
    title: 'Figure 8, kept and broken: commit only entries of your own term',
    outcome: 'On the right, S2 commits the term-1 entry by counting replicas; S5 then overwrites it and leader completeness fails there only. The left run stays safe.',
    endsAt: 800,
    speed: figure8.speed,
    left: figure8.scenario,
    // The same run with the rule broken; the left run tells the story, so the right has no narration.
    right: { ...figure8.scenario, title: 'Figure 8, committing an old-term entry by counting', narration: [], bugs: ['commitOldTermByCount'] },
  },
  {
    id: 'raft-vs-multipaxos',
    title: 'Raft beside Multi-Paxos: the same commands and the same crash',
    outcome: 'Both elect S1, commit "set a 1" and "set b 2", lose S1, elect S2 and commit "set c 3" on every live server; both stay safe.',
    endsAt: 1000,
    speed: 0.1,
    left: {
      version: SCENARIO_VERSION, protocol: 'raft', title: 'Raft', nodes: 5, seed: 7, timing: EVEN, actions: [...FAILOVER_SCRIPT],
      narration: [
        { at: 0, text: 'The same five servers, commands and crash, under Raft (left) and Multi-Paxos (right). S1 is made to time out first on both sides.',
          claims: ['leader = none'] },
        { at: 201, text: 'S1 leads on both sides and takes "set a 1". Raft appends it to its log and sends LogRequests; Multi-Paxos proposes it for slot 1 with an Accept: one round trip each.',
          claims: ['leader = S1', 'S1 log has set a 1'] },
        { at: 401, text: 'S1 crashes after both commands are committed. Nobody leads until a follower times out: here S2 is made to.',
          claims: ['S1 down', 'S2,S3,S4,S5 kv a = 1', 'S2,S3,S4,S5 kv b = 2'] },
        { at: 701, text: 'S2 leads on both sides. Raft elected it because its log is up to date; Multi-Paxos ran phase 1 again and learned the slots already chosen. "set c 3" follows.',
          claims: ['leader = S2', 'S2 term >= 2'] },
        { at: 1000, text: 'S1 is back and catches up. Compare the two clusters: the same commands in the same order on every server, and safe on both sides.',
          claims: ['all kv c = 3', 'all kv a = 1', 'safe'] },
      ],
    },
    // The right run's steps fall at the same moments, with claims about Multi-Paxos (the page shows the left's words).
    right: {
      version: SCENARIO_VERSION, protocol: 'multipaxos', title: 'Multi-Paxos', nodes: 5, seed: 7, timing: EVEN, actions: [...FAILOVER_SCRIPT],
      narration: [
        { at: 0, text: 'Multi-Paxos: S1 is made to time out first.', claims: ['leader = none'] },
        { at: 201, text: 'S1 leads and proposes "set a 1" for slot 1.', claims: ['leader = S1', 'S1 proposed slot 1 = set a 1'] },
        { at: 401, text: 'S1 crashes after both commands are chosen.', claims: ['S1 down', 'S2,S3,S4,S5 kv b = 2'] },
        { at: 701, text: 'S2 ran phase 1 and leads.', claims: ['leader = S2'] },
        { at: 1000, text: 'S1 is back and has caught up.', claims: ['all kv c = 3', 'all kv a = 1', 'safe'] },
      ],
    },
  },
  {
    id: '2pc-vs-raft',
    title: '2PC beside Raft: the coordinator, or the leader, fails',
    outcome: 'On the left, S2, S3 and S4 hold t1\'s locks in doubt until S1 recovers at 1 s; on the right, S3 leads term 2 from 225 ms and commits "set t2 2" while S1 is still down.',
    endsAt: 1200,
    speed: blocking.speed,
    // Lesson A3 tells the story; the right run is lesson A6 with its steps at A3's moments, so a
    // step stops both runs where the left one speaks.
    left: blocking.scenario,
    right: {
      ...contrast.scenario,
      narration: [
        { at: 0, text: 'Raft, the same four servers and failure script.', claims: ['leader = none'] },
        { at: 71, text: 'S1 leads and has committed "set t1 1".', claims: ['S1 role = leader', 'S1 committed has set t1 1'] },
        { at: 81, text: 'S1\'s links fail.', claims: ['S1 role = leader'] },
        { at: 91, text: 'S1 crashes.', claims: ['S1 down'] },
        { at: 300, text: 'S3 timed out and leads term 2, elected by three of four.', claims: ['S3 became leader in 91..300', 'leader = S3', 'S3 term = 2'] },
        { at: 650, text: 'Work goes on: "set t2 2" is committed without S1.', claims: ['S3 committed has set t2 2', 'S1 down'] },
        { at: 1001, text: 'S1 recovers.', claims: ['S1 up'] },
        { at: 1011, text: 'S1 follows S3 and catches up.', claims: ['S1 role = follower', 'leader = S3', 'safe'] },
      ],
    },
  },
];

export function comparisonById(id: string): Comparison | undefined {
  return COMPARISONS.find((c) => c.id === id);
}
