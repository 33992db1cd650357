import type { Stall } from '../../engine/invariants/liveness';
import type { Violation } from '../../engine/invariants/monitor';
import type { PaxosState } from '../../engine/paxos/types';
import type { Tape } from '../../engine/clients/tape';
import type { HistoryEvent } from '../../engine/clients/types';
import { opText, parseOp } from '../../engine/linearizability/history';
import type { Envelope, NodeSlot, TraceRecord, World } from '../../engine/sim/types';
import type { Claim, ClaimBody, NodeEvent, Op, Window } from './syntax';
import { ballotValue, roleOf, type Scalar, SERVER_FIELDS, type Value } from './vocabulary';

export interface ClaimResult {
  claim: string;
  holds: boolean;
  /** What the run shows instead, when the claim does not hold ("S4 role is follower"). */
  found: string | null;
}

type Body<K extends ClaimBody['kind']> = Extract<ClaimBody, { kind: K }>;
type Msg = { type: string };
type Rec = TraceRecord<Msg>;

/** What a claim may look at, at its step's moment. */
export interface RunView {
  slots: readonly NodeSlot<unknown>[];
  /** The safety violations found so far. */
  violations: readonly Violation[];
  /** The liveness watch's verdict. */
  stall: Stall | null;
  /** The network (messages in flight and held) and the clients' history. */
  world: World<unknown, Msg>;
}

/** Whether a message claim counts events in a window (the others look at the moment). */
const WINDOWED = new Set(['delivered', 'lost', 'duplicated']);

/**
 * Watches a run for the claims of a scenario's narration: what happened in a time window
 * (messages delivered or lost, timeouts, elections) is tallied as the events go by, so each
 * claim keeps a count, not a history; what holds at a moment is read from the servers then.
 */
export class ClaimWatcher {
  /** Per event claim: how many matching events, and (for "first to time out") the first server. */
  private readonly tally = new Map<ClaimBody, { count: number; perServer: Set<number>; first: number | null }>();
  private readonly watched: Claim[];
  private readonly roles: (string | null)[] = [];
  /** Single-decree Paxos: acceptors per ballot, to know what is chosen (only kept when a claim asks). */
  private readonly acceptances: Map<string, { value: string; by: Set<number> }> | null;
  private chosen: string | null = null;
  /** The attempt each client's latest operation of each text ("1 incr n") has reached: a client retries the same request. */
  private readonly tries = new Map<string, { seq: number; attempts: number }>();

  constructor(private readonly protocol: string, private readonly nodes: number, claims: readonly Claim[]) {
    this.watched = claims.filter((c) => (c.body.kind === 'message' && WINDOWED.has(c.body.fate)) || c.body.kind === 'event' || c.body.kind === 'first');
    for (const c of this.watched) this.tally.set(c.body, { count: 0, perServer: new Set(), first: null });
    this.acceptances = claims.some((c) => c.body.kind === 'chosen') ? new Map() : null;
  }

  /** After every event of the run, with the server it happened on (if any). */
  observe(rec: Rec, slot: NodeSlot<unknown> | null): void {
    const id = slot?.id ?? null;
    const role = slot === null ? null : roleOf(this.protocol, slot.state);
    const becameLeader = id !== null && role === 'leader' && this.roles[id] !== 'leader';
    if (id !== null) this.roles[id] = role;
    if (this.acceptances !== null && slot !== null) this.noteAcceptance(slot.id, slot.state as PaxosState);
    if (rec.client?.kind === 'request') this.noteTry(rec.client.client, rec.client.seq, rec.client.attempt, opText(rec.client.op));
    for (const c of this.watched) {
      const b = c.body as Body<'message' | 'event' | 'first'>;
      if (rec.t < b.window.from || rec.t > b.window.to) continue;
      const t = this.tally.get(b)!;
      if (b.kind === 'message') {
        if (recorded(b, rec)) t.count++;
      } else if (id !== null && isTimeout(rec) !== null && b.kind === 'first') {
        t.first ??= id;
      } else if (id !== null && b.kind === 'event' && b.servers.includes(id)) {
        const timeout = isTimeout(rec);
        const hit = b.event === 'becameLeader' ? becameLeader
          : b.event === 'timedOut' ? timeout !== null
          : b.event === 'timerRanOut' ? timeout === 'timer' : timeout === 'forced';
        if (hit) t.perServer.add(id);
      }
    }
  }

  private noteAcceptance(id: number, s: PaxosState): void {
    if (this.chosen !== null || s.accepted === null) return;
    const key = String(ballotValue(s.accepted.ballot));
    const at = this.acceptances!.get(key) ?? { value: s.accepted.value, by: new Set<number>() };
    at.by.add(id);
    this.acceptances!.set(key, at);
    if (at.by.size > this.nodes / 2) this.chosen = at.value;
  }

  private noteTry(client: number, seq: number, attempt: number, op: string): void {
    const key = `${client} ${op}`;
    const was = this.tries.get(key);
    this.tries.set(key, { seq, attempts: was === undefined || was.seq !== seq ? attempt : Math.max(attempt, was.attempts) });
  }

  /** Whether a claim holds now, given the servers, the safety violations found so far, the liveness watch and the world. */
  evaluate(c: Claim, view: RunView): ClaimResult {
    const { holds, found } = this.judge(c.body, view);
    const result = c.negated ? !holds : holds;
    return { claim: c.text, holds: result, found: result ? null : (c.negated ? `it does: ${found}` : found) };
  }

  private judge(b: ClaimBody, view: RunView): { holds: boolean; found: string } {
    const { slots, violations, stall } = view;
    switch (b.kind) {
      case 'field': {
        const servers = b.servers === 'all' ? slots : b.servers === 'live' ? slots.filter((s) => s.up) : b.servers.map((id) => slots[id - 1]);
        if (servers.length === 0) return { holds: false, found: 'no server is up' };
        const values = servers.map((s) => ({ id: s.id, v: b.field.read(s.state as never, b.arg) }));
        const wrong = values.filter(({ v }) => !compare(v, b.op, b.value));
        // A failure names the servers that break it; a negated claim that fails, those that hold it.
        return { holds: wrong.length === 0, found: (wrong.length > 0 ? wrong : values).map(({ id, v }) => `S${id} ${b.name} is ${show(v)}`).join('; ') };
      }
      case 'status': {
        const ids = b.servers === 'all' || b.servers === 'live' ? slots.map((s) => s.id) : b.servers;
        const statusOf = (s: NodeSlot<unknown>) => (!s.up ? 'down' : s.paused ? 'paused' : 'up');
        // A paused server is up (alive, its state kept): "S2 up" holds of it, "S2 paused" says more.
        const fits = (s: NodeSlot<unknown>) => statusOf(s) === b.status || (b.status === 'up' && s.up);
        const wrong = ids.filter((id) => !fits(slots[id - 1]));
        return { holds: wrong.length === 0, found: (wrong.length > 0 ? wrong : ids).map((id) => `S${id} is ${statusOf(slots[id - 1])}`).join('; ') };
      }
      case 'leader': {
        const leaders = slots.filter((s) => s.up && roleOf(this.protocol, s.state) === 'leader').map((s) => `S${s.id}`);
        const value: Scalar = leaders.length === 0 ? null : leaders.length === 1 ? leaders[0] : leaders.join(' and ');
        return { holds: compare(value, b.op, b.value), found: leaders.length === 0 ? 'no server leads' : `the leader is ${value}` };
      }
      case 'leaders': {
        const n = slots.filter((s) => s.up && roleOf(this.protocol, s.state) === 'leader').length;
        return { holds: compare(n, b.op, [b.value]), found: `${n} server${n === 1 ? ' leads' : 's lead'}` };
      }
      case 'chosen':
        return { holds: compare(this.chosen, b.op, b.value), found: this.chosen === null ? 'nothing is chosen' : `"${this.chosen}" is chosen` };
      case 'safety': {
        const broken = violations.filter((v) => b.predicate === null || v.predicate === b.predicate);
        const holds = b.holds === (broken.length === 0);
        return { holds, found: broken.length > 0 ? `${broken[0].predicate} broke at ${broken[0].t} ms: ${broken[0].text}` : `${b.predicate ?? 'every check'} holds` };
      }
      case 'stalled':
        return { holds: stall !== null, found: stall?.text ?? 'the cluster is making progress' };
      case 'message': {
        if (!WINDOWED.has(b.fate)) {
          const n = inNetwork(view.world, b.fate === 'held').filter((env) => matches(b, env)).length;
          return { holds: n > 0, found: `${n === 0 ? 'none' : n} ${b.fate} now` };
        }
        const n = this.tally.get(b)!.count;
        const what = b.fate === 'duplicated' ? `cop${n === 1 ? 'y' : 'ies'} delivered` : b.fate;
        return { holds: n > 0, found: `${n === 0 ? (b.fate === 'duplicated' ? 'no' : 'none') : n} ${what} in ${span(b.window)}` };
      }
      case 'client':
        return this.judgeClient(b, view);
      case 'token': {
        const token = view.world.clients?.clients[b.client]?.token ?? null;
        return { holds: compare(token, b.op, [b.value]), found: `client ${b.client}'s token is ${show(token)}` };
      }
      case 'lock': {
        const ids = b.servers === 'all' ? slots.map((s) => s.id) : b.servers === 'live' ? slots.filter((s) => s.up).map((s) => s.id) : b.servers;
        const holders = ids.map((id) => {
          const locks = view.world.clients?.servers[id]?.machine.locks ?? {};
          return { id, v: Object.hasOwn(locks, b.lock) ? `client ${locks[b.lock].client}` : null };
        });
        const wrong = holders.filter(({ v }) => !compare(v, b.op, [b.value]));
        return { holds: ids.length > 0 && wrong.length === 0, found: (wrong.length > 0 ? wrong : holders).map(({ id, v }) => `S${id} has ${b.lock} held by ${v ?? 'nobody'}`).join('; ') };
      }
      case 'storage': {
        const kv = view.world.clients?.storage?.kv ?? {};
        const stored = Object.hasOwn(kv, b.key) ? kv[b.key] : null;
        const v = stored === null ? null : b.asks === 'value' ? stored.value : stored.token;
        return {
          holds: compare(v, b.op, [b.value]),
          found: stored === null ? `the storage node holds no ${b.key}` : `the storage node holds ${b.key} = ${stored.value}, written by client ${stored.client} with token ${stored.token}`,
        };
      }
      case 'event': {
        const seen = this.tally.get(b)!.perServer;
        const missing = b.servers.filter((id) => !seen.has(id));
        const did = b.servers.filter((id) => seen.has(id));
        const [yes, no] = EVENT_WORDS[b.event];
        const who = (ids: readonly number[]) => ids.map((id) => `S${id}`).join(', ');
        return { holds: missing.length === 0, found: missing.length > 0 ? `in ${span(b.window)} ${who(missing)} ${no}` : `in ${span(b.window)} ${who(did)} ${yes}` };
      }
      case 'first': {
        const first = this.tally.get(b)!.first;
        return { holds: compare(first === null ? null : `S${first}`, b.op, b.value), found: first === null ? `nobody timed out in ${span(b.window)}` : `S${first} timed out first in ${span(b.window)}` };
      }
    }
  }


  /** A client's latest operation of the claim's text, as the history shows it at the moment. */
  private judgeClient(b: Body<'client'>, view: RunView): { holds: boolean; found: string } {
    const text = opText(parseOp(b.op)!);
    const history = view.world.clients?.history;
    let id: number | null = null;
    let end: Extract<HistoryEvent, { type: 'complete' }> | null = null;
    for (let i = (history?.length ?? 0) - 1; i >= 0 && id === null; i--) {
      const e = history!.get(i);
      if (e.type === 'complete') { if (end === null || end.id !== e.id) end = e; continue; }
      if (e.client === b.client && opText(e.op) === text) id = e.id;
    }
    const who = `client ${b.client}'s ${text}`;
    if (id === null) return { holds: false, found: `client ${b.client} has not asked for ${text}` };
    const done = end?.id === id ? end : completion(history!, id);
    const outcome = done === null ? 'pending' : done.outcome === 'fail' ? 'failed' : done.outcome;
    switch (b.asks) {
      case 'is': {
        if (b.value === 'stale') {
          const stale = view.violations.some((v) => v.stale?.includes(id));
          return { holds: stale, found: `${who} is ${stale ? 'stale' : 'not stale'}` };
        }
        return { holds: outcome === (b.value === 'rejected' ? 'failed' : b.value), found: `${who} is ${outcome}` };
      }
      case 'returned': {
        const value = done?.outcome === 'ok' ? done.value ?? null : undefined;
        return { holds: value !== undefined && same(value, b.value), found: value === undefined ? `${who} is ${outcome}` : `${who} returned ${show(value)}` };
      }
      case 'answered by': {
        const server = done?.server === undefined ? null : `S${done.server}`;
        return { holds: server !== null && same(server, b.value), found: server === null ? `${who} is ${outcome}, answered by no server` : `${who} was answered by ${server}` };
      }
      case 'tries': {
        // While it waits, the client's own count; once answered, the last attempt that reached a server.
        const busy = view.world.clients?.clients[b.client]?.busy;
        const n = busy?.id === id ? busy.attempt : this.tries.get(`${b.client} ${text}`)?.attempts ?? 0;
        return { holds: compare(n, b.cmp, [b.value]), found: `${who} is on try ${n}` };
      }
    }
  }
}

/** The completion of operation `id` in the history, if it has one. */
function completion(history: Tape<HistoryEvent>, id: number): Extract<HistoryEvent, { type: 'complete' }> | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history.get(i);
    if (e.type === 'complete' && e.id === id) return e;
  }
  return null;
}

/** Messages in the network at this moment: held by the user, or on their way (queued, or waiting for a choice). */
function inNetwork(w: World<unknown, Msg>, heldOnly: boolean): Envelope<Msg>[] {
  const held = w.held.map((h) => h.env);
  if (heldOnly) return held;
  return [...held, ...w.pending, ...w.queue.flatMap((q) => (q.kind === 'deliver' && q.env !== null ? [q.env] : []))];
}

/** How a result says that a server did, or did not, do what the claim says. */
const EVENT_WORDS: Readonly<Record<NodeEvent, readonly [string, string]>> = {
  timedOut: ['timed out', 'did not time out'],
  timerRanOut: ['had its timer run out', 'did not have its timer run out'],
  forcedTimeout: ['was forced to time out', 'was not forced to time out'],
  becameLeader: ['became leader', 'did not become leader'],
};

/** A timeout on a server: its own timer ran out, or the user forced it (null for anything else). */
function isTimeout(rec: Rec): 'timer' | 'forced' | null {
  if (rec.kind === 'timer' && !/heartbeat/i.test(rec.rule)) return 'timer';
  if (rec.kind === 'action' && rec.action?.type === 'timeout') return 'forced';
  return null;
}

/** An event a windowed message claim counts: a delivery, a loss, or the delivery of a copy. */
function recorded(b: Body<'message'>, rec: Rec): boolean {
  const env = rec.msg;
  if (env === undefined || rec.kind === 'action') return false;
  if ((rec.kind === 'lost') !== (b.fate === 'lost')) return false;
  if (b.fate === 'duplicated' && env.duplicateOf === null) return false;
  return matches(b, env);
}

function matches(b: Body<'message'>, env: Envelope<Msg>): boolean {
  if (env.msg.type !== b.type || (b.from !== null && env.from !== b.from) || (b.to !== null && env.to !== b.to)) return false;
  const fields = env.msg as unknown as Record<string, unknown>;
  return b.fields.every(([name, want]) => same(fieldValue(name, fields[name]), want));
}

function fieldValue(name: string, v: unknown): Scalar {
  if (SERVER_FIELDS.has(name) && typeof v === 'number') return `S${v}`;
  if (name === 'ballot' || name === 'promised') return ballotValue(v as never);
  // A 2PC Begin carries the whole transaction; claims name it by its id.
  if (name === 'tx' && typeof v === 'object' && v !== null) return (v as { id: string }).id;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'boolean') return String(v);
  return v as Scalar;
}

function same(a: Scalar, b: Scalar): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase())
    || (a !== null && b !== null && String(a) === String(b));
}

/** Lists compare whole; `none` stands for an empty list (`S2 locks = none`). */
function sameList(list: readonly Scalar[], want: readonly Scalar[]): boolean {
  if (want.length === 1 && want[0] === null) return list.length === 0;
  return list.length === want.length && list.every((x, i) => same(x, want[i]));
}

function compare(v: Value, op: Op, want: readonly Scalar[]): boolean {
  if (Array.isArray(v)) {
    const list = v as readonly Scalar[];
    switch (op) {
      case 'has': return want.every((w) => list.some((x) => same(x, w)));
      case 'lacks': return want.every((w) => !list.some((x) => same(x, w)));
      case '=': return sameList(list, want);
      case '!=': return !sameList(list, want);
      default: return false;
    }
  }
  const x = v as Scalar;
  switch (op) {
    case '=': return same(x, want[0]);
    case '!=': return !same(x, want[0]);
    case 'in': return want.some((w) => same(x, w));
    case '<': return typeof x === 'number' && x < (want[0] as number);
    case '<=': return typeof x === 'number' && x <= (want[0] as number);
    case '>': return typeof x === 'number' && x > (want[0] as number);
    case '>=': return typeof x === 'number' && x >= (want[0] as number);
    default: return false;
  }
}

function show(v: Value): string {
  if (Array.isArray(v)) return v.length === 0 ? 'empty' : v.map((x) => show(x)).join(', ');
  if (v === null) return 'none';
  return typeof v === 'string' && /\s/.test(v) ? `"${v}"` : String(v);
}

const span = (w: Window) => `${w.from}..${w.to} ms`;
