/**
 * Headless runner: replays a scenario and writes one JSON line per processed event.
 *   npm run sim -- <scenario.json | share link | encoded string> [--until MS] [--states] [--check linearizability]
 * Exit 0 when safe, 1 when a safety check fails (or the client history is not linearizable), 2 on bad input.
 */
import { operationsOf } from '../engine/clients/operations';
import { checkHistory } from '../engine/linearizability/check';
import { operationText } from '../engine/linearizability/history';
import { Run } from '../engine/run';
import { nodeStates, traceLine } from '../engine/traceFormat';
import { toActions, toSimConfig } from '../scenario/config';
import { fail, parseIntArg, readScenarioArg } from './input';

const USAGE = 'usage: npm run sim -- <scenario.json | share link | encoded string> [--until MS] [--states] [--check linearizability]';
const CHECKS = ['linearizability'];

function main(argv: string[]): number {
  let source: string | undefined;
  let until = 10_000;
  let states = false;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--until') until = parseIntArg('--until', argv[++i], 0, 100_000_000);
    else if (a.startsWith('--until=')) until = parseIntArg('--until', a.slice(8), 0, 100_000_000);
    else if (a === '--states') states = true;
    else if (a === '--check' || a.startsWith('--check=')) {
      const what = a === '--check' ? argv[++i] : a.slice(8);
      if (what === undefined || !CHECKS.includes(what)) fail(`--check expects one of ${CHECKS.join(', ')}, found ${what === undefined ? 'nothing' : JSON.stringify(what)}`);
      check = true;
    }
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('--')) fail(`unknown option ${a}; ${USAGE}`);
    else if (source === undefined) source = a;
    else fail(`unexpected argument ${JSON.stringify(a)}; ${USAGE}`);
  }
  if (source === undefined) fail(USAGE);
  const parsed = readScenarioArg(source);
  if (!parsed.ok) fail(`invalid scenario: ${parsed.errors.join('; ')}`);
  const scenario = parsed.scenario;
  if (check && scenario.clients === undefined) fail('--check linearizability: the scenario has no clients (add "clients": { "count": 1 } and "invoke" actions)');
  const run = new Run(toSimConfig(scenario), toActions(scenario));
  const sim = run.sim;
  const out: string[] = [];
  const flush = () => {
    if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  sim.onEvent((rec) => {
    const line = traceLine(rec);
    if (states) line.nodes = nodeStates(sim.protocol, sim.nodes(), sim.contexts);
    out.push(JSON.stringify(line));
    if (out.length >= 512) flush();
  });
  run.runUntil(until);
  flush();
  const summary = {
    protocol: scenario.protocol, events: sim.world.events, endTime: sim.time,
    violations: run.violations, traceHash: sim.traceHash,
  };
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
  if (!check) return run.safe ? 0 : 1;
  // The whole history at the end, operations still under way counted as unknown.
  const history = operationsOf(sim.world.clients!.history);
  const verdict = checkHistory(history);
  const linearizability = verdict.result === 'violation'
    ? { ...verdict, operations: verdict.operations.map((o) => ({ id: o.id, client: o.client, call: o.call, ret: o.ret, text: operationText(o) })) }
    : verdict;
  process.stdout.write(`${JSON.stringify({ linearizability, history: history.map((o) => ({ id: o.id, client: o.client, call: o.call, ret: o.ret, text: operationText(o) })) })}\n`);
  return run.safe && verdict.result !== 'violation' ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
