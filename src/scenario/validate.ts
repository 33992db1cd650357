import * as v from 'valibot';
import { BUGS_BY_PROTOCOL } from './bugs';
import { FRONTS } from '../engine/clients/front';
import { parseOp } from '../engine/linearizability/history';
import { isCommand } from '../engine/statemachine/kv';
import { COORDINATOR, parseTx } from '../engine/twopc/transaction';
import { PROTOCOLS } from '../engine/protocols';
import { LIMITS } from './defaults';
import { upgrade } from './migrations';
import { NESTED_TOO_DEEPLY, valueTooDeep } from './nesting';
import { parseClaim } from './claims/syntax';
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
  if (valueTooDeep(doc)) return { ok: false, errors: [NESTED_TOO_DEEPLY] };
  const upgraded = upgrade(doc as Record<string, unknown>);
  if (!upgraded.ok) return { ok: false, errors: [upgraded.error] };
  const result = v.safeParse(scenarioSchema, upgraded.doc, { abortPipeEarly: true });
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
    // Own names only: `in` would also see constructor, toString, __proto__...
    if (!Object.hasOwn(known, bug)) errors.push(`bugs[${i}]: expected one of ${Object.keys(known).join(', ')}, found ${describeValue(bug)}`);
  });
  const node = (where: string, id: number) => {
    if (id > n) errors.push(`${where}: expected a node id from 1 to ${n}, found ${id}`);
  };
  const client = (where: string, id: number) => {
    if (s.clients === undefined) errors.push(`${where}.client: the scenario has no clients (add "clients": { "count": ${id} })`);
    else if (id > s.clients.count) errors.push(`${where}.client: expected a client from 1 to ${s.clients.count}, found ${id}`);
  };
  if (s.proposers !== undefined && s.protocol !== 'paxos') {
    errors.push(`proposers: only a Paxos scenario names its proposers (in ${s.protocol} the leader proposes), found ${describeValue(s.proposers)}`);
  }
  s.proposers?.forEach((id, i) => {
    node(`proposers[${i}]`, id);
    if (s.proposers!.indexOf(id) < i) errors.push(`proposers[${i}]: expected each node once, found S${id} twice`);
  });
  if (s.voteNo !== undefined) {
    if (!ATOMIC.has(s.protocol)) errors.push(`voteNo: only 2PC and 3PC participants vote, found it in a ${s.protocol} scenario`);
    for (const key of Object.keys(s.voteNo)) {
      const id = Number(key);
      if (id === COORDINATOR) errors.push(`voteNo.${key}: S${COORDINATOR} is the coordinator, which does not vote; expected a participant from 2 to ${n}`);
      else if (id > n) errors.push(`voteNo.${key}: expected a participant from 2 to ${n}, found ${id}`);
    }
  }
  if (s.clients !== undefined) {
    const front = FRONTS[s.protocol];
    if (front === undefined) errors.push(`clients: only a protocol that replicates the store has clients (raft or multipaxos), found ${describeValue(s.protocol)}`);
    else if (!front.reads.includes(s.clients.reads)) errors.push(`clients.reads: ${s.protocol} offers the read paths ${front.reads.join(', ')}, found ${describeValue(s.clients.reads)}`);
  }
  if (s.storage !== undefined && (s.clients === undefined || FRONTS[s.protocol] === undefined)) {
    errors.push(`storage: the storage node takes writes from clients holding a lock, and this ${s.protocol} scenario has no clients (add "clients": { "count": 2 } to a raft or multipaxos scenario)`);
  }
  errors.push(...latencyChecks(s), ...eventRateChecks(s));
  s.actions.forEach((a, i) => {
    const where = `actions[${i}]`;
    switch (a.type) {
      case 'crash': case 'recover': case 'timeout': case 'pause': case 'resume': case 'drift':
        node(`${where}.node`, a.node);
        break;
      case 'fire': {
        node(`${where}.node`, a.node);
        const timers = PROTOCOLS[s.protocol].timers;
        if (!timers.includes(a.timer)) errors.push(`${where}.timer: expected one of the ${s.protocol} timers ${timers.map((t) => `"${t}"`).join(', ')}, found ${describeValue(a.timer)}`);
        break;
      }
      case 'heal':
        a.nodes?.forEach((id, k) => {
          node(`${where}.nodes[${k}]`, id);
          if (a.nodes!.indexOf(id) < k) errors.push(`${where}.nodes[${k}]: expected each node once, found S${id} twice`);
        });
        break;
      case 'request':
        node(`${where}.node`, a.node);
        if (ATOMIC.has(s.protocol)) {
          errors.push(...transactionChecks(where, a.command, n));
          break;
        }
        if (s.protocol !== 'paxos' && !isCommand(a.command)) {
          errors.push(`${where}.command: expected "set <key> <value>" or "del <key>", found ${describeValue(a.command)}`);
        }
        if (s.protocol === 'paxos' && a.command.trim() === '') errors.push(`${where}.command: expected a value to propose, found an empty one`);
        break;
      case 'transfer':
        node(`${where}.node`, a.node);
        node(`${where}.to`, a.to);
        if (s.protocol !== 'raft') errors.push(`${where}: only Raft has leadership transfer, found it in a ${s.protocol} scenario`);
        if (a.node === a.to) errors.push(`${where}.to: expected a node other than the leader handing over (${a.node}), found ${a.to}`);
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
      case 'invoke': {
        if (a.node !== undefined) node(`${where}.node`, a.node);
        client(where, a.client);
        const op = parseOp(a.op);
        if (op === null) {
          errors.push(`${where}.op: expected "get <key>", "set <key> <value>", "del <key>", "cas <key> <old> <new>", "incr <key>", "acquire <lock> <lease ms>", "release <lock>" or "write <key> <value>", found ${describeValue(a.op)}${/^acquire \S+ (-?\d+|\S+)$/.test(a.op) ? ' (a lease is a whole number of ms above 0)' : ''}`);
        } else if (op.f === 'write' && s.storage === undefined) {
          errors.push(`${where}.op: "${a.op}" writes to the storage node, and the scenario has none (add "storage": {})`);
        }
        break;
      }
      case 'pauseClient': case 'resumeClient':
        client(where, a.client);
        break;
      case 'drop': case 'network': case 'deliver': case 'hold': case 'release': case 'duplicate':
        break;
    }
  });
  const lines = LINES_BY_PROTOCOL[s.protocol];
  s.narration.forEach((step, i) => step.lines?.forEach((id, k) => {
    if (!lines.has(id)) errors.push(`narration[${i}].lines[${k}]: expected a line id of the ${s.protocol} pseudocode (such as "${lines.values().next().value}"), found ${describeValue(id)}`);
  }));
  s.narration.forEach((step, i) => step.claims?.forEach((text, k) => {
    const parsed = parseClaim(text, { protocol: s.protocol, nodes: n, clients: s.clients?.count ?? 0, storage: s.storage !== undefined, at: step.at });
    if (!parsed.ok) errors.push(`narration[${i}].claims[${k}]: ${parsed.error}`);
  }));
  return errors.slice(0, 20);
}

/** The atomic commit protocols take transactions, `tx <id> [no <node>...]`, at their coordinator. */
const ATOMIC = new Set(['2pc', '3pc']);

/** (A transaction asked of a participant is the engine's to refuse, visibly, as the app lets a user try it.) */
function transactionChecks(where: string, command: string, n: number): string[] {
  const tx = parseTx(command);
  if (tx === null) return [`${where}.command: expected "tx <id>", optionally "on <key>,..." and "no <participant>...", found ${describeValue(command)}`];
  const errors: string[] = [];
  for (const p of tx.failing) {
    if (p === COORDINATOR || p > n) errors.push(`${where}.command: expected participants from 2 to ${n} after "no", found ${p}`);
  }
  return errors;
}

/**
 * A network action may change one latency bound only: the other is whatever is in force at
 * that moment, so the actions are followed in time order (as the engine applies them).
 */
function latencyChecks(s: Scenario): string[] {
  const errors: string[] = [];
  let min = s.timing.latencyMin;
  let max = s.timing.latencyMax;
  const inOrder = s.actions.map((a, i) => ({ a, i })).sort((x, y) => x.a.at - y.a.at);
  for (const { a, i } of inOrder) {
    if (a.type !== 'network' || (a.latencyMin === undefined && a.latencyMax === undefined)) continue;
    const nextMin = a.latencyMin ?? min;
    const nextMax = a.latencyMax ?? max;
    if (nextMax < nextMin) {
      errors.push(a.latencyMax !== undefined
        ? `actions[${i}].latencyMax: expected at least the latency minimum in force at ${a.at} ms (${nextMin}), found ${nextMax}`
        : `actions[${i}].latencyMin: expected at most the latency maximum in force at ${a.at} ms (${nextMax}), found ${nextMin}`);
      continue;
    }
    min = nextMin;
    max = nextMax;
  }
  return errors;
}

/**
 * Events per simulated second, estimated as every node messaging every node once per period
 * of the fastest timer, each message counted twice more often with duplication. A 1 ms
 * heartbeat with 100% duplication would otherwise be accepted and then crawl.
 */
function eventRateChecks(s: Scenario): string[] {
  const duplication = Math.max(s.network.duplicateRate, ...s.actions.map((a) => (a.type === 'network' ? a.duplicateRate ?? 0 : 0)));
  const field = s.timing.heartbeatInterval <= s.timing.electionTimeoutMin ? 'heartbeatInterval' : 'electionTimeoutMin';
  const period = s.timing[field];
  const perPeriod = s.nodes * s.nodes * (1 + duplication);
  if ((perPeriod * 1000) / period <= LIMITS.maxEventRate) return [];
  const least = Math.ceil((perPeriod * 1000) / LIMITS.maxEventRate);
  return [`timing.${field}: expected at least ${least} ms for ${s.nodes} nodes with ${Math.round(duplication * 100)}% duplication `
    + `(at most ${LIMITS.maxEventRate.toLocaleString('en')} events per simulated second), found ${period}`];
}
