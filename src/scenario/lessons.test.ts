import { describe, expect, it } from 'vitest';
import type { RaftState } from '../engine/raft/types';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from './config';
import { SPEEDS } from './defaults';
import { brokenRules } from './bugs';
import { openFromHash } from './fromLocation';
import { driveByHand, messageOf, type Policy } from '../engine/fuzz/choices';
import { duelChoice } from '../engine/paxos/adversary';
import type { PaxosMessage } from '../engine/paxos/types';
import { splitVoteChoice } from '../engine/raft/adversary';
import type { RaftMessage } from '../engine/raft/types';
import { pendingChoices } from '../engine/sim/pending';
import type { NodeSlot } from '../engine/sim/types';
import { CLIENT_OUTCOMES } from './clientLessons.test-helper';
import { FLP_DUEL_SCRIPT, LESSONS, type Lesson, lessonById, SPLIT_VOTE_SCRIPT, STEP_MAX_MS } from './lessons';
import { parseScenario } from './validate';

import type { MultiPaxosState } from '../engine/multipaxos/types';
import type { PaxosState } from '../engine/paxos/types';
import { inDoubt, locks } from '../engine/twopc/log';
import type { AtomicState } from '../engine/twopc/types';

/** A node's log records about t1, e.g. ['yes', 'commit']. */
const t1 = (run: Run, id: number) => (run.sim.node(id).state as AtomicState).log.recordsOf('t1');
const decisionAt = (run: Run, id: number) => t1(run, id).find((r) => r === 'commit' || r === 'abort');

function runLesson(lesson: Lesson) {
  const parsed = parseScenario(lesson.scenario);
  if (!parsed.ok) throw new Error(`${lesson.id}: ${parsed.errors.join('; ')}`);
  const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
  const leadersByTerm = new Map<number, number>();
  run.sim.onEvent(() => {
    for (const n of run.sim.nodes()) {
      const s = n.state as RaftState;
      if (n.up && s.currentRole === 'leader') leadersByTerm.set(s.currentTerm, n.id);
    }
  });
  if (lesson.scenario.protocol !== 'raft') {
    run.runUntil(lesson.endsAt);
    return { run, nodes: [], leaders: [], leadersByTerm, scenario: parsed.scenario };
  }
  run.runUntil(lesson.endsAt);
  const nodes = run.sim.nodes().map((n) => ({ id: n.id, up: n.up, ...(n.state as RaftState) }));
  const leaders = nodes.filter((n) => n.up && n.currentRole === 'leader');
  return { run, nodes, leaders, leadersByTerm, scenario: parsed.scenario };
}

function parseOk(lesson: Lesson) {
  const parsed = parseScenario(lesson.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

const commands = (n: { log: { slice(from: number, to: number): { command: string }[] }; commitLength: number }) => n.log.slice(0, n.commitLength).map((e) => e.command);

/** Each lesson's stated outcome, checked by running it. */
const OUTCOMES: Record<string, (r: ReturnType<typeof runLesson>) => void> = {
  'raft-election': ({ leaders }) => {
    expect(leaders.map((l) => [l.id, l.currentTerm])).toEqual([[3, 1]]);
  },
  'raft-split-vote': ({ leaders, leadersByTerm }) => {
    expect(leadersByTerm.has(1)).toBe(false);
    expect(leaders).toHaveLength(1);
    expect(leaders[0].currentTerm).toBeGreaterThanOrEqual(2);
  },
  'raft-replication': ({ nodes }) => {
    for (const n of nodes) expect(commands(n)).toEqual(['set x 1']);
  },
  'raft-leader-crash': ({ nodes, leaders }) => {
    expect(nodes[0].up).toBe(false);
    expect(leaders).toHaveLength(1);
    expect(leaders[0].id).not.toBe(1);
    expect(leaders[0].currentTerm).toBeGreaterThan(1);
  },
  'raft-split-brain': ({ nodes, leaders }) => {
    expect(leaders).toHaveLength(1);
    expect(leaders[0].currentTerm).toBeGreaterThanOrEqual(2);
    for (const n of nodes) {
      expect(n.log.slice().map((e) => e.command)).toEqual(['set kept 1']);
      expect(n.commitLength).toBe(1);
    }
  },
  'raft-persistence': ({ nodes, run }) => {
    const s2 = nodes[1];
    expect(s2.up).toBe(true);
    expect(s2.votedFor).toBe(1);
    expect(commands(s2)).toEqual(['set a 1', 'set b 2']);
    expect(run.safe).toBe(true);
  },
  'raft-figure8': ({ leaders, nodes }) => {
    expect(leaders.map((l) => [l.id, l.currentTerm])).toEqual([[5, 4]]);
    expect(nodes.filter((n) => n.log.at(0)?.command === 'set y 2').length).toBeGreaterThanOrEqual(3);
  },
  'paxos-basic': ({ run }) => {
    for (const n of run.sim.nodes()) expect((n.state as PaxosState).learned).toBe('blue');
  },
  'paxos-acceptor-failure': ({ run }) => {
    for (const n of run.sim.nodes()) expect([n.id, n.up ? (n.state as PaxosState).learned : 'down']).toEqual([n.id, n.id === 4 ? 'down' : 'blue']);
  },
  'paxos-proposer-failure': ({ run }) => {
    const s5 = run.sim.node(5).state as PaxosState;
    expect(s5.value).toBe('green');
    expect(s5.proposal).toBe('red');
    for (const n of run.sim.nodes()) if (n.up) expect((n.state as PaxosState).learned).toBe('red');
  },
  'paxos-livelock': ({ run }) => {
    const states = run.sim.nodes().map((n) => n.state as PaxosState);
    expect(states.every((s) => s.learned === null)).toBe(true);
    expect(Math.max(...states.map((s) => s.maxRound))).toBeGreaterThan(10);
  },
  'paxos-backoff': ({ run }) => {
    const learned = run.sim.nodes().map((n) => (n.state as PaxosState).learned);
    expect(learned.every((v) => v !== null && v === learned[0])).toBe(true);
  },
  'multipaxos-failover': ({ run }) => {
    const live = run.sim.nodes().filter((n) => n.up).map((n) => n.state as MultiPaxosState);
    expect(live.filter((s) => s.role === 'leader').length).toBe(1);
    expect(run.sim.node(4).state).toMatchObject({ role: 'leader' });
    for (const s of live) {
      expect(s.decided.toJSON()).toEqual({ 1: 'set a 1', 2: 'noop', 3: 'set c 3', 4: 'set d 4' });
      expect(s.applied).toBe(4);
    }
  },
  'raft-majority': ({ nodes, leaders, run }) => {
    expect(leaders.map((l) => l.id)).toEqual([1]);
    expect(nodes[2].up).toBe(false);
    for (const n of nodes.slice(0, 2)) expect(commands(n)).toEqual(['noop', 'set a 1', 'set b 2', 'set c 3']);
    expect(run.stall()).toBeNull();
  },
  'raft-false-suspicion': ({ nodes, leaders, leadersByTerm }) => {
    expect(leadersByTerm.get(1)).toBe(1);
    expect(leaders.map((l) => [l.id, l.currentTerm])).toEqual([[3, 2]]);
    expect(nodes.every((n) => n.up)).toBe(true);
    for (const n of nodes) expect(commands(n)).toEqual(['noop', 'set a 1', 'noop', 'set b 2']);
  },
  'raft-transfer': ({ nodes, leaders, leadersByTerm }) => {
    // Term 2 went to the target of the transfer, term 3 to whoever timed out after it crashed.
    expect([leadersByTerm.get(1), leadersByTerm.get(2)]).toEqual([1, 3]);
    expect(leaders.map((l) => [l.id, l.currentTerm])).toEqual([[4, 3]]);
    expect(nodes[2].up).toBe(false);
    for (const n of nodes) expect(n.log.slice(0, n.log.length).map((e) => e.command)).not.toContain('set b 2');
    for (const n of nodes.filter((x) => x.up)) expect(commands(n).slice(0, 2)).toEqual(['noop', 'set a 1']);
  },
  'paxos-proposer-early-failure': ({ run }) => {
    expect(run.sim.node(1).up).toBe(false);
    for (const n of run.sim.nodes()) if (n.up) expect((n.state as PaxosState).learned).toBe('green');
  },
  'paxos-learner-catchup': ({ run }) => {
    const s4 = run.sim.node(4).state as PaxosState;
    expect([s4.value, s4.proposal]).toEqual(['green', 'blue']);
    for (const n of run.sim.nodes()) expect((n.state as PaxosState).learned).toBe('blue');
  },
  'multipaxos-pipelining': ({ run }) => {
    for (const n of run.sim.nodes()) {
      const s = n.state as MultiPaxosState;
      expect(s.decided.toJSON()).toEqual({ 1: 'set a 1', 2: 'set b 2', 3: 'set c 3', 4: 'set d 4' });
      expect(s.applied).toBe(4);
    }
  },
  'raft-split-forever': ({ nodes, leadersByTerm, run }) => {
    expect(leadersByTerm.size).toBe(0);
    expect(nodes.map((n) => n.currentTerm)).toEqual([3, 3, 3, 3]);
    expect(nodes.map((n) => n.votedFor)).toEqual([1, 2, 1, 2]);
    expect(run.sim.world.manual).toBe(true);
  },
  'raft-any-order': ({ leaders, leadersByTerm, run }) => {
    expect(leaders.map((l) => [l.id, l.currentTerm])).toEqual([[5, 1]]);
    expect([...leadersByTerm.entries()]).toEqual([[1, 5]]);
    // The nasty order really was nasty: duplicates were delivered, and votes arrived after requests sent later.
    expect(run.sim.world.events).toBeGreaterThan(50);
  },
  'raft-three-way': ({ nodes, leaders, leadersByTerm }) => {
    expect(leaders).toHaveLength(1);
    expect([1, 2, 3, 4, 5]).toContain(leaders[0].id);
    for (const n of nodes) expect(commands(n).filter((c) => c !== 'noop')).toEqual(['set x 1']);
    expect([...leadersByTerm.values()].length).toBeGreaterThanOrEqual(1);
  },
  'paxos-flp': ({ run }) => {
    const states = run.sim.nodes().map((n) => n.state as PaxosState);
    expect(states.every((s) => s.learned === null && s.accepted === null)).toBe(true);
    expect(Math.max(...states.map((s) => s.maxRound))).toBe(3);
  },
  'atomic-2pc-commit': ({ run }) => {
    expect(t1(run, 1)).toEqual(['commit', 'end']);
    for (const id of [2, 3, 4]) {
      expect(t1(run, id)).toEqual(['yes', 'commit']);
      expect(locks(run.sim.node(id).state as AtomicState)).toEqual([]);
    }
  },
  'atomic-2pc-no': ({ run }) => {
    expect(t1(run, 3)).toEqual(['abort']);
    expect(decisionAt(run, 1)).toBe('abort');
    for (const id of [2, 3, 4]) {
      expect(decisionAt(run, id)).toBe('abort');
      expect(locks(run.sim.node(id).state as AtomicState)).toEqual([]);
    }
  },
  'atomic-2pc-blocking': ({ run }) => {
    for (const id of [2, 3, 4]) expect(t1(run, id)).toEqual(['yes', 'commit']);
    // Replayed to just before S1 recovers: every participant is in doubt, holding t1's locks.
    const again = new Run(run.config, toActions(parseOk(lessonById('atomic-2pc-blocking')!)));
    again.runUntil(999);
    expect(again.sim.node(1).up).toBe(false);
    for (const id of [2, 3, 4]) {
      expect(inDoubt(again.sim.node(id).state as AtomicState)).toEqual(['t1']);
      expect(locks(again.sim.node(id).state as AtomicState)).toEqual(['t1']);
    }
  },
  'atomic-3pc-crash': ({ run }) => {
    const again = new Run(run.config, toActions(parseOk(lessonById('atomic-3pc-crash')!)));
    again.runUntil(450);
    expect(again.sim.node(1).up).toBe(false);
    for (const id of [2, 3, 4]) {
      expect(decisionAt(again, id)).toBe('abort');
      expect(locks(again.sim.node(id).state as AtomicState)).toEqual([]);
    }
  },
  'atomic-3pc-partition': ({ run }) => {
    expect([1, 2, 3, 4].map((id) => decisionAt(run, id))).toEqual(['commit', 'commit', 'abort', 'abort']);
    expect(run.violations[0]).toMatchObject({ predicate: 'atomicity', t: 485, nodes: [1, 3] });
  },
  'atomic-2pc-locks': ({ run }) => {
    const s1 = run.sim.node(1).state as AtomicState;
    expect(['t1', 't2', 't3'].map((tx) => s1.log.recordsOf(tx).find((r) => r === 'commit' || r === 'abort'))).toEqual(['commit', 'abort', 'commit']);
    // t2's only no vote came from S4, the participant still in doubt on t1.
    for (const id of [2, 3]) expect((run.sim.node(id).state as AtomicState).log.recordsOf('t2')).toContain('yes');
    expect((run.sim.node(4).state as AtomicState).log.recordsOf('t2')).not.toContain('yes');
  },
  'atomic-raft-contrast': ({ nodes, leaders }) => {
    expect(leaders).toHaveLength(1);
    expect(leaders[0].id).not.toBe(1);
    expect(leaders[0].currentTerm).toBeGreaterThan(1);
    for (const n of nodes) expect(commands(n).filter((c) => c !== 'noop')).toEqual(['set t1 1', 'set t2 2']);
  },
  'raft-lossy-network': ({ nodes, leaders }) => {
    expect(leaders).toHaveLength(1);
    const committed = nodes.map(commands);
    for (const c of committed) expect(c).toEqual(committed[0]);
    expect(committed[0].filter((c) => c !== 'noop').length).toBeGreaterThan(0);
  },
  ...CLIENT_OUTCOMES,
};

describe('built-in lessons', () => {
  it('every lesson has an outcome check, a valid scenario and narration in time order', () => {
    expect(LESSONS.map((l) => l.id).sort()).toEqual(Object.keys(OUTCOMES).sort());
    for (const l of LESSONS) {
      const parsed = parseScenario(l.scenario);
      expect(parsed.ok, l.id).toBe(true);
      const times = (l.scenario.narration ?? []).map((n) => n.at);
      expect(times, l.id).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((t) => t <= l.endsAt), l.id).toBe(true);
    }
  });

  it('every lesson opens at a pace where each click of Next plays out within a few seconds', () => {
    for (const l of LESSONS) {
      const times = [0, ...(l.scenario.narration ?? []).map((n) => n.at)];
      const longest = Math.max(...times.slice(1).map((t, i) => t - times[i]));
      const k = (SPEEDS as readonly number[]).indexOf(l.speed);
      expect(k, `${l.id} speed ${l.speed}`).toBeGreaterThanOrEqual(0);
      expect(longest / l.speed, `${l.id}: its longest step, in real ms`).toBeLessThanOrEqual(STEP_MAX_MS);
      // And no faster than that asks: slow enough to follow the messages.
      if (k > 0) expect(longest / SPEEDS[k - 1], `${l.id} could play slower`).toBeGreaterThan(STEP_MAX_MS);
      expect(openFromHash(`#lesson=${l.id}`).scenario.speed, l.id).toBe(l.speed);
    }
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s reaches its stated outcome, safely (or failing just the checks it sets out to show)', (_id, lesson) => {
    const r = runLesson(lesson);
    expect([...new Set(r.run.violations.map((v) => v.predicate))]).toEqual(lesson.violates ?? []);
    OUTCOMES[lesson.id](r);
  });
});

describe('"run this with a rule broken": the lesson shows what its offer says', () => {
  const offers = LESSONS.flatMap((l) => (l.tryBroken === undefined ? [] : [[l.id, l.tryBroken.bug, l] as const]));

  it.each(offers)('%s with %s', (_id, bug, lesson) => {
    const rule = brokenRules(lesson.scenario.protocol).find((r) => r.bug === bug)!;
    const parsed = parseScenario({ ...lesson.scenario, bugs: [bug] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    run.runUntil(lesson.endsAt);
    if (rule.livenessOnly) {
      expect(run.violations).toEqual([]);
      expect(run.stall()).not.toBeNull();
      expect(lesson.tryBroken!.check).toBe('liveness');
    } else {
      expect(run.violations[0]?.predicate).toBe(lesson.tryBroken!.check);
    }
  });
});

describe('a narration step that names pseudocode lines talks about lines that run around it', () => {
  const steps = LESSONS.flatMap((lesson) => (lesson.scenario.narration ?? []).flatMap((step, i, all) =>
    step.lines === undefined ? [] : [[lesson.id, step.at, step.lines, lesson, all[i - 1]?.at ?? 0, all[i + 1]?.at ?? lesson.endsAt] as const]));

  it.each(steps)('%s at %i ms names %j', (_id, _at, lines, lesson, from, to) => {
    const parsed = parseScenario(lesson.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    const ran = new Set<string>();
    // Between the step before and the step after: what the class watches while this step is on screen.
    run.sim.onEvent((rec) => { if (rec.t >= from && rec.t <= to) for (const l of rec.lines ?? []) ran.add(l.id); });
    run.runUntil(to);
    expect(lines.filter((id) => !ran.has(id))).toEqual([]);
  });
});

describe('the network-by-hand lessons', () => {
  /** Runs a lesson's scenario without its scripted choices, then lets the adversary choose as many. */
  function adversaryScript(lesson: Lesson, policy: Policy, from: number): string {
    const parsed = parseScenario({ ...lesson.scenario, actions: (lesson.scenario.actions ?? []).filter((a) => a.at < from) });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    run.runUntil(from - 1);
    const scripted = (lesson.scenario.actions ?? []).filter((a) => a.at >= from).length;
    return driveByHand(run, policy, scripted).map((a) => (a.type === 'deliver' ? `d${a.message}` : a.type === 'fire' ? `f${a.node}` : a.type)).join(' ');
  }

  it('the FLP duel (P6) is what the adversary plays', () => {
    const duel: Policy = (run) => duelChoice(pendingChoices(run.sim), run.sim.nodes() as NodeSlot<PaxosState>[], (id) => messageOf<PaxosMessage>(run, id));
    expect(adversaryScript(lessonById('paxos-flp')!, duel, 12)).toBe(FLP_DUEL_SCRIPT);
  });

  it('the split votes (lesson 9) are what the adversary plays', () => {
    const split: Policy = (run) => splitVoteChoice(pendingChoices(run.sim), run.sim.nodes() as NodeSlot<RaftState>[], (id) => messageOf<RaftMessage>(run, id), [1, 2]);
    expect(adversaryScript(lessonById('raft-split-forever')!, split, 1)).toBe(SPLIT_VOTE_SCRIPT);
  });

  it('the three-way partition elects nobody and commits nothing until S5 rejoins', () => {
    const lesson = lessonById('raft-three-way')!;
    const parsed = parseScenario(lesson.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    let leaderBefore = false;
    run.sim.onEvent((rec) => { if (rec.rule === 'raft.becomeLeader' && rec.kind !== 'refused' && rec.t < 1200) leaderBefore = true; });
    run.runUntil(1199);
    expect(leaderBefore).toBe(false);
    expect(run.sim.nodes().every((n) => (n.state as RaftState).commitLength === 0)).toBe(true);
    expect(run.sim.nodes().some((n) => (n.state as RaftState).currentTerm >= 2)).toBe(true);
  });
});
