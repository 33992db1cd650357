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
];

export function comparisonById(id: string): Comparison | undefined {
  return COMPARISONS.find((c) => c.id === id);
}
