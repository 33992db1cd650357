/**
 * Random fault schedules with every safety check on.
 *   npm run fuzz -- --protocol raft --schedules N [--seed S] [--bug NAME]
 * Prints liveness and a final line `schedules=N events=E violations=V rate=R schedules/s`.
 * On a violation it prints the failing scenario as JSON (replay it with `npm run sim`) and exits 1.
 */
import { explore } from '../engine/fuzz/explore';
import { PROTOCOLS, protocolNames } from '../engine/protocols';
import type { SimConfig } from '../engine/sim/types';
import type { Action } from '../engine/sim/types';
import { fail, parseIntArg } from './input';

const USAGE = 'usage: npm run fuzz -- --protocol <name> --schedules N [--seed S] [--bug NAME]';

function scenarioOf(config: SimConfig, actions: Action[]): Record<string, unknown> {
  return {
    version: 1, protocol: config.protocol, title: 'Found by npm run fuzz', nodes: config.nodes, seed: config.seed,
    timing: config.timing, network: config.network, options: config.options, bugs: config.bugs, actions,
  };
}

function main(argv: string[]): number {
  let protocol: string | undefined;
  let schedules: number | undefined;
  let seed = 1;
  const bugs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} expects a value; ${USAGE}`));
    if (a === '--protocol') protocol = value();
    else if (a === '--schedules') schedules = parseIntArg('--schedules', value(), 1, 10_000_000);
    else if (a === '--seed') seed = parseIntArg('--seed', value(), 0, 0xffffffff);
    else if (a === '--bug') bugs.push(value());
    else fail(`unknown argument ${JSON.stringify(a)}; ${USAGE}`);
  }
  if (protocol === undefined) fail(`--protocol is required (one of ${protocolNames().join(', ')}); ${USAGE}`);
  const entry = PROTOCOLS[protocol];
  if (entry === undefined) fail(`unknown protocol ${JSON.stringify(protocol)}: expected one of ${protocolNames().join(', ')}`);
  if (schedules === undefined) fail(`--schedules is required; ${USAGE}`);
  for (const bug of bugs) {
    if (!(bug in entry.protocol.bugs)) fail(`unknown bug ${JSON.stringify(bug)} for ${protocol}: expected one of ${Object.keys(entry.protocol.bugs).join(', ')}`);
  }
  const started = performance.now();
  const result = explore(protocol, schedules, seed, bugs);
  const seconds = (performance.now() - started) / 1000;
  const failure = result.firstFailure;
  if (failure !== null) {
    const v = failure.violations[0];
    process.stdout.write(`violation in schedule ${result.schedules}: ${v.predicate} at event ${v.seq} (t=${v.t}): ${v.text}\n`);
    process.stdout.write(`${JSON.stringify(scenarioOf(failure.schedule.config, failure.schedule.actions))}\n`);
  }
  process.stdout.write(`liveness=${((100 * result.live) / result.schedules).toFixed(1)}%\n`);
  process.stdout.write(`schedules=${result.schedules} events=${result.events} violations=${result.violations} rate=${(result.schedules / seconds).toFixed(1)} schedules/s\n`);
  return failure === null ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
