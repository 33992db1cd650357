import { createContext, useCallback, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { saveFile } from '../files';
import { viewOf } from '../protocolView';
import type { StepClaims } from '../../scenario/claims/check';
import type { Scenario } from '../../scenario/schema';
import type { SpaceTimeWindow } from '../../worker/spacetime';
import { type ClientsView, type CodeView, type FromWorker, type Marker, MAX_MARKERS, type NodeView, type SafetyView, type ScenarioBase, type Snapshot, type ToWorker, type TraceView, type UserAction } from '../../worker/protocol';

export type Progress = NonNullable<Extract<FromWorker, { type: 'progress' }>['progress']>;

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'alert';
  /**
   * A way on the notice offers: 'lessons' opens the lesson menu; 'undo' takes back an action that
   * discarded the run's future (one such offer at a time; it stays until taken or dismissed).
   */
  offer?: 'lessons' | 'undo';
}

/** What the tables read, and node details (as the `details` view). */
export interface PanelView {
  snapshot: Snapshot;
  nodes: Record<number, NodeView>;
}

/** What the safety panel, run details and timeline markers read. */
export interface InfoView {
  snapshot: Snapshot;
  safety: SafetyView | null;
  markers: Marker[];
}

/** What the event log reads. */
export interface EventsView {
  trace: TraceView[];
  playing: boolean;
}

/** The clock and the timeline's position. */
export interface HudView {
  time: number;
  events: number;
  frontier: { time: number; events: number };
}

/** The messages in flight, for the list that screen readers and the keyboard use. */
export interface FlightView {
  snapshot: Snapshot;
  /** Playing so fast that every message is gone before the list could show it again. */
  fleeting: boolean;
}

/** What the pseudocode panel reads: the handler runs, and whether the run plays (then it follows a node). */
export interface CodeSlice {
  view: CodeView;
  playing: boolean;
}

/**
 * While playing, views nobody reads at 60 Hz refresh on a schedule: the clock and timeline
 * 15 times a second; tables, text panels, the pseudocode and the list of messages 4 times.
 * At most one of them per frame, so no frame pays for two; paused, everything refreshes at
 * once. The cluster itself animates every frame.
 */
const SLOW_VIEWS = { hud: 66, panel: 250, details: 250, info: 250, events: 250, flight: 250, code: 250 } as const;
export type SlowView = keyof typeof SLOW_VIEWS;
/** Views shown only by elements that say so (see watchSight): with none, they rest. */
const SHOWN_WHEN_WATCHED: ReadonlySet<SlowView> = new Set(['details']);
const TRACE_KEPT = 150;

export interface SimState {
  snapshot: Snapshot | null;
  panel: PanelView | null;
  details: PanelView | null;
  info: InfoView | null;
  events: EventsView | null;
  hud: HudView | null;
  flight: FlightView | null;
  code: CodeSlice | null;
  /** The latest pseudocode data received, merged from snapshot deltas. */
  codeView: CodeView | null;
  /** The clients' operations as the engine recorded them (null without clients). */
  clients: ClientsView | null;
  /** Show the Raft paper's names beside the lectures' (pseudocode panel and legend). */
  paperNames: boolean;
  /** The window of the run the space-time diagram last asked for. */
  spacetime: SpaceTimeWindow | null;
  /** NodeView per id, kept by reference while its version is unchanged. */
  nodes: Record<number, NodeView>;
  nodeIds: number[];
  /** The most recent trace records, oldest first, merged from snapshot deltas. */
  trace: TraceView[];
  safety: SafetyView | null;
  /** Whether each narration step's claims hold, as the worker last judged them. */
  claims: StepClaims[];
  markers: Marker[];
  /** The scenario but its actions, which only the worker holds (see fullScenario). */
  scenario: ScenarioBase | null;
  /** How many actions the scenario holds: its own and every one the user took. */
  actionCount: number;
  /** A long move under way in the worker (see the 'progress' message), or null. */
  progress: Progress | null;
  notices: Notice[];
  /** How many of the present moment's violations the user dismissed the "Safety violated" notice for. */
  violationsDismissed: number;
  dismissViolation: () => void;
  selectedNode: number | null;
  selectedMessage: number | null;
  /** A client's operation (its id in the history), selected in the History tab or on the space-time diagram. */
  selectedOp: number | null;
  /** Whether the space-time diagram follows the playhead: its Follow box, turned off by scrolling it, on again by History's "Show in space-time". */
  diagramFollow: boolean;
  /** Nodes picked for one side of a partition, or null when not picking. */
  partitionPick: number[] | null;
  nextCommand: number;
  send: (cmd: ToWorker) => void;
  act: (action: UserAction) => void;
  /** The whole scenario, every action included, as the worker holds it now. */
  fullScenario: () => Promise<Scenario>;
  /** Opens the scenario again from 0, every action kept, with a setting changed (a broken rule, a vote). */
  reload: (change: (scenario: Scenario) => Scenario) => void;
  receive: (msg: FromWorker) => void;
  notify: (text: string, tone?: Notice['tone'], offer?: Notice['offer']) => void;
  /** How many times something asked the lesson menu to open (a notice's "Choose a lesson"): the menu opens on each. */
  lessonMenuAsked: number;
  askLessonMenu: () => void;
  dismiss: (id: number) => void;
  select: (id: number | null) => void;
  selectMessage: (id: number | null) => void;
  selectOp: (id: number | null) => void;
  /** The diagram follows the playhead again: from another panel, "show it on the diagram" means show the moment it sought to. */
  setDiagramFollow: (on: boolean) => void;
  setPartitionPick: (pick: number[] | null) => void;
  setPaperNames: (on: boolean) => void;
  /** Adds a node to the side being picked, or takes it out again. */
  togglePick: (id: number) => void;
  /** The next command a user sends without typing one, in the protocol's own words (the R key, an empty Send). */
  takeCommand: () => string;
  /**
   * Tells the store that an element shows a view: while playing, a view whose elements are
   * all scrolled out of sight is not refreshed (it is, the moment one scrolls back in, and
   * whenever the run pauses). Returns the function that stops watching.
   */
  watchSight: (view: SlowView, el: Element) => () => void;
}

let noticeIds = 0;

/**
 * When bench:ui asks (it sets `window.__quorumRefreshes` to a list before the page loads),
 * each slow view's refresh is noted there with its time, so the bench can tell which view's
 * work a costly frame did (`also`: more names, such as '(snapshot)' for a frame that merged
 * snapshots). Otherwise nothing is noted: a trace mark per refresh costs more than some
 * refreshes do.
 */
export function stampRefresh(views: Iterable<string>, also: readonly string[] = []): void {
  const log = (globalThis as { __quorumRefreshes?: { t: number; view: string }[] }).__quorumRefreshes;
  if (log === undefined) return;
  const t = performance.now();
  for (const view of views) log.push({ t, view });
  for (const view of also) log.push({ t, view });
}

/** What a frame that merged snapshots notes beside its views (see stampRefresh): the bench's floor line tells such frames apart. */
const MERGED = ['(snapshot)'];
const MERGED_WITH_WINDOW = ['spacetime', '(snapshot)'];

/**
 * In development and tests the store's arrays are frozen: a view that reverses or sorts one
 * in place (scrambling it for every other view and for the next merge) throws at once. The
 * production build skips the guard; the lint rule on the views' folders stands in for it.
 */
const guarded: <T>(list: T[]) => T[] = import.meta.env.DEV ? (list) => Object.freeze(list) as typeof list : (list) => list;

/** One store per simulation (as React Flow keeps one per instance); components select what they draw. */
export function createSimStore(send: (cmd: ToWorker) => void): StoreApi<SimState> {
  const refreshedAt: Record<SlowView, number> = { hud: 0, panel: 0, details: 0, info: 0, events: 0, flight: 0, code: 0 };
  let pending: Snapshot[] = [];
  /** A space-time window received while playing, for the next frame (undefined: none). */
  let pendingWindow: SpaceTimeWindow | undefined;
  let frame: number | null = null;
  const sight = new Map<Element, { view: SlowView; seen: boolean }>();
  let observer: IntersectionObserver | null = null;
  let traceShown = true;
  /** The slow views refreshed in this frame, named in the performance trace (see stampRefresh). */
  const refreshed = new Set<SlowView>();
  /** fullScenario's questions to the worker, by id, until answered. */
  const scenarioAsks = new Map<number, (scenario: Scenario) => void>();
  let nextAsk = 1;

  /** A view is out of sight when elements show it and none of them is on screen (or, for some, when none shows it). */
  const outOfSight = (v: SlowView): boolean => {
    let watched = false;
    for (const w of sight.values()) {
      if (w.view !== v) continue;
      if (w.seen) return false;
      watched = true;
    }
    return watched || SHOWN_WHEN_WATCHED.has(v);
  };

  /** Tells the worker whether the event log is in sight, so it sends trace records only then. */
  const reportSight = () => {
    const shown = !outOfSight('events');
    if (shown !== traceShown) send({ type: 'traceShown', shown: (traceShown = shown) });
  };

  /**
   * Whether the list of messages is pointless at this pace: while playing, each message
   * lives latency / speed of real time, and if even the slowest is gone before the list's
   * next refresh, nobody could read or pick one. The list then says so instead.
   */
  const fleeting = (snap: Snapshot): boolean => snap.playing && snap.network.latencyMax / snap.speed < SLOW_VIEWS.flight;

  /** A view with nothing new to show: out of sight, or a list of messages already saying they are too quick. */
  const rests = (v: SlowView, snap: Snapshot, prev: SimState): boolean =>
    outOfSight(v) || (v === 'flight' && fleeting(snap) && prev.flight?.fleeting === true);

  /**
   * The slow views to refresh with this snapshot: all when paused or while one was never
   * filled, else the most overdue one, unless the frame's turn is taken (`diagramTurn`: the
   * space-time diagram draws a new window in it, or a later snapshot of the frame will give it). (The pseudocode has nothing to show before the worker
   * sends its first handler run, so it waits for that, not the others for it.)
   */
  const slowViewsDue = (snap: Snapshot, prev: SimState, now: number, hasCode: boolean, diagramTurn: boolean): Set<SlowView> => {
    const all = Object.keys(SLOW_VIEWS) as SlowView[];
    if (!snap.playing || all.some((v) => prev[v] === null && (v !== 'code' || hasCode))) return new Set(all);
    if (diagramTurn) return new Set();
    let best: SlowView | null = null;
    let bestRatio = 1;
    for (const v of all) {
      if (rests(v, snap, prev)) continue;
      const ratio = (now - refreshedAt[v]) / SLOW_VIEWS[v];
      if (ratio >= bestRatio) { best = v; bestRatio = ratio; }
    }
    return new Set(best === null ? [] : [best]);
  };

  /** Folds one delta snapshot into the state (see Snapshot): unchanged nodes keep their objects. */
  const merge = (prev: SimState, snap: Snapshot, diagramTurn: boolean): Partial<SimState> => {
    const nodes: Record<number, NodeView> = snap.reset ? {} : { ...prev.nodes };
    for (const n of snap.nodes) nodes[n.id] = n;
    const nodesChanged = snap.reset || snap.nodes.length > 0;
    const nodeIds = Object.keys(nodes).map(Number).sort((a, b) => a - b);
    const trace = snap.trace.reset ? snap.trace.list
      : snap.trace.list.length === 0 ? prev.trace : prev.trace.concat(snap.trace.list).slice(-TRACE_KEPT);
    const safety = snap.safety ?? prev.safety;
    const markers = snap.markers === null ? prev.markers
      : snap.markers.reset ? snap.markers.list : prev.markers.concat(snap.markers.list).slice(-MAX_MARKERS);
    const codeView = snap.code ?? prev.codeView;
    const now = performance.now();
    const due = slowViewsDue(snap, prev, now, codeView !== null, diagramTurn);
    for (const v of due) {
      refreshedAt[v] = now;
      refreshed.add(v);
    }
    const currentNodes = nodesChanged ? nodes : prev.nodes;
    // A reset sends the history whenever the run has clients, so none then means none.
    const clients = snap.clients ?? (snap.reset ? null : prev.clients);
    return {
      snapshot: snap,
      trace: guarded(trace),
      safety,
      // Back before a dismissed violation, it is news again when the run comes back to it.
      violationsDismissed: Math.min(prev.violationsDismissed, safety?.violations.length ?? 0),
      markers: guarded(markers),
      ...(due.has('panel') ? { panel: { snapshot: snap, nodes: currentNodes } } : {}),
      ...(due.has('details') ? { details: { snapshot: snap, nodes: currentNodes } } : {}),
      ...(due.has('info') ? { info: { snapshot: snap, safety, markers } } : {}),
      ...(due.has('events') ? { events: { trace, playing: snap.playing } } : {}),
      ...(due.has('hud') ? { hud: { time: snap.time, events: snap.events, frontier: snap.frontier } } : {}),
      ...(due.has('flight') ? { flight: { snapshot: snap, fleeting: fleeting(snap) } } : {}),
      ...(due.has('code') && codeView !== null ? { code: { view: codeView, playing: snap.playing } } : {}),
      codeView,
      ...(clients !== prev.clients ? { clients } : {}),
      ...(snap.claims !== null ? { claims: guarded(snap.claims) } : {}),
      ...(nodesChanged ? { nodes, nodeIds: nodeIds.join() === prev.nodeIds.join() ? prev.nodeIds : guarded(nodeIds) } : {}),
      ...(snap.scenario === null ? {} : { actionCount: snap.scenario.actions, ...(snap.scenario.base !== null ? { scenario: snap.scenario.base } : {}) }),
    };
  };

  /**
   * At most one render per animation frame: snapshots arriving in between are folded
   * together, with the space-time window received meanwhile.
   */
  const nextFrame = () => {
    frame ??= requestAnimationFrame(() => {
      frame = null;
      const batch = pending;
      const window = pendingWindow;
      pending = [];
      pendingWindow = undefined;
      let next: Partial<SimState> = window === undefined ? {} : { spacetime: window };
      // Playing, only the frame's last snapshot gives a slow view its turn: one per frame, however many came.
      batch.forEach((snap, i) => {
        next = { ...next, ...merge({ ...store.getState(), ...next }, snap, window !== undefined || i < batch.length - 1) };
      });
      stampRefresh(refreshed, window === undefined ? MERGED : MERGED_WITH_WINDOW);
      refreshed.clear();
      store.setState(next);
    });
  };

  const store = createStore<SimState>((set, get) => ({
    snapshot: null,
    panel: null,
    details: null,
    info: null,
    events: null,
    hud: null,
    flight: null,
    code: null,
    codeView: null,
    clients: null,
    paperNames: false,
    spacetime: null,
    nodes: {},
    nodeIds: [],
    trace: [],
    safety: null,
    claims: [],
    markers: [],
    scenario: null,
    actionCount: 0,
    progress: null,
    notices: [],
    violationsDismissed: 0,
    lessonMenuAsked: 0,
    selectedNode: null,
    selectedMessage: null,
    selectedOp: null,
    diagramFollow: true,
    partitionPick: null,
    nextCommand: 1,
    send,
    act: (action) => send({ type: 'act', action }),
    fullScenario: () => new Promise((resolve) => {
      const id = nextAsk++;
      scenarioAsks.set(id, resolve);
      send({ type: 'scenario', id });
    }),
    reload: (change) => void get().fullScenario().then((s) => send({ type: 'load', scenario: change(s) })),
    receive: (msg) => {
      if (msg.type === 'snapshot') {
        pending.push(msg.snapshot);
        nextFrame();
      } else if (msg.type === 'spacetime') {
        // Playing, a new window waits for the next frame and has it to itself (see slowViewsDue):
        // its drawing is the dearest of the slow refreshes. Paused, it shows at once.
        if (get().snapshot?.playing === true) {
          pendingWindow = msg.window;
          nextFrame();
        } else {
          pendingWindow = undefined;
          stampRefresh(['spacetime']);
          set({ spacetime: msg.window });
        }
      } else if (msg.type === 'progress') {
        set({ progress: msg.progress });
      } else if (msg.type === 'scenario') {
        scenarioAsks.get(msg.id)?.(msg.scenario);
        scenarioAsks.delete(msg.id);
      } else if (msg.type === 'where') {
        // Answered to whoever asked (the side-by-side transport); nothing to show.
      } else if (msg.type === 'trace') {
        saveFile('quorum-trace.jsonl', msg.jsonl, 'application/x-ndjson');
      } else if (msg.type === 'notice' && msg.kind === 'violation') {
        // Said when play stops at one; ViolationNotice reads the snapshot's safety instead, so a
        // link or a seek to the moment shows the same notice as playing there.
      } else {
        get().notify(msg.text, msg.type === 'error' ? 'alert' : 'info', msg.type === 'notice' && msg.kind === 'discarded' ? 'undo' : undefined);
      }
    },
    notify: (text, tone = 'info', offer) => {
      const id = ++noticeIds;
      // One notice per text, refreshed (its timer starts again); one offer of each kind.
      const kept = (n: Notice) => n.text !== text && (offer === undefined || n.offer !== offer);
      set((s) => ({ notices: [...s.notices.filter(kept).slice(-3), { id, text, tone, ...(offer && { offer }) }] }));
    },
    askLessonMenu: () => set((s) => ({ lessonMenuAsked: s.lessonMenuAsked + 1 })),
    dismissViolation: () => set((s) => ({ violationsDismissed: s.safety?.violations.length ?? 0 })),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    select: (id) => set({ selectedNode: id }),
    selectMessage: (id) => set({ selectedMessage: id }),
    selectOp: (id) => set({ selectedOp: id }),
    setDiagramFollow: (on) => set({ diagramFollow: on }),
    setPartitionPick: (pick) => set({ partitionPick: pick }),
    setPaperNames: (on) => set({ paperNames: on }),
    togglePick: (id) => set((s) => (s.partitionPick === null ? {} : {
      partitionPick: s.partitionPick.includes(id) ? s.partitionPick.filter((x) => x !== id) : [...s.partitionPick, id],
    })),
    takeCommand: () => {
      const n = get().nextCommand;
      set({ nextCommand: n + 1 });
      // The protocol's own next command: 2PC's coordinator takes "tx t1", not "set x 1".
      return viewOf(get().snapshot?.protocol ?? 'raft').command.next(n, Object.values(get().nodes));
    },
    watchSight: (view, el) => {
      // A panel scrolling into sight is refreshed with the next frame's snapshot.
      observer ??= new IntersectionObserver((entries) => {
        for (const e of entries) {
          const w = sight.get(e.target);
          if (w !== undefined) w.seen = e.isIntersecting;
        }
        reportSight();
      });
      sight.set(el, { view, seen: true });
      observer.observe(el);
      return () => {
        observer?.unobserve(el);
        sight.delete(el);
        reportSight();
      };
    },
  }));
  return store;
}

export const SimContext = createContext<StoreApi<SimState> | null>(null);

/** A ref callback for an element that shows a view, so the view rests while it is out of sight (see watchSight). */
export function useSight(view: SlowView, enabled = true): (el: Element | null) => (() => void) | undefined {
  const store = useContext(SimContext);
  return useCallback(
    (el: Element | null) => (el === null || !enabled || store === null ? undefined : store.getState().watchSight(view, el)),
    [store, view, enabled],
  );
}

export function useSim<T>(selector: (s: SimState) => T): T {
  const store = useContext(SimContext);
  if (store === null) throw new Error('useSim outside a SimContext');
  return useStore(store, selector);
}
