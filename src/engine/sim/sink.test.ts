import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toActions, toSimConfig } from '../../scenario/config';
import { parseScenarioJson } from '../../scenario/codec';
import { PROTOCOLS } from '../protocols';
import type { Context, Effect, EffectSink, Protocol, Step } from './protocol';
import { Simulation } from './simulation';

/**
 * In a simulation, a handler's outbox hands each effect to the simulation as it is made
 * (Context.sink) instead of returning it. For every handler run of every golden scenario,
 * the effects handed over are those the same handler returns as data without a sink, in the
 * same order, and the step then returns none.
 */
const DIR = join(import.meta.dirname, '..', 'golden');
const CASES = ['election', 'replication', 'leader-crash', 'figure8', 'paxos-duel', 'multipaxos-failover', '2pc-blocking', '3pc-termination', 'transfer'];

type Msg = { type: string };

function recording(into: Effect<Msg>[]): EffectSink {
  return {
    send: (_from, to, msg) => into.push({ kind: 'send', to, msg: msg as Msg }),
    startTimer: (_node, name, min, max) => into.push({ kind: 'timer', name, min, max }),
    cancelTimer: (_node, name) => into.push({ kind: 'cancel', name }),
    apply: (index, command) => into.push({ kind: 'apply', index, command }),
    unseen: false,
  };
}

/** The protocol, checking each run of a handler both ways before running it for the simulation. */
function checked(p: Protocol<unknown, Msg>, count: { runs: number; effects: number }): Protocol<unknown, Msg> {
  const both = (run: (ctx: Context) => Step<unknown, Msg>, ctx: Context) => {
    const asData = run({ ...ctx, sink: undefined, marking: undefined }).effects;
    const handed: Effect<Msg>[] = [];
    expect(run({ ...ctx, sink: recording(handed) }).effects).toEqual([]);
    expect(handed).toEqual(asData);
    count.runs++;
    count.effects += handed.length;
    return run(ctx);
  };
  return {
    ...p,
    handle: (s, input, ctx) => both((c) => p.handle(s, input, c), ctx),
    ...(p.transfer !== undefined ? { transfer: (s: unknown, to: number, ctx: Context) => both((c) => p.transfer!(s, to, c), ctx) } : {}),
  };
}

describe('effects handed to the simulation as they are made', () => {
  it.each(CASES)('%s: the same effects, in the same order, as the handler returns without a sink', (name) => {
    const parsed = parseScenarioJson(readFileSync(join(DIR, `${name}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const config = toSimConfig(parsed.scenario);
    const count = { runs: 0, effects: 0 };
    const sim = new Simulation(checked(PROTOCOLS[config.protocol].protocol, count), config, toActions(parsed.scenario));
    sim.runUntil(1500);
    expect(count.runs).toBeGreaterThan(10);
    expect(count.effects).toBeGreaterThan(count.runs);
  });
});
