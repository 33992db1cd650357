import * as v from 'valibot';
import { READ_PATHS } from '../engine/clients/types';
import { ACTION_TYPES, DEFAULT_CLIENTS, DEFAULT_NETWORK, DEFAULT_OPTIONS, DEFAULT_SEED, DEFAULT_TIMING, LIMITS, SCENARIO_VERSION, SPEEDS } from './defaults';

/** A whole number in [min, max], with a message that says so. */
const int = (min: number, max: number) =>
  v.pipe(
    v.number(`expected a whole number from ${min} to ${max}`),
    v.integer(`expected a whole number from ${min} to ${max}`),
    v.minValue(min, `expected a whole number from ${min} to ${max}`),
    v.maxValue(max, `expected a whole number from ${min} to ${max}`),
  );

const rate = v.pipe(
  v.number('expected a probability from 0 to 1'),
  v.minValue(0, 'expected a probability from 0 to 1'),
  v.maxValue(1, 'expected a probability from 0 to 1'),
);

const duration = int(1, LIMITS.maxDuration);
const time = int(0, LIMITS.maxTime);
/** Node ids are range-checked against the cluster size after parsing. */
const nodeId = int(1, LIMITS.maxNodes);
const text = (max: number) => v.pipe(v.string('expected text'), v.maxLength(max, `expected at most ${max} characters`));

const timing = v.strictObject({
  electionTimeoutMin: v.optional(duration, DEFAULT_TIMING.electionTimeoutMin),
  electionTimeoutMax: v.optional(duration, DEFAULT_TIMING.electionTimeoutMax),
  heartbeatInterval: v.optional(duration, DEFAULT_TIMING.heartbeatInterval),
  latencyMin: v.optional(duration, DEFAULT_TIMING.latencyMin),
  latencyMax: v.optional(duration, DEFAULT_TIMING.latencyMax),
});

const network = v.strictObject({
  dropRate: v.optional(rate, DEFAULT_NETWORK.dropRate),
  duplicateRate: v.optional(rate, DEFAULT_NETWORK.duplicateRate),
  /** Manual delivery from the start: the student chooses every delivery and every timer. */
  manual: v.optional(v.boolean('expected true or false')),
});

/** A message id, as the trace and the page show it. */
const messageId = int(1, Number.MAX_SAFE_INTEGER);

/** How fast a node's clock runs against true time. */
const clockRate = v.pipe(
  v.number(`expected a clock rate from ${LIMITS.minClockRate} to ${LIMITS.maxClockRate}`),
  v.minValue(LIMITS.minClockRate, `expected a clock rate from ${LIMITS.minClockRate} to ${LIMITS.maxClockRate}`),
  v.maxValue(LIMITS.maxClockRate, `expected a clock rate from ${LIMITS.minClockRate} to ${LIMITS.maxClockRate}`),
);

const options = v.strictObject({
  noopOnElection: v.optional(v.boolean('expected true or false'), DEFAULT_OPTIONS.noopOnElection),
  backoff: v.optional(v.boolean('expected true or false'), DEFAULT_OPTIONS.backoff),
});

const clients = v.strictObject({
  count: v.optional(int(1, LIMITS.maxClients), 1),
  timeout: v.optional(duration, DEFAULT_CLIENTS.timeout),
  tries: v.optional(int(1, 20), DEFAULT_CLIENTS.tries),
  reads: v.optional(v.picklist(READ_PATHS, `expected one of ${READ_PATHS.join(', ')}`), DEFAULT_CLIENTS.reads),
});

const action = v.variant('type', [
  v.strictObject({ at: time, type: v.literal('crash'), node: nodeId }),
  v.strictObject({ at: time, type: v.literal('recover'), node: nodeId }),
  v.strictObject({ at: time, type: v.literal('partition'), groups: v.pipe(
    v.array(v.pipe(v.array(nodeId, 'expected a list of node ids'), v.minLength(1, 'expected a non-empty group')), 'expected a list of groups'),
    v.minLength(1, 'expected at least one group'),
    v.maxLength(LIMITS.maxNodes, `expected at most ${LIMITS.maxNodes} groups`),
  ) }),
  v.strictObject({ at: time, type: v.literal('heal'), nodes: v.optional(v.pipe(v.array(nodeId, 'expected a list of node ids'), v.minLength(1, 'expected at least one node'))) }),
  v.strictObject({ at: time, type: v.literal('cut'), from: nodeId, to: nodeId }),
  v.strictObject({ at: time, type: v.literal('restore'), from: nodeId, to: nodeId }),
  v.strictObject({ at: time, type: v.literal('request'), node: nodeId, command: text(LIMITS.maxCommandLength) }),
  v.strictObject({ at: time, type: v.literal('timeout'), node: nodeId }),
  /** Raft's leadership transfer: the leader `node` hands leadership to `to`. */
  v.strictObject({ at: time, type: v.literal('transfer'), node: nodeId, to: nodeId }),
  v.strictObject({ at: time, type: v.literal('drop'), message: messageId }),
  v.strictObject({
    at: time, type: v.literal('network'),
    dropRate: v.optional(rate), duplicateRate: v.optional(rate),
    latencyMin: v.optional(duration), latencyMax: v.optional(duration),
    manual: v.optional(v.boolean('expected true or false')),
  }),
  v.strictObject({ at: time, type: v.literal('invoke'), client: int(1, LIMITS.maxClients), op: text(LIMITS.maxCommandLength), node: v.optional(nodeId) }),
  v.strictObject({ at: time, type: v.literal('deliver'), message: messageId }),
  v.strictObject({ at: time, type: v.literal('hold'), message: messageId }),
  v.strictObject({ at: time, type: v.literal('release'), message: messageId }),
  v.strictObject({ at: time, type: v.literal('duplicate'), message: messageId }),
  v.strictObject({ at: time, type: v.literal('fire'), node: nodeId, timer: text(40) }),
  v.strictObject({ at: time, type: v.literal('pause'), node: nodeId }),
  v.strictObject({ at: time, type: v.literal('resume'), node: nodeId }),
  v.strictObject({ at: time, type: v.literal('drift'), node: nodeId, rate: clockRate }),
  /** A client's process pause (a long GC): replies to it and its own timeouts wait until it resumes. */
  v.strictObject({ at: time, type: v.literal('pauseClient'), client: int(1, LIMITS.maxClients) }),
  v.strictObject({ at: time, type: v.literal('resumeClient'), client: int(1, LIMITS.maxClients) }),
], `expected an action whose type is one of ${ACTION_TYPES.join(', ')}`);

export const scenarioSchema = v.strictObject({
  version: v.literal(SCENARIO_VERSION, `expected ${SCENARIO_VERSION}`),
  protocol: v.picklist(['raft', 'paxos', 'multipaxos', '2pc', '3pc'], 'expected "raft", "paxos", "multipaxos", "2pc" or "3pc"'),
  title: v.optional(text(LIMITS.maxTitleLength)),
  /** The built-in lesson this scenario was opened from (its id, as in #lesson=raft-figure8): what the page offers with it. */
  lesson: v.optional(v.pipe(v.string('expected a lesson id'), v.regex(/^[a-z0-9-]{1,60}$/, 'expected a lesson id such as "raft-figure8"'))),
  nodes: int(LIMITS.minNodes, LIMITS.maxNodes),
  seed: v.optional(int(0, 0xffffffff), DEFAULT_SEED),
  /** Paxos: the nodes that may propose (all when absent). */
  proposers: v.optional(v.pipe(v.array(nodeId, 'expected a list of node ids'), v.minLength(1, 'expected at least one proposer'))),
  /**
   * 2PC/3PC: participants that vote no on their own, by node id, with the chance of a no on each
   * transaction (1: always), drawn from the scenario's seed. The others vote as the transaction says.
   */
  voteNo: v.optional(v.record(
    v.pipe(v.string(), v.regex(/^[1-9][0-9]*$/, 'expected a node id as the key')),
    rate,
    'expected participants by node id, each with its chance of voting no, e.g. { "3": 1, "4": 0.3 }',
  )),
  timing: v.optional(timing, {}),
  network: v.optional(network, {}),
  options: v.optional(options, {}),
  /** Clients of the replicated store (Raft and Multi-Paxos): how many, their patience, and how servers answer reads. */
  clients: v.optional(clients),
  /**
   * A storage node outside the cluster that clients write to with the fencing token of their
   * latest lock (`write x 5`); `fencing: false` turns off its check of tokens.
   */
  storage: v.optional(v.strictObject({ fencing: v.optional(v.boolean('expected true or false'), true) })),
  /** The speed to open at (a lesson's pace); without it the run keeps the speed in use. It never changes the run. */
  speed: v.optional(v.pipe(
    v.number(`expected one of the speeds ${SPEEDS.join(', ')}`),
    v.check((x) => (SPEEDS as readonly number[]).includes(x), `expected one of the speeds ${SPEEDS.join(', ')}`),
  )),
  bugs: v.optional(v.pipe(v.array(v.string('expected a bug name'), 'expected a list of bug names'), v.maxLength(20, 'expected at most 20 bugs')), []),
  actions: v.optional(v.pipe(v.array(action, 'expected a list of actions'), v.maxLength(LIMITS.maxActions, `expected at most ${LIMITS.maxActions} actions`)), []),
  narration: v.optional(v.pipe(
    v.array(v.strictObject({
      at: time,
      text: text(LIMITS.maxTextLength),
      /** Pseudocode line ids the step talks about (checked against the protocol's pseudocode). */
      lines: v.optional(v.pipe(v.array(text(80), 'expected a list of pseudocode line ids'), v.maxLength(40, 'expected at most 40 line ids'))),
      /** Claims about the run at this moment, in plain text (src/scenario/claims): checked, never trusted. */
      claims: v.optional(v.pipe(v.array(text(LIMITS.maxClaimLength), 'expected a list of claims'), v.maxLength(LIMITS.maxClaims, `expected at most ${LIMITS.maxClaims} claims`))),
    }), 'expected a list of narration steps'),
    v.maxLength(LIMITS.maxNarration, `expected at most ${LIMITS.maxNarration} narration steps`),
  ), []),
}, 'expected a scenario object');

export type Scenario = v.InferOutput<typeof scenarioSchema>;
/** A scenario as written: optional fields may be left out. */
export type ScenarioInput = v.InferInput<typeof scenarioSchema>;
