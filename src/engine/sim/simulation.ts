import { ClientLayer, copyClients, initialClients, type Kernel } from '../clients/layer';
import type { ClientEvent } from '../clients/types';
import { withReadOptions } from '../clients/readOptions';
import { emptyHash, hashHex, mixNumber, mixString } from './hash';
import { localTime, TRUE_CLOCK, trueDuration, withRate } from './clock';
import { blockedReason, createNetwork, cut, heal, healNodes, partition, restore } from './network';
import { createRng, nextFloat, nextInt } from './prng';
import { type Context, type Effect, type EffectSink, type Input, type Lendable, type LineMark, type NodeId, Outbox, type Protocol, type Step } from './protocol';
import { peek, pop, push, removeWhere } from './queue';
import { EventRecord, type HandlerInput, type Rerun } from './record';
import type { Action, Envelope, NetworkState, NodeSlot, QueueItem, SimConfig, TimerSlot, TraceRecord, World } from './types';

function copyWorld<S, M>(w: World<S, M>): World<S, M> {
  return {
    ...w,
    rng: { ...w.rng },
    queue: w.queue.slice(),
    pending: w.pending.slice(),
    held: w.held.slice(),
    parked: w.parked.slice(),
    nodes: w.nodes.map((n) => (n === null ? n : { ...n, timers: { ...n.timers } })),
    hash: [w.hash[0], w.hash[1]],
    clients: w.clients === null ? null : copyClients(w.clients),
  };
}

export type Listener<M extends { type: string }> = (record: TraceRecord<M>, sim: Simulation<unknown, M>) => void;

/**
 * The simulation kernel: a virtual clock, an event queue, a network and a seeded PRNG,
 * driving a protocol's pure handlers. Everything it holds is plain data in `world`,
 * which `checkpoint()` copies and `restore()` puts back.
 */
export class Simulation<S, M extends { type: string }> implements Rerun, EffectSink {
  world: World<S, M>;
  readonly contexts: readonly Context[];
  /** The same contexts with every line's value kept, for running a handler again (see linesOf). */
  private readonly marked: readonly Context[];
  private listeners: Listener<M>[] = [];
  /** The record of the handler running now: where its applied entries go (see apply). */
  private handling: TraceRecord<M> | null = null;
  /** True while processing an event whose record no one will see (see base; EffectSink.unseen). */
  unseen = false;
  private readonly spare = new EventRecord<M>(0, 0, 'start', null);
  /**
   * And the input its handler gets, if it delivers a message: refilled, not made, for every such
   * event. Only a record someone sees keeps its handler's input (to make its lines' values).
   */
  private readonly unseenDelivery: { kind: 'message'; from: NodeId; msg: M } = { kind: 'message', from: 0, msg: null as unknown as M };
  /** The scenario's clients, if it has any (src/engine/clients). */
  readonly clients: ClientLayer | null;
  private readonly kernel: Kernel;

  constructor(
    readonly protocol: Protocol<S, M>,
    readonly config: SimConfig,
    actions: readonly Action[] = [],
    /** lines: false when no one reads the pseudocode lines of a record (they stay empty); the run is otherwise the same. */
    opts: { lines?: boolean } = {},
  ) {
    const ids = Array.from({ length: config.nodes }, (_, i) => i + 1);
    const bugs = new Set(config.bugs);
    // Context index = node id; slot 0 is unused so that contexts[id] reads like the lectures.
    const options = withReadOptions(config.options, config.clients?.reads);
    // Every context is made by this one literal, so all share one hidden class and the handlers'
    // many reads of ctx stay monomorphic (object spreads gave each run's contexts a new shape).
    const context = (self: NodeId, marking: Context['marking'], sink: EffectSink | undefined, outbox: Lendable | undefined): Context => ({
      self, nodes: ids, timing: config.timing, options, bugs, proposers: config.proposers ?? ids,
      voteNo: config.voteNo?.[self] !== undefined ? { chance: config.voteNo[self], seed: config.seed } : undefined,
      marking, sink, outbox,
    });
    this.marked = [null as unknown as Context, ...ids.map((self) => context(self, undefined, undefined, undefined))];
    // Handlers mark only which lines ran (their values are made if someone reads them), and hand
    // their effects straight to this simulation.
    const marking = opts.lines === false ? false : 'ids';
    this.contexts = [null as unknown as Context, ...ids.map((self) => context(self, marking, this, Outbox.carrying(this, self, marking)))];
    const t = config.timing;
    this.world = {
      time: 0, events: 0, nextSeq: 0, nextMsgId: 1, nextTimerId: 1,
      rng: createRng(config.seed),
      queue: [],
      nodes: [null as unknown as NodeSlot<S>, ...ids.map((id) => ({
        id, up: true, crashedAt: -1, state: protocol.init(this.contexts[id]), timers: {} as NodeSlot<S>['timers'],
        paused: false, clock: TRUE_CLOCK,
      }))],
      network: createNetwork(config.network.dropRate, config.network.duplicateRate, t.latencyMin, t.latencyMax),
      manual: config.network.manual === true, pending: [], held: [], parked: [],
      hash: emptyHash(),
      clients: config.clients === undefined ? null : initialClients(config.clients, config.nodes),
    };
    this.clients = config.clients === undefined ? null : new ClientLayer(config.clients, config.protocol, config.nodes, config.bugs, t.electionTimeoutMin, opts.lines !== false);
    this.kernel = this.makeKernel();
    for (const id of ids) this.enqueue(0, 1, 'start', id, null, null, null, 0, null);
    for (const action of actions) this.schedule(action);
  }

  get time(): number {
    return this.world.time;
  }

  get traceHash(): string {
    return hashHex(this.world.hash);
  }

  /** Node slots 1..n (index 0 of world.nodes is unused). */
  nodes(): readonly NodeSlot<S>[] {
    return this.world.nodes.slice(1);
  }

  node(id: NodeId): NodeSlot<S> {
    return this.world.nodes[id];
  }

  onEvent(listener: Listener<M>): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /**
   * Why `action` would be refused if it ran now, or null: a client's operation that is not one of
   * the store's, or that its client cannot start (paused, busy, no token). Actions run before the
   * protocol's events at their moment, so the world now is the world the action would meet.
   */
  refusal(action: Action): string | null {
    if (action.type !== 'invoke') return null;
    if (this.clients === null) return `This scenario has no clients: client ${action.client} cannot send "${action.op}"`;
    return this.clients.refusal(this.world.clients!, action.client, action.op);
  }

  /** Puts a user action into the queue; it runs before protocol events at the same time. */
  schedule(action: Action): void {
    const node = 'node' in action ? action.node ?? 0 : 0;
    this.enqueue(Math.max(action.at, this.world.time), 0, 'action', node, action, null, null, 0, null);
  }

  /**
   * Messages on the wire now, by id (the view interpolates them by time): those on their way,
   * those waiting for a choice (manual delivery), held ones, and those waiting for a paused node.
   */
  inFlight(): Envelope<M>[] {
    const w = this.world;
    const out: Envelope<M>[] = [];
    for (const item of w.queue) if (item.env !== null) out.push(item.env);
    for (const item of w.parked) if (item.env !== null) out.push(item.env);
    out.push(...w.pending);
    for (const h of w.held) out.push(h.env);
    return out.sort((a, b) => a.id - b.id);
  }

  /** Clients' requests and replies on their way now, with when each arrives. */
  clientsInFlight(): { at: number; ev: Extract<ClientEvent, { kind: 'request' | 'reply' }> }[] {
    const out: { at: number; ev: Extract<ClientEvent, { kind: 'request' | 'reply' }> }[] = [];
    for (const item of this.world.queue) {
      const ev = item.client;
      if (ev !== null && (ev.kind === 'request' || ev.kind === 'reply')) out.push({ at: item.at, ev });
    }
    return out;
  }

  /** Virtual time of the next event, or null when nothing is left to happen. */
  nextEventTime(): number | null {
    this.settleTop();
    return peek(this.world.queue)?.at ?? null;
  }

  /**
   * Manual delivery: when the next choice falls due, the earliest deliverAt of a waiting
   * message or deadline of a running timer on a live, unpaused node; null if nothing waits.
   * A host playing the run pauses there for the student to choose.
   */
  nextDue(): number | null {
    const w = this.world;
    if (!w.manual) return null;
    let due = Infinity;
    for (const env of w.pending) due = Math.min(due, env.deliverAt);
    for (let id = 1; id < w.nodes.length; id++) {
      const slot = w.nodes[id];
      if (!slot.up || slot.paused) continue;
      for (const name in slot.timers) {
        const timer = slot.timers[name];
        if (timer !== null) due = Math.min(due, timer.at);
      }
    }
    return due === Infinity ? null : due;
  }

  /** Processes one event; returns its trace record, or null when the queue is empty. */
  step(): TraceRecord<M> | null {
    this.settleTop();
    return this.next(false);
  }

  /**
   * The event at the top of the queue, which the caller has settled (settleTop); `unseen`: the
   * caller drops its record, so with no listener either, no one can ever see it.
   */
  private next(unseen: boolean): TraceRecord<M> | null {
    const w = this.world;
    const item = pop(w.queue);
    if (item === undefined) return null;
    w.time = item.at;
    this.unseen = unseen && this.listeners.length === 0;
    const record = this.process(item);
    this.unseen = false;
    this.record(record);
    return record;
  }

  /** Removes every queued user action (a controller re-queues its timeline after a restore). */
  clearActions(): void {
    removeWhere(this.world.queue, (item) => item.kind === 'action');
  }

  /** The message with this id, if it is still in flight. */
  findInFlight(id: number): Envelope<M> | null {
    for (const item of this.world.queue) if (item.env !== null && item.env.id === id) return item.env;
    return null;
  }

  /** Processes every event at or before `until`, then sets the clock to `until`. */
  runUntil(until: number, stop?: () => boolean): void {
    for (;;) {
      const at = this.nextEventTime(); // settles the top
      if (at === null || at > until) break;
      this.next(true);
      if (stop?.()) return;
    }
    if (until > this.world.time) this.world.time = until;
  }

  /** A copy of the world that later steps cannot change (protocol states are immutable and shared). */
  checkpoint(): World<S, M> {
    return copyWorld(this.world);
  }

  restore(cp: World<S, M>): void {
    this.world = copyWorld(cp);
  }

  // ---- internals -------------------------------------------------------------------------

  private enqueue(at: number, prio: 0 | 1, kind: QueueItem<M>['kind'], node: NodeId,
    action: Action | null, env: Envelope<M> | null, name: string | null, timerId: number, client: ClientEvent | null): void {
    const item: QueueItem<M> = { at, prio, seq: this.world.nextSeq++, kind, node, action, env, name, timerId, client };
    push(this.world.queue, item);
  }

  /**
   * Makes the top of the queue the next event that will happen: timers restarted or cancelled
   * leave their old entries behind, which never fire, and so do clients' timeouts that a reply
   * overtook; what comes due on a paused node waits (parked) until it resumes.
   */
  private settleTop(): void {
    const w = this.world;
    const q = w.queue;
    for (let top = peek(q); top !== undefined; top = peek(q)) {
      if (top.kind === 'client' ? !this.clients!.live(w.clients!, top.client!) : top.kind === 'timer' && !this.timerDue(top)) pop(q);
      // Clients are not servers: a server's pause does not hold them up.
      else if (top.kind !== 'action' && top.kind !== 'client' && w.nodes[top.node].paused) w.parked.push(pop(q)!);
      // A paused client's replies and timeouts wait for it the same way.
      else if (top.kind === 'client' && this.clients!.waits(w.clients!, top.client!)) w.parked.push(pop(q)!);
      else break;
    }
  }

  /**
   * Whether this timer entry at the top of the queue fires now. If not, the caller pops it: it
   * stands for no running timer (cancelled, fired early, lost in a crash), or it stands for one
   * restarted since, and is queued again here at that timer's time and seq, where the entry a
   * restart used to queue would stand, so the run is the same.
   */
  private timerDue(item: QueueItem<M>): boolean {
    const slot = this.world.nodes[item.node];
    const name = item.name!;
    const timer = slot.timers[name];
    if (!slot.up || timer == null || timer.carrier !== item.timerId) return false;
    if (timer.id === item.timerId) return true;
    if (timer.at < item.at) throw new Error(`S${item.node}'s ${name} timer is due at ${timer.at}, before its queue entry at ${item.at}`);
    slot.timers[name] = { since: timer.since, at: timer.at, id: timer.id, seq: timer.seq, carrier: timer.id, carrierAt: timer.at };
    push(this.world.queue, this.timerItem(item.node, name, timer.at, timer.seq, timer.id));
    return false;
  }

  private timerItem(node: NodeId, name: string, at: number, seq: number, timerId: number): QueueItem<M> {
    return { at, prio: 1, seq, kind: 'timer', node, action: null, env: null, name, timerId, client: null };
  }

  private record(record: TraceRecord<M>): void {
    // The hash covers what happened, where and when: time, kind, node, rule and message.
    // (Sentences are derived from these, and building them for every event would be slow.)
    const h = this.world.hash;
    mixNumber(h, record.t);
    mixNumber(h, record.node ?? 0);
    mixString(h, record.kind);
    mixString(h, record.rule);
    if (record.msg !== undefined) {
      mixNumber(h, record.msg.id);
      mixNumber(h, record.msg.from);
    }
    for (const l of this.listeners) l(record, this as unknown as Simulation<unknown, M>);
  }

  private base(kind: TraceRecord<M>['kind'], node: NodeId | null): TraceRecord<M> {
    // A record no one will see (a plain run's) is the same object every event: one less allocation per event.
    if (this.unseen) return this.spare.reset(++this.world.events, this.world.time, kind, node);
    return new EventRecord<M>(++this.world.events, this.world.time, kind, node);
  }

  private process(item: QueueItem<M>): TraceRecord<M> {
    switch (item.kind) {
      case 'start': {
        // A node crashed by an action at time 0 starts later, through recovery.
        if (!this.world.nodes[item.node].up) {
          const rec = this.base('refused', item.node);
          rec.rule = 'sim.start';
          rec.text = () => `S${item.node} is down and does not start`;
          return rec;
        }
        return this.run(this.base('start', item.node), item.node, { kind: 'start' });
      }
      case 'timer':
        this.world.nodes[item.node].timers[item.name!] = null;
        return this.run(this.base('timer', item.node), item.node, { kind: 'timer', name: item.name! });
      case 'deliver':
        return this.deliver(item.env!);
      case 'action':
        return this.act(item.action!);
      case 'client': {
        const rec = this.base('client', null);
        this.clients!.process(this.world.clients!, this.kernel, rec as TraceRecord<unknown>, item.client!);
        return rec;
      }
    }
  }

  /** What the client side may do to the world: queue its events, draw from the network, hand a server a command. */
  private makeKernel(): Kernel {
    const time = () => this.world.time;
    const events = () => this.world.events;
    return {
      get time() { return time(); },
      get event() { return events(); },
      up: (node) => this.world.nodes[node].up,
      state: (node) => this.world.nodes[node].state,
      enqueue: (at, ev) => this.enqueue(at, 1, 'client', 0, null, null, null, 0, ev),
      transit: () => {
        const net = this.world.network;
        const lost = net.dropRate > 0 && nextFloat(this.world.rng) < net.dropRate;
        return { delay: this.latency(net), lost };
      },
      clock: (node) => localTime(this.world.nodes[node].clock, this.world.time),
      submit: (rec, node, command) => { this.run(rec as TraceRecord<M>, node, { kind: 'request', command }); },
    };
  }

  /** Why this message, arriving now, would be lost; null if it would be delivered. */
  lossReason(env: Envelope<M>): string | null {
    const to = this.world.nodes[env.to];
    return env.lost ? 'the network lost it'
      : !to.up ? `S${env.to} is down`
      : to.crashedAt > env.sentAt ? `S${env.to} crashed while it was in flight`
      : blockedReason(this.world.network, env.from, env.to);
  }

  /** Delivers a message (or records its loss); `rec` is given when a user's action delivers it. */
  private deliver(env: Envelope<M>, rec = this.base('deliver', env.to)): TraceRecord<M> {
    const why = this.lossReason(env);
    rec.kind = why === null ? 'deliver' : 'lost';
    rec.from = env.from;
    rec.msg = env;
    if (why !== null) {
      rec.rule = 'net.lost';
      rec.text = () => `${this.protocol.describe(env.msg)} from S${env.from} to S${env.to} is lost: ${why}`;
      return rec;
    }
    if (!this.unseen) return this.run(rec, env.to, { kind: 'message', from: env.from, msg: env.msg });
    const input = this.unseenDelivery;
    input.from = env.from;
    input.msg = env.msg;
    return this.run(rec, env.to, input);
  }

  /** Runs a handler on a live node and carries out its effects. */
  private run(rec: TraceRecord<M>, id: NodeId, input: Input<M>): TraceRecord<M> {
    const before = this.world.nodes[id].state;
    this.handling = rec;
    return this.runStep(rec, id, this.protocol.handle(before, input, this.contexts[id]), before, input);
  }

  /** Runs the handler that ran on `before` and `input` again, on node `node`, keeping every line's value. */
  linesOf(node: NodeId, before: unknown, input: HandlerInput<unknown>): LineMark[] {
    const ctx = this.marked[node];
    return input.kind === 'transfer' ? this.protocol.transfer!(before as S, input.to, ctx).lines
      : this.protocol.handle(before as S, input as Input<M>, ctx).lines;
  }

  /** Carries out a handler's step on node `id` (run on `before` and `input`) and records it. */
  private runStep(rec: TraceRecord<M>, id: NodeId, step: Step<S, M>, before: S, input: HandlerInput<M>): TraceRecord<M> {
    const slot = this.world.nodes[id];
    rec.rule = step.rule;
    rec.text = step.text;
    if (step.ids !== null) (rec as EventRecord<M>).ran(step.ids, this, id, before, input);
    else rec.lines = step.lines;
    if (step.refused) rec.kind = 'refused';
    slot.state = step.state;
    this.carryOut(slot, step.effects);
    this.contexts[id].outbox!.free();
    this.handling = null;
    if (this.clients !== null) this.clients.afterHandler(this.world.clients!, this.kernel, id, rec as TraceRecord<unknown>);
    return rec;
  }

  /** Effects a step returns as data (an outbox with no sink makes them so); the simulation's own handlers' are carried out already. */
  private carryOut(slot: NodeSlot<S>, effects: readonly Effect<M>[]): void {
    for (const e of effects) {
      switch (e.kind) {
        case 'send': this.send(slot.id, e.to, e.msg); break;
        case 'timer': this.startTimer(slot.id, e.name, e.min, e.max); break;
        case 'cancel': this.cancelTimer(slot.id, e.name); break;
        case 'apply': this.apply(e.index, e.command); break;
      }
    }
  }

  // ---- effects, as handlers make them (EffectSink) ----------------------------------------

  startTimer(node: NodeId, name: string, min: number, max: number): void {
    const w = this.world;
    const slot = w.nodes[node];
    // The duration is in the node's own time, which a drifting clock stretches or shrinks.
    const at = w.time + trueDuration(slot.clock, min === max ? min : nextInt(w.rng, min, max));
    const id = w.nextTimerId++;
    // In manual delivery a timer fires only when chosen: its slot is all there is.
    if (w.manual) {
      slot.timers[name] = { since: w.time, at, id, seq: 0, carrier: 0, carrierAt: 0 };
      return;
    }
    const seq = w.nextSeq++;
    const was = slot.timers[name];
    // Restarted to a later time: its entry in the queue moves on when it comes up (see timerDue).
    // (Not on a paused node, where that entry may wait parked, past its time.)
    if (was != null && was.carrier !== 0 && was.carrierAt <= at && !slot.paused) {
      slot.timers[name] = { since: w.time, at, id, seq, carrier: was.carrier, carrierAt: was.carrierAt };
      return;
    }
    slot.timers[name] = { since: w.time, at, id, seq, carrier: id, carrierAt: at };
    push(w.queue, this.timerItem(node, name, at, seq, id));
  }

  cancelTimer(node: NodeId, name: string): void {
    this.world.nodes[node].timers[name] = null;
  }

  apply(index: number, command: string): void {
    (this.handling!.applied ??= []).push({ index, command });
  }

  private latency(net: NetworkState): number {
    return net.latencyMin === net.latencyMax ? net.latencyMin : nextInt(this.world.rng, net.latencyMin, net.latencyMax);
  }

  send(from: NodeId, to: NodeId, msg: M): void {
    const w = this.world;
    const net = w.network;
    const lost = net.dropRate > 0 && nextFloat(w.rng) < net.dropRate;
    const id = w.nextMsgId++;
    const env: Envelope<M> = { id, from, to, sentAt: w.time, deliverAt: w.time + this.latency(net), msg, lost, duplicateOf: null, heldFor: 0 };
    this.post(env);
    if (net.duplicateRate > 0 && nextFloat(w.rng) < net.duplicateRate) {
      this.post({ id: w.nextMsgId++, from, to, sentAt: w.time, deliverAt: w.time + this.latency(net), msg, lost: false, duplicateOf: id, heldFor: 0 });
    }
  }

  /** Puts a message on its way: into the queue, or (manual delivery) among those waiting for a choice. */
  private post(env: Envelope<M>): void {
    if (this.world.manual) this.world.pending.push(env);
    else this.enqueue(Math.max(env.deliverAt, this.world.time), 1, 'deliver', env.to, null, env, null, 0, null);
  }

  /**
   * Takes message `id` off the wire wherever it waits (on its way, waiting for a choice, or
   * held) and returns it, or the reason it cannot be taken.
   */
  private takeMessage(id: number): { env: Envelope<M>; heldAt: number | null } | string {
    const w = this.world;
    const parked = w.parked.find((item) => item.env !== null && item.env.id === id);
    if (parked !== undefined) return `S${parked.node} is paused: message ${id} has reached it and waits for it to resume`;
    const queued = w.queue.find((item) => item.env !== null && item.env.id === id);
    if (queued !== undefined) {
      if (w.nodes[queued.node].paused) return `S${queued.node} is paused: message ${id} would wait for it to resume`;
      removeWhere(w.queue, (item) => item === queued);
      return { env: queued.env!, heldAt: null };
    }
    const p = w.pending.findIndex((env) => env.id === id);
    if (p >= 0) {
      if (w.nodes[w.pending[p].to].paused) return `S${w.pending[p].to} is paused: message ${id} would wait for it to resume`;
      return { env: w.pending.splice(p, 1)[0], heldAt: null };
    }
    const h = w.held.findIndex((x) => x.env.id === id);
    if (h >= 0) {
      const [held] = w.held.splice(h, 1);
      return { env: held.env, heldAt: held.heldAt };
    }
    return `message ${id} is not in flight`;
  }

  /** Switches manual delivery on or off, moving what waits between the queue and the choices. */
  private setManual(on: boolean): void {
    const w = this.world;
    if (w.manual === on) return;
    w.manual = on;
    if (on) {
      // Timers live on in their slots; messages on their way (or waiting for a paused node) wait for a choice.
      const taken = removeWhere(w.queue, (item) => item.kind === 'deliver' || item.kind === 'timer');
      const waiting = [...taken, ...w.parked].filter((item) => item.env !== null).sort((a, b) => a.at - b.at || a.seq - b.seq);
      w.pending.push(...waiting.map((item) => item.env!));
      w.parked = w.parked.filter((item) => item.env === null && item.kind !== 'timer');
      return;
    }
    // Back to the clock: what is overdue happens now, in the order it fell due.
    const timers: { node: number; name: string; timer: TimerSlot }[] = [];
    for (let id = 1; id < w.nodes.length; id++) {
      const slot = w.nodes[id];
      if (!slot.up) continue;
      for (const name in slot.timers) {
        const timer = slot.timers[name];
        if (timer !== null) timers.push({ node: id, name, timer });
      }
    }
    for (const { node, name, timer } of timers.sort((a, b) => a.timer.at - b.timer.at || a.timer.id - b.timer.id)) {
      const at = Math.max(timer.at, w.time);
      w.nodes[node].timers[name] = { since: timer.since, at: timer.at, id: timer.id, seq: timer.seq, carrier: timer.id, carrierAt: at };
      this.enqueue(at, 1, 'timer', node, null, null, name, timer.id, null);
    }
    const pending = w.pending.sort((a, b) => a.deliverAt - b.deliverAt || a.id - b.id);
    w.pending = [];
    for (const env of pending) this.post(env);
  }

  /** Puts what waited for a paused node back in the queue, in the order it came due (now, if overdue). */
  private unpark(id: NodeId): void {
    this.unparkWhere((item) => item.kind !== 'client' && item.node === id);
  }

  private unparkWhere(mineIf: (item: QueueItem<M>) => boolean): void {
    const w = this.world;
    const mine = w.parked.filter(mineIf);
    if (mine.length === 0) return;
    w.parked = w.parked.filter((item) => !mineIf(item));
    for (const item of mine) this.enqueue(Math.max(item.at, w.time), 1, item.kind, item.node, null, item.env, item.name, item.timerId, item.client);
  }

  private act(action: Action): TraceRecord<M> {
    const w = this.world;
    const n = this.config.nodes;
    const node = 'node' in action ? action.node ?? null : null;
    const rec = this.base('action', node);
    rec.action = action;
    const refuse = (text: () => string) => {
      rec.kind = 'refused';
      rec.rule = `user.${action.type}`;
      rec.text = text;
      return rec;
    };
    const done = (text: () => string) => {
      rec.rule = `user.${action.type}`;
      rec.text = text;
      return rec;
    };
    switch (action.type) {
      case 'crash': {
        const slot = w.nodes[action.node];
        if (!slot.up) return refuse(() => `S${action.node} is already down`);
        slot.up = false;
        slot.crashedAt = w.time;
        slot.timers = {};
        slot.state = this.protocol.crash(slot.state, this.contexts[action.node]);
        if (this.clients !== null) this.clients.crashed(this.world.clients!, action.node);
        // A paused process can crash too: what waited for it arrives at a dead node, and is lost.
        const paused = slot.paused;
        slot.paused = false;
        this.unpark(action.node);
        return done(() => `S${action.node} crashes${paused ? ' while paused' : ''}: its volatile state and timers are lost`);
      }
      case 'recover': {
        const slot = w.nodes[action.node];
        if (slot.up) return refuse(() => `S${action.node} is already up`);
        slot.up = true;
        return this.run(rec, action.node, { kind: 'recover' });
      }
      case 'request':
      case 'timeout': {
        if (!w.nodes[action.node].up) return refuse(() => `S${action.node} is down and cannot take ${action.type === 'request' ? `"${action.command}"` : 'a timeout'}`);
        if (w.nodes[action.node].paused) return refuse(() => `S${action.node} is paused and cannot take ${action.type === 'request' ? `"${action.command}"` : 'a timeout'}`);
        return this.run(rec, action.node, action.type === 'request' ? { kind: 'request', command: action.command } : { kind: 'timeout' });
      }
      case 'transfer': {
        const slot = w.nodes[action.node];
        if (!slot.up) return refuse(() => `S${action.node} is down and cannot hand over leadership`);
        if (slot.paused) return refuse(() => `S${action.node} is paused and cannot hand over leadership`);
        const transfer = this.protocol.transfer;
        if (transfer === undefined) return refuse(() => `${this.protocol.name} has no leadership transfer`);
        this.handling = rec;
        return this.runStep(rec, action.node, transfer(slot.state, action.to, this.contexts[action.node]), slot.state, { kind: 'transfer', to: action.to });
      }
      case 'partition': {
        w.network = partition(w.network, action.groups, n);
        const groups = w.network.groups!;
        return done(() => `The network splits into ${groups.map((g) => `{${g.map((id) => `S${id}`).join(', ')}}`).join(' | ')}`);
      }
      case 'heal': {
        if (action.nodes !== undefined) {
          if (w.network.groups === null) return refuse(() => 'The network is not partitioned: nothing to heal');
          w.network = healNodes(w.network, action.nodes);
          const left = w.network.groups;
          const names = action.nodes.map((id) => `S${id}`).join(', ');
          return done(() => (left === null ? `${names} rejoin${action.nodes!.length === 1 ? 's' : ''} the others: the partition heals`
            : `${names} rejoin${action.nodes!.length === 1 ? 's' : ''} everyone; ${left.map((g) => `{${g.map((id) => `S${id}`).join(', ')}}`).join(' | ')} stay apart`));
        }
        const partitioned = w.network.groups !== null;
        const cuts = w.network.cuts.length;
        w.network = heal(w.network);
        return done(() => healText(partitioned, cuts));
      }
      case 'cut':
        w.network = cut(w.network, action.from, action.to);
        return done(() => `The link S${action.from}→S${action.to} is cut`);
      case 'restore':
        w.network = restore(w.network, action.from, action.to);
        return done(() => `The link S${action.from}→S${action.to} is restored`);
      case 'drop': {
        const gone = removeWhere(w.queue, (item) => item.env !== null && item.env.id === action.message);
        const taken = gone.length > 0 ? { env: gone[0].env! } : this.takeMessage(action.message);
        if (typeof taken === 'string') return refuse(() => capitalize(taken));
        const env = taken.env;
        rec.msg = env;
        rec.from = env.from;
        return done(() => `The user drops ${this.protocol.describe(env.msg)} from S${env.from} to S${env.to}`);
      }
      case 'invoke':
        if (this.clients === null) return refuse(() => this.refusal(action)!);
        this.clients.invoke(this.world.clients!, this.kernel, rec as TraceRecord<unknown>, action.client, action.op, action.node);
        return rec;
      case 'network': {
        const { at: _at, type: _type, manual, ...change } = action;
        w.network = { ...w.network, ...change };
        const net = w.network;
        const was = w.manual;
        if (manual !== undefined) this.setManual(manual);
        const mode = manual === undefined ? '' : manual === was ? `Manual delivery is already ${manual ? 'on' : 'off'}`
          : manual ? 'Manual delivery: nothing arrives and no timer fires until you choose' : 'Messages and timers run by the clock again';
        const rates = `The network now drops ${Math.round(net.dropRate * 100)}%, duplicates ${Math.round(net.duplicateRate * 100)}%, latency ${net.latencyMin}–${net.latencyMax} ms`;
        return done(() => (Object.keys(change).length === 0 ? mode : mode === '' ? rates : `${rates}. ${mode}`));
      }
      case 'deliver': {
        const taken = this.takeMessage(action.message);
        if (typeof taken === 'string') return refuse(() => `Cannot deliver: ${taken}`);
        // One event: the delivery itself, carrying the action that chose it.
        rec.node = taken.env.to;
        return this.deliver(taken.env, rec);
      }
      case 'hold': {
        const taken = this.takeMessage(action.message);
        if (typeof taken === 'string') return refuse(() => `Cannot hold: ${taken}`);
        if (taken.heldAt !== null) {
          w.held.push({ env: taken.env, heldAt: taken.heldAt });
          return refuse(() => `Message ${action.message} is already held`);
        }
        const env = taken.env;
        w.held.push({ env, heldAt: w.time });
        return done(() => `The user holds ${this.protocol.describe(env.msg)} from S${env.from} to S${env.to} in flight`);
      }
      case 'release': {
        const i = w.held.findIndex((h) => h.env.id === action.message);
        if (i < 0) return refuse(() => `Message ${action.message} is not held`);
        const [{ env, heldAt }] = w.held.splice(i, 1);
        // It flies on from where it stopped: the rest of its flight, from now.
        const released: Envelope<M> = { ...env, deliverAt: w.time + Math.max(0, env.deliverAt - heldAt), heldFor: env.heldFor + w.time - heldAt };
        this.post(released);
        return done(() => `The user releases ${this.protocol.describe(env.msg)} from S${env.from} to S${env.to}`);
      }
      case 'duplicate': {
        const found = this.inFlight().find((env) => env.id === action.message);
        if (found === undefined) return refuse(() => `Cannot duplicate: message ${action.message} is not in flight`);
        const copy: Envelope<M> = { ...found, id: w.nextMsgId++, sentAt: w.time, deliverAt: w.time + this.latency(w.network), lost: false, duplicateOf: found.id, heldFor: 0 };
        this.post(copy);
        return done(() => `The user duplicates ${this.protocol.describe(found.msg)} from S${found.from} to S${found.to}: a copy is on its way`);
      }
      case 'fire': {
        const slot = w.nodes[action.node];
        if (!slot.up) return refuse(() => `S${action.node} is down: it has no timers`);
        if (slot.paused) return refuse(() => `S${action.node} is paused: its timers wait for it to resume`);
        if (slot.timers[action.timer] == null) return refuse(() => `S${action.node} has no ${action.timer} timer running`);
        // One event: the timer firing early (its queue entry, if any, is now stale).
        slot.timers[action.timer] = null;
        rec.kind = 'timer';
        return this.run(rec, action.node, { kind: 'timer', name: action.timer });
      }
      case 'pause': {
        const slot = w.nodes[action.node];
        if (!slot.up) return refuse(() => `S${action.node} is down and cannot pause`);
        if (slot.paused) return refuse(() => `S${action.node} is already paused`);
        slot.paused = true;
        return done(() => `S${action.node} pauses (a long garbage collection): it keeps its state; messages to it wait, and so do its timers`);
      }
      case 'resume': {
        const slot = w.nodes[action.node];
        if (!slot.paused) return refuse(() => `S${action.node} is not paused`);
        slot.paused = false;
        this.unpark(action.node);
        return done(() => `S${action.node} resumes: the messages that waited for it arrive, and its overdue timers fire late`);
      }
      case 'pauseClient': case 'resumeClient': {
        const c = action.client;
        if (this.clients === null) return refuse(() => `This scenario has no clients: client ${c} cannot ${action.type === 'pauseClient' ? 'pause' : 'resume'}`);
        const why = this.clients.setPaused(w.clients!, c, action.type === 'pauseClient');
        if (why !== null) return refuse(() => why);
        if (action.type === 'pauseClient') return done(() => `Client ${c} pauses (a long garbage collection): replies to it and its own timeouts wait`);
        this.unparkWhere((item) => item.kind === 'client' && item.client!.client === c);
        return done(() => `Client ${c} resumes: it goes on as if no time had passed, with what it held before`);
      }
      case 'drift': {
        const slot = w.nodes[action.node];
        slot.clock = withRate(slot.clock, w.time, action.rate);
        return done(() => `S${action.node}'s clock now runs at ${action.rate}× true time${action.rate > 1 ? ': its timers fire early' : action.rate < 1 ? ': its timers fire late' : ''}`);
      }
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a heal did, in the event log's words: a heal makes the whole network work again. */
function healText(partitioned: boolean, cuts: number): string {
  const links = `${cuts === 1 ? 'the cut link is' : `${cuts} cut links are`} restored`;
  if (partitioned) return cuts === 0 ? 'The partition heals' : `The partition heals and ${links}`;
  return cuts === 0 ? 'The network is already whole: nothing to heal' : `The network heals: ${links}`;
}
