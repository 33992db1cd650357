import { parseOp } from '../../engine/linearizability/history';
import { FIELDS, type FieldSpec, MESSAGES, predicatesOf, type Scalar } from './vocabulary';

/**
 * Claims: statements about a run at a narration step's moment, in plain text a lecturer can
 * type, one per line. Every claim may start with `not`. Times are virtual milliseconds; a
 * window `in A..B` includes both ends and, when left out, is the whole run up to the step.
 *
 *   S3 role = leader            S2 log length = 3          S1,S3 log[1] = "set y 2"
 *   all committed = "set a 1", "set b 2"                   live term >= 2
 *   S2 down                     leader = S4                leader in S2, S3    leaders = 1
 *   S1 learned = blue           chosen = blue              S4 slot 2 = noop
 *   delivered ClientRequest S2->S4 in 500..1000            not lost LogRequest *->S2
 *   delivered LogResponse S2->S1 success=false in 900..1000
 *   S3 timed out in 300..362    S3 timer ran out           S3 was forced to time out
 *   S4 became leader in 300..400                           first to time out in 200..364 = S4
 *   safe                        electionSafety holds       committedPrefix broken
 *   stalled  (the liveness watch: no settled leader, or work undecided, for three election timeouts)
 *
 * The network as the student plays it, at the step's moment or in a window:
 *   S2 paused                   held VoteRequest S1->S3    in flight Accept S5->*
 *   duplicated VoteResponse *->S1 in 4..12  (a copy the network made was delivered)
 * Atomic commit (2PC, 3PC), per server and transaction:
 *   S2 tx t1 = in doubt  (working, in doubt, pre-committed, committed, aborted, none)
 *   S3 vote t1 = no      S1 decision t1 = commit      S2 locks = t1      S2 locks = none
 *   S1 log has commit t1            S2 backup = t1 (3PC: it runs the termination protocol)
 *   atomicity broken
 * Clients of the store (a scenario with clients), by their latest operation of that text:
 *   client 2 get x returned 1       client 1 set x 2 is ok (ok, failed, unknown, pending, stale)
 *   client 2 get x answered by S4   client 1 incr n tries = 2        linearizable broken
 * Locks and the storage node (a scenario with "storage"):
 *   client 1 acquire L 300 returned 2  client 1 write x 3 is rejected  client 2 token = 4
 *   S1 lock L = client 2   all lock L = none   storage x = 2   storage x token = 4   fencing broken
 */

export type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'has' | 'lacks';

/** Servers a claim is about: listed, every one, or every one that is up at the moment. */
export type Servers = readonly number[] | 'all' | 'live';

export interface Window {
  readonly from: number;
  readonly to: number;
}

/** delivered, lost and duplicated look at a window; held and in flight at the step's moment. */
export type MessageFate = 'delivered' | 'lost' | 'duplicated' | 'held' | 'in flight';

/** What a client claim says of an operation: how it ended, what it returned, who answered, how many attempts. */
export type ClientAsk = 'is' | 'returned' | 'answered by' | 'tries';
/** `rejected` is `failed` in the storage node's words. */
export const OUTCOMES = ['ok', 'failed', 'rejected', 'unknown', 'pending', 'stale'] as const;

export type NodeEvent = 'timedOut' | 'timerRanOut' | 'forcedTimeout' | 'becameLeader';

export type ClaimBody =
  | { kind: 'field'; servers: Servers; field: FieldSpec; arg: string | undefined; name: string; op: Op; value: readonly Scalar[] }
  | { kind: 'status'; servers: Servers; status: 'up' | 'down' | 'paused' }
  | { kind: 'leader'; op: Op; value: readonly Scalar[] }
  | { kind: 'leaders'; op: Op; value: number }
  | { kind: 'chosen'; op: Op; value: readonly Scalar[] }
  | { kind: 'safety'; predicate: string | null; holds: boolean }
  | { kind: 'stalled' }
  | { kind: 'message'; fate: MessageFate; type: string; from: number | null; to: number | null; fields: readonly (readonly [string, Scalar])[]; window: Window }
  | { kind: 'client'; client: number; op: string; asks: ClientAsk; value: Scalar; cmp: Op }
  /** The fencing token of a client's latest successful acquire (none before one). */
  | { kind: 'token'; client: number; op: Op; value: Scalar }
  /** Who holds a lock in a server's copy of the lock service: `client 2`, or none. */
  | { kind: 'lock'; servers: Servers; lock: string; op: Op; value: Scalar }
  /** The storage node's value of a key, or the token of the write that put it there. */
  | { kind: 'storage'; key: string; asks: 'value' | 'token'; op: Op; value: Scalar }
  | { kind: 'event'; servers: readonly number[]; event: NodeEvent; window: Window }
  | { kind: 'first'; window: Window; op: Op; value: readonly Scalar[] };

export interface Claim {
  /** As written (trimmed): how results and errors name it. */
  readonly text: string;
  readonly negated: boolean;
  readonly body: ClaimBody;
}

export interface ClaimContext {
  protocol: string;
  nodes: number;
  /** How many clients the scenario has (none: no client claims, no linearizability check). */
  clients?: number;
  /** Whether it has a storage node (locks' fencing claims, the fencing check). */
  storage?: boolean;
  /** The step's moment: a claim looks at the run up to it, not beyond. */
  at: number;
}

export type ParsedClaim = { ok: true; claim: Claim } | { ok: false; error: string };

class ClaimError extends Error {}
const bad = (message: string): never => { throw new ClaimError(message); };

const OPS: readonly Op[] = ['!=', '<=', '>=', '=', '<', '>', 'in', 'has', 'lacks'];
const NODE_EVENTS: Readonly<Record<string, NodeEvent>> = {
  'timed out': 'timedOut', 'timer ran out': 'timerRanOut', 'was forced to time out': 'forcedTimeout', 'became leader': 'becameLeader',
};

/** Parses one claim; the error says what was expected, in the claim's own terms. */
export function parseClaim(source: string, ctx: ClaimContext): ParsedClaim {
  const text = source.trim().replace(/\s+/g, ' ');
  try {
    if (text === '') bad('expected a claim, found an empty line');
    const negated = /^not /i.test(text);
    const body = parseBody(negated ? text.slice(4) : text, ctx);
    return { ok: true, claim: { text, negated, body } };
  } catch (e) {
    if (e instanceof ClaimError) return { ok: false, error: e.message };
    throw e;
  }
}

function parseBody(text: string, ctx: ClaimContext): ClaimBody {
  let m: RegExpExecArray | null;
  if (/^safe$/i.test(text)) return { kind: 'safety', predicate: null, holds: true };
  if (/^stalled$/i.test(text)) return { kind: 'stalled' };
  if ((m = /^(\w+) (holds|broken)$/i.exec(text)) !== null) {
    const known = predicatesOf(ctx.protocol, (ctx.clients ?? 0) > 0, ctx.storage === true);
    if (!known.includes(m[1])) bad(`expected a ${ctx.protocol} safety check (${known.join(', ')}), found "${m[1]}"`);
    return { kind: 'safety', predicate: m[1], holds: m[2].toLowerCase() === 'holds' };
  }
  if ((m = /^(delivered|lost|duplicated|held|in flight) (.*)$/i.exec(text)) !== null) return parseMessage(m[1].toLowerCase() as MessageFate, m[2], ctx);
  if ((m = /^client (\d+) (.*)$/i.exec(text)) !== null) return parseClient(Number(m[1]), m[2], ctx);
  if ((m = /^storage (.*)$/i.exec(text)) !== null) return parseStorage(m[1], ctx);
  if ((m = /^first to time out((?: in \d+ ?(?:ms)? ?\.\. ?\d+ ?(?:ms)?)?) (=|in) (.*)$/i.exec(text)) !== null) {
    return { kind: 'first', window: parseWindow(m[1], ctx), op: m[2].toLowerCase() as Op, value: parseValues(m[3], ctx) };
  }
  if ((m = /^leaders (!=|<=|>=|=|<|>) (\d+)$/i.exec(text)) !== null) {
    noLeader(ctx);
    return { kind: 'leaders', op: m[1] as Op, value: Number(m[2]) };
  }
  if ((m = /^(leader|chosen) (.*)$/i.exec(text)) !== null) {
    const kind = m[1].toLowerCase() as 'leader' | 'chosen';
    if (kind === 'leader') noLeader(ctx);
    if (kind === 'chosen' && ctx.protocol !== 'paxos') bad(`"chosen" is for single-decree Paxos; in ${ctx.protocol} claim a server's log or slots`);
    const { op, rest } = splitOp(m[2], ['=', '!=', 'in']);
    return { kind, op, value: parseValues(rest, ctx) };
  }
  const subject = /^((?:S\d+ ?, ?)*S\d+|all|live) (.*)$/i.exec(text);
  if (subject === null) bad('expected a claim about a server (S3 role = leader), the cluster (leader = S3), a message (delivered VoteRequest S3->S1), or safety (safe)');
  const servers = parseServers(subject![1], ctx);
  const rest = subject![2];
  if ((m = /^lock (\S+) (=|!=) (.+)$/i.exec(rest)) !== null) {
    if ((ctx.clients ?? 0) === 0) bad('this scenario has no clients, so no locks: add "clients" to claim who holds a lock');
    const holder = /^(?:client (\d+)|none)$/i.exec(m[3]);
    if (holder === null) bad(`expected a lock's holder ("client 2" or "none"), found "${m[3]}"`);
    return { kind: 'lock', servers, lock: m[1], op: m[2] as Op, value: holder![1] === undefined ? null : `client ${holder![1]}` };
  }
  if (/^(up|down|paused)$/i.test(rest)) return { kind: 'status', servers, status: rest.toLowerCase() as 'up' | 'down' | 'paused' };
  if ((m = /^(timed out|timer ran out|was forced to time out|became leader)(.*)$/i.exec(rest)) !== null) {
    if (typeof servers === 'string') bad(`expected servers named one by one (S3 or S3,S4) for "${m[1]}", found "${servers}"`);
    if (m[1].toLowerCase() === 'became leader') noLeader(ctx);
    return { kind: 'event', servers: servers as readonly number[], event: NODE_EVENTS[m[1].toLowerCase()], window: parseWindow(m[2], ctx) };
  }
  return parseField(servers, rest, ctx);
}

/** Leaders are Raft's and Multi-Paxos's: Paxos has proposers, atomic commit a fixed coordinator. */
function noLeader(ctx: ClaimContext): void {
  if (ctx.protocol === 'paxos') bad('single-decree Paxos has no leader; claim what a server learned or what is chosen');
  if (ctx.protocol !== 'raft' && ctx.protocol !== 'multipaxos') bad(`${ctx.protocol} has no leader: S1 is its coordinator; claim a server's decision, vote or locks`);
}

/** `client 2 get x returned 1`: the client's latest operation with that text, as the history shows it. */
function parseClient(client: number, text: string, ctx: ClaimContext): ClaimBody {
  const count = ctx.clients ?? 0;
  if (count === 0) bad('this scenario has no clients: add "clients" to claim what a client saw');
  if (!(client >= 1 && client <= count)) bad(`there is no client ${client} (clients 1 to ${count})`);
  const token = /^token (!=|<=|>=|=|<|>) (\d+|none)$/i.exec(text);
  if (token !== null) {
    if (ctx.storage !== true) bad('a fencing token is for writing to the storage node, and this scenario has none (add "storage": {})');
    return { kind: 'token', client, op: token[1] as Op, value: token[2].toLowerCase() === 'none' ? null : Number(token[2]) };
  }
  const m = /^(.+?) (is|returned|answered by|tries (?:!=|<=|>=|=|<|>)) (.+)$/i.exec(text);
  if (m === null) bad(`expected "client ${client} <operation> returned <value>", "is ${OUTCOMES.join('|')}", "answered by S3" or "tries = 2", found "${text}"`);
  const op = m![1];
  const parsed = parseOp(op);
  if (parsed === null) bad(`expected an operation of the store (get x, set x 1, del x, cas x 1 2, incr x, acquire L 300, release L, write x 1), found "${op}"`);
  if (parsed!.f === 'write' && ctx.storage !== true) bad(`"${op}" goes to the storage node, and this scenario has none (add "storage": {})`);
  const said = m![2].toLowerCase();
  const value = parseValues(m![3], ctx);
  if (value.length !== 1) bad(`expected one value after "${said}", found "${m![3]}"`);
  if (said.startsWith('tries')) {
    if (typeof value[0] !== 'number') bad(`expected a number of tries, found "${m![3]}"`);
    return { kind: 'client', client, op, asks: 'tries', cmp: said.slice(6) as Op, value: value[0] };
  }
  if (said === 'is' && !(OUTCOMES as readonly string[]).includes(String(value[0]).toLowerCase())) bad(`expected an outcome (${OUTCOMES.join(', ')}), found "${m![3]}"`);
  if (said === 'answered by' && !/^S\d+$/.test(String(value[0]))) bad(`expected a server (S3), found "${m![3]}"`);
  return { kind: 'client', client, op, asks: said as ClientAsk, cmp: '=', value: said === 'is' ? String(value[0]).toLowerCase() : value[0] };
}

/** `storage x = 2`, `storage x token = 4`: the storage node outside the cluster, now. */
function parseStorage(text: string, ctx: ClaimContext): ClaimBody {
  if (ctx.storage !== true) bad('this scenario has no storage node: add "storage": {} (with clients) to claim what it holds');
  const m = /^(\S+)( token)? (!=|<=|>=|=|<|>) (\S+)$/i.exec(text);
  if (m === null) bad(`expected "storage <key> = <value>" or "storage <key> token = <n>", found "storage ${text}"`);
  const asks = m![2] === undefined ? 'value' : 'token';
  const raw = m![4];
  if (asks === 'token' && !/^(\d+|none)$/i.test(raw)) bad(`expected a token (a log index) or none, found "${raw}"`);
  const value = /^none$/i.test(raw) ? null : asks === 'token' ? Number(raw) : raw;
  return { kind: 'storage', key: m![1], asks, op: m![3] as Op, value };
}

function parseField(servers: Servers, rest: string, ctx: ClaimContext): ClaimBody {
  const fields = FIELDS[ctx.protocol];
  // The operator is the first one whose left side names a field: "log has a=b" is not "log has a" = "b".
  const ops = /\s*(!=|<=|>=|=|<|>)\s*| (in|has|lacks) /gi;
  let m: RegExpExecArray | null;
  while ((m = ops.exec(rest)) !== null) {
    const name = rest.slice(0, m.index).trim();
    const spec = fields.find((f) => f.pattern.test(name));
    if (spec === undefined) continue;
    const op = (m[1] ?? m[2]).toLowerCase() as Op;
    const written = rest.slice(m.index + m[0].length);
    const server = /\[S(\d+)\]/i.exec(name);
    if (server !== null) checkServer(Number(server[1]), ctx);
    const value = parseValues(written, ctx);
    if ((op === 'has' || op === 'lacks') && !spec.list) bad(`"${op}" is for a list (log, committed); "${name}" is one value`);
    if (['<', '<=', '>', '>='].includes(op) && (value.length !== 1 || typeof value[0] !== 'number')) bad(`expected a number after ${op}, found "${written.trim()}"`);
    if (op !== 'in' && !spec.list && value.length !== 1) bad(`expected one value for "${name}", found ${value.length}; to allow several, write "${name} in ${written.trim()}"`);
    return { kind: 'field', servers, field: spec, arg: spec.pattern.exec(name)![1], name, op, value: spec.values === undefined ? value : value.map((v) => oneOf(spec, name, v)) };
  }
  const name = rest.split(/\s*(?:!=|<=|>=|=|<|>)\s*| (?:in|has|lacks) /i)[0];
  return bad(/(!=|<=|>=|=|<|>| in | has | lacks )/i.test(rest)
    ? `expected a ${ctx.protocol} field (${fields.map((f) => f.shown).join(', ')}), found "${name}"`
    : `expected "<field> <op> <value>" (ops: ${OPS.join(' ')}), or up, down, timed out, became leader; found "${rest}"`);
}

/** A field with a fixed set of words (a participant's standing): the word as the field reads it, aliases allowed. */
function oneOf(spec: FieldSpec, name: string, v: Scalar): Scalar {
  const word = v === null ? 'none' : String(v).toLowerCase();
  const canonical = spec.values![word];
  if (canonical === undefined) bad(`expected ${name} to be one of ${[...new Set(Object.values(spec.values!))].join(', ')}, found "${String(v)}"`);
  return canonical === 'none' ? null : canonical;
}

function splitOp(text: string, allowed: readonly Op[]): { op: Op; rest: string } {
  const m = /^(!=|=|in) (.*)$/i.exec(text);
  if (m === null || !allowed.includes(m[1].toLowerCase() as Op)) bad(`expected ${allowed.join(' or ')} and a value, found "${text}"`);
  return { op: m![1].toLowerCase() as Op, rest: m![2] };
}

function parseMessage(fate: MessageFate, text: string, ctx: ClaimContext): ClaimBody {
  const windowAt = / in \d/.exec(` ${text}`);
  if (windowAt !== null && (fate === 'held' || fate === 'in flight')) bad(`"${fate}" is about the step's moment: leave out the window`);
  const head = windowAt === null ? text : text.slice(0, windowAt.index - 1);
  const window = parseWindow(windowAt === null ? '' : text.slice(windowAt.index - 1), ctx);
  const words = head.split(' ');
  const types = MESSAGES[ctx.protocol];
  const type = words.shift()!;
  if (!Object.hasOwn(types, type)) bad(`expected a ${ctx.protocol} message (${Object.keys(types).join(', ')}), found "${type}"`);
  let from: number | null = null;
  let to: number | null = null;
  const route = /^(S\d+|\*)(?:->|→)(S\d+|\*)$/i.exec(words[0] ?? '');
  if (route !== null) {
    words.shift();
    const end = (w: string) => (w === '*' ? null : checkServer(Number(w.slice(1)), ctx));
    from = end(route[1]);
    to = end(route[2]);
  }
  const fields = words.join(' ').split(/ (?=\w+=)/).filter((w) => w !== '').map((w) => {
    const f = /^(\w+)=(.+)$/.exec(w);
    if (f === null) bad(`expected a route (S1->S2, * for any) and fields as name=value, found "${w}"`);
    if (!types[type].includes(f![1])) bad(`expected a field of ${type} (${types[type].join(', ')}), found "${f![1]}"`);
    const values = parseValues(f![2], ctx);
    if (values.length !== 1) bad(`expected one value for ${f![1]}, found "${f![2]}"`);
    return [f![1], values[0]] as const;
  });
  return { kind: 'message', fate, type, from, to, fields, window };
}

function parseWindow(text: string, ctx: ClaimContext): Window {
  const t = text.trim();
  if (t === '') return { from: 0, to: ctx.at };
  const m = /^in (\d+) ?(?:ms)? ?\.\. ?(\d+) ?(?:ms)?$/i.exec(t);
  if (m === null) bad(`expected a time window "in A..B" (virtual ms), found "${t}"`);
  const from = Number(m![1]);
  const to = Number(m![2]);
  if (to < from) bad(`expected a window that ends after it starts, found ${from}..${to}`);
  if (to > ctx.at) bad(`a claim looks at the run up to its step's moment (${ctx.at} ms): the window ${from}..${to} ends after it`);
  return { from, to };
}

function parseServers(text: string, ctx: ClaimContext): Servers {
  const t = text.toLowerCase();
  if (t === 'all' || t === 'live') return t;
  return text.split(/ ?, ?/).map((s) => checkServer(Number(s.slice(1)), ctx));
}

function checkServer(id: number, ctx: ClaimContext): number {
  if (!(id >= 1 && id <= ctx.nodes)) bad(`there is no S${id} in a cluster of ${ctx.nodes} (S1 to S${ctx.nodes})`);
  return id;
}

/**
 * Values: numbers, servers (S3), none, words, quoted text ("set x 1"), ballots ((1, S5)), or
 * several separated by commas. Unquoted text runs to the comma, so `set x 1` needs no quotes.
 */
function parseValues(text: string, ctx: ClaimContext): Scalar[] {
  const t = text.trim();
  if (t === '') bad('expected a value after the operator, found nothing');
  if (/^(empty|\[\])$/i.test(t)) return [];
  const out: Scalar[] = [];
  const re = /\s*(?:"([^"]*)"|\((\d+), ?S(\d+)\)|([^,"]+?))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < t.length && (m = re.exec(t)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(`(${m[2]}, S${checkServer(Number(m[3]), ctx)})`);
    else out.push(scalar(m[4], ctx));
  }
  if (re.lastIndex < t.length) bad(`expected values separated by commas, found "${t}"`);
  return out;
}

function scalar(word: string, ctx: ClaimContext): Scalar {
  if (/^(none|null)$/i.test(word)) return null;
  if (/^-?\d+$/.test(word)) return Number(word);
  if (/^S\d+$/i.test(word)) return `S${checkServer(Number(word.slice(1)), ctx)}`;
  return word;
}
