/**
 * Headless runner: replays a scenario and writes one JSON line per processed event, checking
 * the claims its narration makes on the way.
 *   npm run sim -- <scenario.json | share link | encoded string> [--until MS] [--states] [--check linearizability] [--side left|right]
 *   npm run sim -- --lesson <id> [--until MS] [--states] [--check linearizability]
 * Exit 0 when safe and every claim holds, 1 when a safety check fails (or the client history
 * is not linearizable), 2 on bad input, 3 when a claim does not hold.
 */
import { operationsOf } from '../engine/clients/operations';
import { checkHistory } from '../engine/linearizability/check';
import { operationText } from '../engine/linearizability/history';
import { Run } from '../engine/run';
import { nodeStates, traceLine } from '../engine/traceFormat';
import { ClaimChecker } from '../scenario/claims/check';
import { toActions, toSimConfig } from '../scenario/config';
import { LESSONS, lessonById } from '../scenario/lessons';
import { parseScenario } from '../scenario/validate';
import { EXIT } from './exitCodes';
import { fail, parseIntArg, readScenarioArg } from './input';

const USAGE = 'usage: npm run sim -- <scenario.json | share link | encoded string> [--until MS] [--states] [--check linearizability] [--side left|right], or npm run sim -- --lesson <id> [--until MS] [--states] [--check linearizability]';
const CHECKS = ['linearizability'];

function main(argv: string[]): number {
  let source: string | undefined;
  let lesson: string | undefined;
  let until: number | undefined;
  let states = false;
  let check = false;
  let side: 'left' | 'right' = 'left';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--until') until = parseIntArg('--until', argv[++i], 0, 100_000_000);
    else if (a.startsWith('--until=')) until = parseIntArg('--until', a.slice(8), 0, 100_000_000);
    else if (a === '--states') states = true;
    else if (a === '--side' || a.startsWith('--side=')) {
      const which = a === '--side' ? argv[++i] : a.slice(7);
      if (which !== 'left' && which !== 'right') fail(`--side expects left or right, found ${which === undefined ? 'nothing' : JSON.stringify(which)}`);
      side = which;
    }
    else if (a === '--check' || a.startsWith('--check=')) {
      const what = a === '--check' ? argv[++i] : a.slice(8);
      if (what === undefined || !CHECKS.includes(what)) fail(`--check expects one of ${CHECKS.join(', ')}, found ${what === undefined ? 'nothing' : JSON.stringify(what)}`);
      check = true;
    }
    else if (a === '--lesson') lesson = argv[++i] ?? fail(`--lesson expects a lesson id (${LESSONS.map((l) => l.id).join(', ')})`);
    else if (a.startsWith('--lesson=')) lesson = a.slice(9);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.safe;
    } else if (a.startsWith('--')) fail(`unknown option ${a}; ${USAGE}`);
    else if (source === undefined) source = a;
    else fail(`unexpected argument ${JSON.stringify(a)}; ${USAGE}`);
  }
  if ((source === undefined) === (lesson === undefined)) fail(USAGE);
  const chosen = lesson === undefined ? undefined : lessonById(lesson);
  if (lesson !== undefined && chosen === undefined) fail(`no lesson "${lesson}"; the lessons are ${LESSONS.map((l) => l.id).join(', ')}`);
  const parsed = chosen !== undefined ? parseScenario(chosen.scenario) : readScenarioArg(source!, side);
  if (!parsed.ok) fail(`invalid scenario: ${parsed.errors.join('; ')}`);
  const scenario = parsed.scenario;
  if (check && scenario.clients === undefined) fail('--check linearizability: the scenario has no clients (add "clients": { "count": 1 } and "invoke" actions)');
  // A lesson runs to the moment its outcome speaks of; anything else for ten seconds.
  const end = until ?? chosen?.endsAt ?? 10_000;
  const run = new Run(toSimConfig(scenario), toActions(scenario));
  const claims = new ClaimChecker(scenario, run);
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
  claims.runUntil(end);
  flush();
  const report = claims.report();
  const summary = {
    protocol: scenario.protocol, events: sim.world.events, endTime: sim.time,
    violations: run.violations, traceHash: sim.traceHash,
    /** No settled leader, or work undecided, for three election timeouts at the end (safety checks cannot see it). */
    stall: run.stall(),
    claims: {
      checked: report.checked, failed: report.failed,
      failures: report.steps.flatMap((s) => s.results.filter((r) => !r.holds).map((r) => ({ step: s.step, at: s.at, claim: r.claim, found: r.found }))),
    },
  };
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
  const verdict = run.safe ? EXIT.safe : EXIT.unsafe;
  const claimed = verdict === EXIT.safe && report.failed > 0 ? EXIT.claimFails : verdict;
  if (!check) return claimed;
  // The whole history at the end, operations still under way counted as unknown.
  const history = operationsOf(sim.world.clients!.history);
  const found = checkHistory(history);
  const linearizability = found.result === 'violation'
    ? { ...found, operations: found.operations.map((o) => ({ id: o.id, client: o.client, call: o.call, ret: o.ret, text: operationText(o) })) }
    : found;
  process.stdout.write(`${JSON.stringify({ linearizability, history: history.map((o) => ({ id: o.id, client: o.client, call: o.call, ret: o.ret, text: operationText(o) })) })}\n`);
  return found.result === 'violation' ? EXIT.unsafe : claimed;
}

process.exitCode = main(process.argv.slice(2));
