import { opText, parseOp } from '../linearizability/history';
import { majority } from '../quorum/quorum';
import type { NodeId } from '../sim/protocol';
import type { TraceRecord } from '../sim/types';
import { FRONTS, type Front } from './front';
import { leaseLength } from './leaseReading';
import { applyEntry, EMPTY_MACHINE, tag } from './machine';
import { EMPTY_STORAGE, storageWrite } from './storage';
import { Tape } from './tape';
import type { Busy, ClientConfig, ClientEvent, ClientWorld, HistoryEvent, Lease, Reply, ServerSide, WaitingRead } from './types';

/** What the client side may ask of the simulation kernel. */
export interface Kernel {
  readonly time: number;
  /** The number of the event under way (what sends a client event now). */
  readonly event: number;
  up(node: NodeId): boolean;
  state(node: NodeId): unknown;
  /** Puts a client event in the queue at `at`. */
  enqueue(at: number, ev: ClientEvent): void;
  /** A delay and a loss drawn from the network as it is now (clients sit outside any partition). */
  transit(): { delay: number; lost: boolean };
  /** What `node`'s own clock reads now (it may drift from true time). */
  clock(node: NodeId): number;
  /** Hands `command` to the protocol's request handler on `node`, recording it in `rec`. */
  submit(rec: TraceRecord<unknown>, node: NodeId, command: string): void;
}

const sameEvent = (a: HistoryEvent, b: HistoryEvent) => JSON.stringify(a) === JSON.stringify(b);
const awaitKey = (client: number, seq: number) => `${client}#${seq}`;

export function initialClients(config: ClientConfig, nodes: number): ClientWorld {
  return {
    nextOpId: 1,
    clients: Array.from({ length: config.count + 1 }, (_, c) => ({ nextSeq: 1, busy: null, leaderHint: ((c - 1 + nodes) % nodes) + 1, token: null, paused: false })),
    servers: Array.from({ length: nodes + 1 }, () => ({ machine: EMPTY_MACHINE, applied: 0, awaiting: [], reads: [], lease: null })),
    history: Tape.empty(sameEvent),
    storage: config.storage === undefined ? null : EMPTY_STORAGE,
  };
}

/** A copy a checkpoint can keep: every part is a value, so the lists are all it copies. */
export function copyClients(w: ClientWorld): ClientWorld {
  return { ...w, clients: w.clients.slice(), servers: w.servers.slice() };
}

/**
 * Clients of the replicated store, as actors of the run. A client sends its operation to
 * a server, waits for the reply, and when none comes in time tries the next server, up to
 * `tries` attempts; a server that is not the leader sends it on ("try S3"). Servers answer
 * writes once they apply them (the machine's sessions apply each (client, seq) once), and
 * reads by the scenario's read path. All of it is data in the world, so it is checkpointed,
 * replayed and hashed with the rest.
 */
export class ClientLayer {
  private readonly front: Front;
  private readonly skipHeartbeat: boolean;
  /** How long a lease lasts on the leader's own clock (read path `lease`). */
  private readonly leaseLength: number;

  /**
   * `marking`: false when no one reads the records' pseudocode lines (Run's `lines: false`):
   * the layer then marks none, as the handlers' `Outbox.for(ctx)` does.
   */
  constructor(readonly config: ClientConfig, protocol: string, private readonly nodes: number, bugs: readonly string[], electionTimeoutMin: number,
    private readonly marking = true) {
    const front = FRONTS[protocol];
    if (front === undefined) throw new Error(`clients need a protocol that replicates the store (raft or multipaxos), not ${protocol}`);
    if (!front.reads.includes(config.reads)) throw new Error(`${protocol} has no read path "${config.reads}" (it has ${front.reads.join(', ')})`);
    this.front = front;
    this.skipHeartbeat = bugs.includes('readIndexSkipsHeartbeat');
    this.leaseLength = leaseLength(electionTimeoutMin);
  }

  /** Why client `client` cannot start `text` in the world `w`, or null if it can. */
  refusal(w: ClientWorld, client: number, text: string): string | null {
    const side = w.clients[client];
    const op = parseOp(text);
    return side === undefined ? `There is no client ${client}`
      : op === null ? `Client ${client} cannot send "${text}": not an operation of the store`
      : side.paused ? `Client ${client} is paused and cannot start "${text}"`
      : side.busy !== null ? `Client ${client} is still waiting for "${opText(side.busy.op)}" and cannot start "${text}"`
      : op.f === 'write' && w.storage === null ? `Client ${client} cannot send "${text}": this scenario has no storage node`
      : op.f === 'write' && side.token === null ? `Client ${client} holds no fencing token: it must acquire a lock before "${text}"`
      : null;
  }

  /** A user's action: client `client` starts `opText` at `node` (or at the leader it last heard of). */
  invoke(w: ClientWorld, k: Kernel, rec: TraceRecord<unknown>, client: number, text: string, node: NodeId | undefined): void {
    rec.rule = 'client.invoke';
    const side = w.clients[client];
    const op = parseOp(text);
    const why = this.refusal(w, client, text);
    if (why !== null || op === null) {
      rec.kind = 'refused';
      rec.text = () => why!;
      return;
    }
    const id = w.nextOpId++;
    w.history = w.history.push({ type: 'invoke', id, client, op, t: k.time });
    const busy: Busy = { id, seq: side.nextSeq, op, attempt: 1, target: node ?? side.leaderHint, maybe: false, refused: false };
    w.clients[client] = { ...side, nextSeq: side.nextSeq + 1, busy };
    this.send(w, k, client, busy, 'first');
    rec.text = () => (op.f === 'write' ? `Client ${client} writes "${text}" to the storage node with token ${side.token}`
      : `Client ${client} sends "${text}" (#${busy.seq}) to S${busy.target}`);
  }

  /** A user's action: client `client` pauses (a long garbage collection) or resumes. Returns why it cannot, or null. */
  setPaused(w: ClientWorld, client: number, paused: boolean): string | null {
    const side = w.clients[client];
    if (side === undefined) return `There is no client ${client}`;
    if (side.paused === paused) return `Client ${client} is ${paused ? 'already' : 'not'} paused`;
    w.clients[client] = { ...side, paused };
    return null;
  }

  /** Does this client event wait for its client to resume? Only what reaches a paused client: replies and its own timeouts. */
  waits(w: ClientWorld, ev: ClientEvent): boolean {
    return (ev.kind === 'reply' || ev.kind === 'stored' || ev.kind === 'timeout') && w.clients[ev.client].paused;
  }

  /** A client event from the queue: a request reaching a server, a reply reaching a client, a client's timeout. */
  process(w: ClientWorld, k: Kernel, rec: TraceRecord<unknown>, ev: ClientEvent): void {
    rec.client = ev;
    switch (ev.kind) {
      case 'request': return this.atServer(w, k, rec, ev);
      case 'reply': return this.atClient(w, k, rec, ev);
      case 'timeout': return this.timedOut(w, k, rec, ev);
      case 'store': return this.atStorage(w, k, rec, ev);
      // The storage node answers as a server would, as node 0.
      case 'stored': return this.atClient(w, k, rec, { ...ev, kind: 'reply', from: 0 });
    }
  }

  /** A client's timeout that a reply or a later attempt made pointless never fires. */
  live(w: ClientWorld, ev: ClientEvent): boolean {
    if (ev.kind !== 'timeout') return true;
    const busy = w.clients[ev.client].busy;
    return busy !== null && busy.seq === ev.seq && busy.attempt === ev.attempt;
  }

  /**
   * After a server's handler ran: apply what it committed to the machine, answering the
   * clients it promised to; count heartbeat replies for reads waiting on leadership.
   */
  afterHandler(w: ClientWorld, k: Kernel, node: NodeId, rec: TraceRecord<unknown>): void {
    let server = w.servers[node];
    if (rec.applied !== undefined) {
      for (const { index, command } of rec.applied) {
        const r = applyEntry(server.machine, command, index + 1);
        server = { ...server, machine: r.machine, applied: server.applied + 1 };
        if (r.client === null || r.reply === null) continue;
        const key = awaitKey(r.client, r.seq);
        if (!server.awaiting.includes(key)) continue;
        server = { ...server, awaiting: server.awaiting.filter((a) => a !== key) };
        this.reply(k, r.client, r.seq, node, r.reply, { index: index + 1 });
      }
    }
    if (server.reads.length > 0 && rec.kind === 'deliver' && rec.msg !== undefined) {
      const env = rec.msg;
      server = { ...server, reads: server.reads.map((read) => {
        const from = this.front.confirms(env.msg, read.term);
        return from === null || env.sentAt <= read.since || read.acks.includes(from) ? read : { ...read, acks: [...read.acks, from] };
      }) };
    }
    if (this.config.reads === 'lease') server = this.renewLease(server, k, node, rec);
    w.servers[node] = server;
    if (server.reads.length > 0) this.serveReads(w, k, node, rec);
  }

  /** A crash loses what a server promised clients and its lease; its store comes back with its committed log. */
  crashed(w: ClientWorld, node: NodeId): void {
    w.servers[node] = { ...w.servers[node], awaiting: [], reads: [], lease: null };
  }

  // ---- internals -------------------------------------------------------------------------

  /** Notes a pseudocode line of the read, where the protocol's pseudocode shows reads. */
  private mark(rec: TraceRecord<unknown>, line: 'lease' | 'note' | 'answer' | 'lost', value: () => string): void {
    const id = this.front.readLines?.[line];
    if (id !== undefined && this.marking) rec.lines = [...(rec.lines ?? []), { id, value }];
  }

  private send(w: ClientWorld, k: Kernel, client: number, busy: Busy, why: 'first' | 'retry' | 'redirect'): void {
    const { delay, lost } = k.transit();
    const op = busy.op;
    k.enqueue(k.time + delay, op.f === 'write'
      ? { kind: 'store', client, seq: busy.seq, key: op.key, value: op.value, token: w.clients[client].token!, lost }
      : { kind: 'request', client, seq: busy.seq, attempt: busy.attempt, op, to: busy.target, lost, id: busy.id, why, sentAt: k.time, sentSeq: k.event });
    k.enqueue(k.time + this.config.timeout, { kind: 'timeout', client, seq: busy.seq, attempt: busy.attempt });
  }

  private reply(k: Kernel, client: number, seq: number, from: NodeId, reply: Reply, served: { index?: number; read?: ClientConfig['reads'] } = {}): void {
    const { delay, lost } = k.transit();
    k.enqueue(k.time + delay, { kind: 'reply', client, seq, from, reply, lost, sentAt: k.time, sentSeq: k.event, ...served });
  }

  private atServer(w: ClientWorld, k: Kernel, rec: TraceRecord<unknown>, ev: Extract<ClientEvent, { kind: 'request' }>): void {
    const s = ev.to;
    rec.node = s;
    const what = `"${opText(ev.op)}" from client ${ev.client}`;
    if (ev.lost || !k.up(s)) {
      rec.kind = 'lost';
      rec.rule = 'client.lost';
      rec.text = () => `${what} to S${s} is lost: ${ev.lost ? 'the network lost it' : `S${s} is down`}`;
      return;
    }
    const state = k.state(s);
    const server = w.servers[s];
    if (ev.op.f === 'get' && this.config.reads === 'local') {
      const value = server.machine.kv[ev.op.key] ?? null;
      this.reply(k, ev.client, ev.seq, s, { kind: 'ok', value }, { read: 'local' });
      rec.rule = 'client.readLocal';
      rec.text = () => `S${s} answers ${what} from its own store: ${value ?? 'missing'}`;
      return;
    }
    if (!this.front.leads(state)) {
      const leader = this.front.leaderHint(state, s);
      this.reply(k, ev.client, ev.seq, s, leader === null ? { kind: 'noLeader' } : { kind: 'redirect', leader });
      rec.rule = 'client.redirect';
      rec.text = () => (leader === null ? `S${s} is not the leader and knows none: it turns away ${what}` : `S${s} is not the leader: it tells client ${ev.client} to try S${leader}`);
      return;
    }
    const done = server.machine.sessions[ev.client];
    if (done !== undefined && done.seq === ev.seq) {
      this.reply(k, ev.client, ev.seq, s, done.reply);
      rec.rule = 'client.again';
      rec.text = () => `S${s} has already applied #${ev.seq} of client ${ev.client}: it answers again without applying it twice`;
      return;
    }
    if (ev.op.f === 'get' && this.config.reads === 'leader') {
      const value = server.machine.kv[ev.op.key] ?? null;
      this.reply(k, ev.client, ev.seq, s, { kind: 'ok', value }, { read: 'leader' });
      rec.rule = 'client.readLeader';
      rec.text = () => `S${s}, a leader as far as it knows, answers ${what} from its own store: ${value ?? 'missing'}`;
      return;
    }
    if (ev.op.f === 'get' && this.config.reads === 'lease' && this.leaseHolds(server, k, s)) {
      const index = this.front.readIndex(state);
      if (index !== null && server.applied >= index) {
        const value = server.machine.kv[ev.op.key] ?? null;
        const key = ev.op.key;
        const until = server.lease!.until!;
        const now = k.clock(s);
        this.reply(k, ev.client, ev.seq, s, { kind: 'ok', value }, { read: 'lease', index });
        this.mark(rec, 'lease', () => `lease until ${Math.round(until)} ms, now ${Math.round(now)} ms; ${key} = ${value ?? 'missing'}`);
        rec.rule = 'client.readLease';
        rec.text = () => `S${s} holds a lease until ${Math.round(until)} ms on its own clock (now ${Math.round(now)} ms): it answers ${what} from its store: ${value ?? 'missing'}`;
        return;
      }
    }
    if (ev.op.f === 'get' && (this.config.reads === 'readIndex' || this.config.reads === 'lease')) {
      const read: WaitingRead = { client: ev.client, seq: ev.seq, key: ev.op.key, term: this.front.term(state), since: k.time, acks: [s] };
      const epoch = this.front.epoch(state);
      w.servers[s] = { ...server, reads: [...server.reads.filter((r) => r.client !== ev.client), read] };
      const index = this.front.readIndex(state);
      this.mark(rec, 'note', () => (index === null ? 'not yet: phase 1\'s slots are still being applied' : `readIndex = ${index}`));
      rec.rule = 'client.readIndex';
      rec.text = () => (this.config.reads === 'lease' ? `S${s} holds no lease now: it holds ${what} until a majority's heartbeat replies renew it`
        : `S${s} holds ${what} until a majority answers a heartbeat of ${epoch}`);
      this.serveReads(w, k, s, rec);
      return;
    }
    const key = awaitKey(ev.client, ev.seq);
    if (!server.awaiting.includes(key)) w.servers[s] = { ...server, awaiting: [...server.awaiting, key] };
    // The leader stamps an acquire with its clock: the time the lock's lease is judged by (locks.ts).
    k.submit(rec, s, tag(ev.client, ev.seq, ev.op, ev.op.f === 'acquire' ? Math.round(k.clock(s)) : undefined));
  }

  /** A write reaches the storage node: accepted, or rejected for a token lower than one it has accepted. */
  private atStorage(w: ClientWorld, k: Kernel, rec: TraceRecord<unknown>, ev: Extract<ClientEvent, { kind: 'store' }>): void {
    const what = `"write ${ev.key} ${ev.value}" from client ${ev.client} with token ${ev.token}`;
    if (ev.lost) {
      rec.kind = 'lost';
      rec.rule = 'client.lost';
      rec.text = () => `${what} to the storage node is lost: the network lost it`;
      return;
    }
    const before = w.storage!;
    const r = storageWrite(before, this.config.storage!, ev.client, ev.key, ev.value, ev.token);
    w.storage = r.storage;
    rec.rule = r.accepted ? 'storage.accept' : 'storage.reject';
    rec.text = () => (!r.accepted ? `The storage node rejects ${what}: it has already accepted token ${before.highest}`
      : ev.token < before.highest ? `The storage node accepts ${what}, though it has already accepted token ${before.highest}: it does not check tokens`
      : `The storage node accepts ${what}`);
    const { delay, lost } = k.transit();
    k.enqueue(k.time + delay, {
      kind: 'stored', client: ev.client, seq: ev.seq, lost, sentAt: k.time, sentSeq: k.event,
      reply: r.accepted ? { kind: 'ok' } : { kind: 'fail', error: `token ${ev.token} is lower than ${before.highest}` },
    });
  }

  /**
   * A leader's lease, round by round: a round begins (on the leader's clock) and counts the
   * heartbeat replies sent after it; once a majority has answered, the lease runs until the
   * round's start plus the lease's length, and the next round begins. A server that does not
   * lead holds none; a new term starts afresh.
   */
  private renewLease(server: ServerSide, k: Kernel, node: NodeId, rec: TraceRecord<unknown>): ServerSide {
    const state = k.state(node);
    if (!this.front.leads(state)) return server.lease === null ? server : { ...server, lease: null };
    const term = this.front.term(state);
    const round = (until: number | null): Lease => ({ term, since: k.time, start: k.clock(node), acks: [node], until });
    let lease = server.lease !== null && server.lease.term === term ? server.lease : round(null);
    if (rec.kind === 'deliver' && rec.msg !== undefined) {
      const from = this.front.confirms(rec.msg.msg, term);
      if (from !== null && rec.msg.sentAt > lease.since && !lease.acks.includes(from)) lease = { ...lease, acks: [...lease.acks, from] };
    }
    if (lease.acks.length >= majority(this.nodes)) lease = round(lease.start + this.leaseLength);
    return lease === server.lease ? server : { ...server, lease };
  }

  /** Does this leader's lease hold now, by its own clock? */
  private leaseHolds(server: ServerSide, k: Kernel, node: NodeId): boolean {
    const lease = server.lease;
    return lease !== null && lease.until !== null && lease.term === this.front.term(k.state(node)) && k.clock(node) < lease.until;
  }

  /** Reads waiting on this leader: answered once a majority confirmed its term after they came (or, on leases, once its lease holds). */
  private serveReads(w: ClientWorld, k: Kernel, node: NodeId, rec: TraceRecord<unknown>): void {
    const state = k.state(node);
    const server = w.servers[node];
    const leads = this.front.leads(state);
    const term = this.front.term(state);
    const index = this.front.readIndex(state);
    const keep: WaitingRead[] = [];
    for (const read of server.reads) {
      if (!leads || term !== read.term) {
        const leader = this.front.leaderHint(state, node);
        this.reply(k, read.client, read.seq, node, leader === null ? { kind: 'noLeader' } : { kind: 'redirect', leader });
        this.mark(rec, 'lost', () => `client ${read.client}: ${leader === null ? 'no leader known' : `try S${leader}`}`);
      } else if (index !== null && server.applied >= index && (this.config.reads === 'lease' ? this.leaseHolds(server, k, node)
        : this.skipHeartbeat || read.acks.length >= majority(this.nodes))) {
        const value = server.machine.kv[read.key] ?? null;
        this.reply(k, read.client, read.seq, node, { kind: 'ok', value }, { read: this.config.reads, index });
        this.mark(rec, 'answer', () => `client ${read.client}: ${read.key} = ${value ?? 'missing'} (applied ${server.applied} ≥ readIndex ${index})`);
      } else keep.push(read);
    }
    if (keep.length !== server.reads.length) w.servers[node] = { ...server, reads: keep };
  }

  private atClient(w: ClientWorld, k: Kernel, rec: TraceRecord<unknown>, ev: Extract<ClientEvent, { kind: 'reply' }>): void {
    const c = ev.client;
    const side = w.clients[c];
    const busy = side.busy;
    rec.rule = 'client.reply';
    const sender = ev.from === 0 ? 'the storage node' : `S${ev.from}`;
    if (ev.lost) {
      rec.kind = 'lost';
      rec.rule = 'client.lost';
      rec.text = () => `${capitalized(sender)}'s reply to client ${c} is lost: the network lost it`;
      return;
    }
    if (busy === null || busy.seq !== ev.seq) {
      rec.text = () => `Client ${c} ignores a late reply to #${ev.seq} from ${sender}`;
      return;
    }
    const r = ev.reply;
    switch (r.kind) {
      case 'redirect':
        rec.text = () => `Client ${c} hears from S${ev.from}: not the leader, try S${r.leader}`;
        w.clients[c] = { ...side, leaderHint: r.leader };
        this.retry(w, k, c, { ...busy, refused: true }, r.leader, 'redirect');
        return;
      case 'noLeader':
        rec.text = () => `Client ${c} hears from S${ev.from}: no leader known; it will try again after its timeout`;
        w.clients[c] = { ...side, busy: { ...busy, refused: true } };
        return;
      case 'ok': case 'fail':
        rec.text = () => (ev.from === 0 ? `Client ${c} hears from the storage node: "${opText(busy.op)}" ${r.kind === 'ok' ? 'accepted' : `rejected, ${r.error}`}`
          : `Client ${c} gets ${r.kind === 'ok' ? `ok${r.value !== undefined ? `: ${r.value ?? 'missing'}` : ''}` : `a failure: ${r.error}`} from S${ev.from} for "${opText(busy.op)}"`);
        w.clients[c] = {
          ...side, busy: null, leaderHint: ev.from === 0 ? side.leaderHint : ev.from,
          // An acquire's answer is the fencing token the client writes with from now on.
          token: busy.op.f === 'acquire' && r.kind === 'ok' ? Number(r.value) : side.token,
        };
        w.history = w.history.push({
          type: 'complete', id: busy.id, t: k.time, outcome: r.kind,
          ...(r.kind === 'ok' ? (r.value !== undefined ? { value: r.value } : {}) : { error: r.error }),
          ...(ev.from !== 0 ? { server: ev.from } : {}), ...(ev.index !== undefined ? { index: ev.index } : {}), ...(ev.read !== undefined ? { read: ev.read } : {}),
        });
    }
  }

  private timedOut(w: ClientWorld, k: Kernel, rec: TraceRecord<unknown>, ev: Extract<ClientEvent, { kind: 'timeout' }>): void {
    const c = ev.client;
    const busy = w.clients[c].busy!;
    rec.rule = 'client.timeout';
    const next = (busy.target % this.nodes) + 1;
    const marked = { ...busy, maybe: busy.maybe || !busy.refused };
    const storage = busy.op.f === 'write';
    rec.text = () => (busy.attempt < this.config.tries ? (storage ? `Client ${c} hears nothing from the storage node in time: it writes again`
      : `Client ${c} hears nothing from S${busy.target} in time: it tries S${next}`)
      : `Client ${c} gives up on "${opText(busy.op)}" after ${busy.attempt} tries`);
    this.retry(w, k, c, marked, next, 'retry');
  }

  /** The next attempt at `target`, or, after the last one, giving up: unknown if any attempt may have taken effect. */
  private retry(w: ClientWorld, k: Kernel, c: number, busy: Busy, target: NodeId, why: 'retry' | 'redirect'): void {
    const side = w.clients[c];
    if (busy.attempt < this.config.tries) {
      const next: Busy = { ...busy, attempt: busy.attempt + 1, target, refused: false };
      w.clients[c] = { ...side, busy: next };
      this.send(w, k, c, next, why);
      return;
    }
    w.clients[c] = { ...side, busy: null };
    w.history = w.history.push({ type: 'complete', id: busy.id, t: k.time, outcome: busy.maybe ? 'unknown' : 'fail', error: `gave up after ${busy.attempt} tries` });
  }
}

const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);
