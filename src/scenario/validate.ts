import * as v from 'valibot';
import { BUGS_BY_PROTOCOL } from './bugs';
import { isCommand } from '../engine/statemachine/kv';
import { SCENARIO_VERSION } from './defaults';
import { LINES_BY_PROTOCOL } from './lines';
import { type Scenario, scenarioSchema } from './schema';

export type Parsed = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function pathOf(path: readonly { key: unknown }[] | undefined): string {
  if (path === undefined || path.length === 0) return '(scenario)';
  return path.map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i === 0 ? '' : '.'}${String(p.key)}`)).join('');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  if (json === undefined) return typeof value;
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

/**
 * Validates a parsed JSON document as a scenario. Errors are precise and readable:
 * "actions[2].node: expected a node id from 1 to 5, found 7". Never throws.
 */
export function parseScenario(doc: unknown): Parsed {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, errors: [`(scenario): expected a scenario object, found ${describeValue(doc)}`] };
  }
  if ('version' in doc && doc.version !== SCENARIO_VERSION) {
    return { ok: false, errors: [`version: this app reads scenario version ${SCENARIO_VERSION}, found ${describeValue(doc.version)}`] };
  }
  const result = v.safeParse(scenarioSchema, doc, { abortPipeEarly: true });
  if (!result.success) {
    const errors = result.issues.slice(0, 20).map((issue) => {
      const where = pathOf(issue.path);
      const found = issue.path?.length ? describeValue(issue.path[issue.path.length - 1].value) : describeValue(issue.input);
      if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
        return `${where}: unknown field`;
      }
      const message = issue.message.startsWith('Invalid') ? `expected ${issue.expected ?? 'something else'}` : issue.message;
      return `${where}: ${message}, found ${found}`;
    });
    return { ok: false, errors };
  }
  const errors = crossChecks(result.output);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: result.output };
}

/** Rules that relate one field to another, which the schema alone cannot say. */
function crossChecks(s: Scenario): string[] {
  const errors: string[] = [];
  const n = s.nodes;
  const t = s.timing;
  if (t.electionTimeoutMax < t.electionTimeoutMin) {
    errors.push(`timing.electionTimeoutMax: expected at least electionTimeoutMin (${t.electionTimeoutMin}), found ${t.electionTimeoutMax}`);
  }
  if (t.latencyMax < t.latencyMin) {
    errors.push(`timing.latencyMax: expected at least latencyMin (${t.latencyMin}), found ${t.latencyMax}`);
  }
  const known = BUGS_BY_PROTOCOL[s.protocol];
  s.bugs.forEach((bug, i) => {
    if (!(bug in known)) errors.push(`bugs[${i}]: expected one of ${Object.keys(known).join(', ')}, found ${describeValue(bug)}`);
  });
  const node = (where: string, id: number) => {
    if (id > n) errors.push(`${where}: expected a node id from 1 to ${n}, found ${id}`);
  };
  s.proposers?.forEach((id, i) => node(`proposers[${i}]`, id));
  s.actions.forEach((a, i) => {
    const where = `actions[${i}]`;
    switch (a.type) {
      case 'crash': case 'recover': case 'timeout':
        node(`${where}.node`, a.node);
        break;
      case 'request':
        node(`${where}.node`, a.node);
        if (s.protocol !== 'paxos' && !isCommand(a.command)) {
          errors.push(`${where}.command: expected "set <key> <value>" or "del <key>", found ${describeValue(a.command)}`);
        }
        if (s.protocol === 'paxos' && a.command.trim() === '') errors.push(`${where}.command: expected a value to propose, found an empty one`);
        break;
      case 'cut': case 'restore':
        node(`${where}.from`, a.from);
        node(`${where}.to`, a.to);
        if (a.from === a.to) errors.push(`${where}.to: expected a node other than from (${a.from}), found ${a.to}`);
        break;
      case 'partition': {
        const seen = new Set<number>();
        a.groups.forEach((g, gi) => g.forEach((id, k) => {
          node(`${where}.groups[${gi}][${k}]`, id);
          if (seen.has(id)) errors.push(`${where}.groups[${gi}][${k}]: expected each node in one group only, found S${id} twice`);
          seen.add(id);
        }));
        break;
      }
      case 'network':
        if (a.latencyMin !== undefined && a.latencyMax !== undefined && a.latencyMax < a.latencyMin) {
          errors.push(`${where}.latencyMax: expected at least latencyMin (${a.latencyMin}), found ${a.latencyMax}`);
        }
        break;
      case 'heal': case 'drop':
        break;
    }
  });
  const lines = LINES_BY_PROTOCOL[s.protocol];
  s.narration.forEach((step, i) => step.lines?.forEach((id, k) => {
    if (!lines.has(id)) errors.push(`narration[${i}].lines[${k}]: expected a line id of the ${s.protocol} pseudocode (such as "${lines.values().next().value}"), found ${describeValue(id)}`);
  }));
  return errors.slice(0, 20);
}
