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

/**
 * Figure 8 told for both runs: the lesson's steps say what the rule prevents, and a step that
 * says "S2 does not commit it" is false of the right run, on screen beside it. The runs differ
 * from 360 ms on (the right commits by counting); the right's steps check what the text says of it.
 */
const lessonSteps = figure8.scenario.narration!;
const FIGURE8_PAIR = {
  left: [
    ...lessonSteps.slice(0, 3),
    { ...lessonSteps[3], text: 'Is "set x 1" committed? A majority holds it, but it is of term 1 and S2 leads term 3. Left, the rule holds: S2 commits by counting only entries of its own term. Right, it is broken: S2 counts replicas and commits it (x = 1).' },
    { ...lessonSteps[4], text: 'S2 crashed. S5 recovered and won term 4 on both sides: its log (last term 2) is more up to date than S1\'s, S3\'s and S4\'s (last term 1). On the right it lacks "set x 1", committed there: leader completeness fails.' },
    { ...lessonSteps[5], text: 'S5 overwrites index 1 with its own "set y 2" on S1, S3 and S4 (S2, down, still holds "set x 1"). On the left nothing committed is lost: "set x 1" never was. On the right a committed entry is gone, and the safety checks say so.' },
  ],
  right: [
    { at: lessonSteps[3].at, text: 'S2 commits "set x 1" by counting replicas.', claims: ['leader = S2', 'S2 term = 3', 'S2 committed = set x 1', 'S2 kv x = 1'] },
    { at: lessonSteps[4].at, text: 'S5 leads term 4 without the committed entry.', claims: ['S2 down', 'S5 became leader in 401..528', 'leader = S5', 'S5 term = 4', 'S5 log[1] term = 2', 'leaderCompleteness broken'] },
    { at: lessonSteps[5].at, text: 'S5 overwrote the committed entry.', claims: ['leader = S5', 'live log[1] = set y 2', 'S2 log[1] = set x 1', 'leaderCompleteness broken', 'committedPrefix broken'] },
  ],
};

const EVEN = { latencyMin: 10, latencyMax: 10, electionTimeoutMin: 1500, electionTimeoutMax: 3000 } as const;

export const COMPARISONS: Comparison[] = [
  {
    id: 'figure8-broken',
    title: 'Figure 8, kept and broken: commit only entries of your own term',
    outcome: 'On the right, S2 commits the term-1 entry by counting replicas; S5 then overwrites it and leader completeness fails there only. The left run stays safe.',
    endsAt: 800,
    speed: figure8.speed,
    left: { ...figure8.scenario, narration: FIGURE8_PAIR.left },
    // The same run with the rule broken; the left run tells the story, for both.
    right: { ...figure8.scenario, title: 'Figure 8, committing an old-term entry by counting', narration: FIGURE8_PAIR.right, bugs: ['commitOldTermByCount'] },
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
        { at: 401, text: 'S1 crashed, after both commands were committed on both sides. Nobody leads until a follower times out: S2 will be made to.',
          claims: ['S1 down', 'S2,S3,S4,S5 kv a = 1', 'S2,S3,S4,S5 kv b = 2'] },
        { at: 701, text: 'S2 leads on both sides. Raft elected it in term 2, its log as up to date as any; Multi-Paxos ran phase 1 for every slot with ballot (2, S2): slots 1 and 2 were already chosen, nothing was left to finish. "set c 3" follows.',
          claims: ['leader = S2', 'S2 term = 2', 'S2 committed = noop, set a 1, set b 2, noop'] },
        { at: 1000, text: 'S1 is back and has caught up. Compare the two clusters: the same commands in the same order on every server, and safe on both sides.',
          claims: ['all kv c = 3', 'all kv a = 1', 'safe'] },
      ],
    },
    // The right run's steps fall at the same moments, with claims about Multi-Paxos (the page shows the left's words).
    right: {
      version: SCENARIO_VERSION, protocol: 'multipaxos', title: 'Multi-Paxos', nodes: 5, seed: 7, timing: EVEN, actions: [...FAILOVER_SCRIPT],
      narration: [
        { at: 0, text: 'Multi-Paxos: S1 is made to time out first.', claims: ['leader = none'] },
        { at: 201, text: 'S1 leads and proposes "set a 1" for slot 1.', claims: ['leader = S1', 'S1 proposed slot 1 = set a 1'] },
        { at: 401, text: 'S1 crashed, after both commands were chosen.', claims: ['S1 down', 'S2,S3,S4,S5 kv a = 1', 'S2,S3,S4,S5 kv b = 2'] },
        { at: 701, text: 'S2 ran phase 1 with ballot (2, S2) and leads; slots 1 and 2 were chosen before.', claims: ['leader = S2', 'S2 ballot = (2, S2)', 'S2 slot 1 = set a 1', 'S2 slot 2 = set b 2'] },
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
    left: { ...blocking.scenario, narration: blocking.scenario.narration!.map((s) => (s.at === 650 ? { ...s, text: `${s.text} Beside it, Raft elected S3 and has committed "set t2 2" without S1.` } : s)) },
    right: {
      ...contrast.scenario,
      narration: [
        { at: 0, text: 'Raft, the same four servers and failure script.', claims: ['leader = none'] },
        { at: 71, text: 'S1 leads and has committed "set t1 1".', claims: ['S1 role = leader', 'S1 committed has set t1 1'] },
        { at: 81, text: 'S1\'s links fail.', claims: ['S1 role = leader'] },
        { at: 91, text: 'S1 crashes.', claims: ['S1 down'] },
        { at: 300, text: 'S3 timed out and leads term 2, elected by three of four.', claims: ['S3 became leader in 91..300', 'leader = S3', 'S3 term = 2'] },
        { at: 650, text: 'Work goes on: "set t2 2" is committed without S1.', claims: ['leader = S3', 'S3 committed has set t2 2', 'S1 down'] },
        { at: 1001, text: 'S1 recovers.', claims: ['S1 up'] },
        { at: 1011, text: 'S1 is back as a follower of S3, not yet caught up: S3\'s next LogRequest brings it the entries it missed.', claims: ['S1 role = follower', 'leader = S3', 'S1 commitLength = 2', 'S3 commitLength = 4', 'safe'] },
      ],
    },
  },
];

export function comparisonById(id: string): Comparison | undefined {
  return COMPARISONS.find((c) => c.id === id);
}
