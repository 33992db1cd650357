import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import type { Scenario } from '../../scenario/schema';
import type { FromWorker, Marker, NodeView, Snapshot, ToWorker, UserAction } from '../../worker/protocol';

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'alert';
}

export interface SimState {
  snapshot: Snapshot | null;
  /** NodeView per id, kept by reference while its version is unchanged. */
  nodes: Record<number, NodeView>;
  nodeIds: number[];
  markers: Marker[];
  scenario: Scenario | null;
  notices: Notice[];
  selectedNode: number | null;
  selectedMessage: number | null;
  /** Nodes picked for one side of a partition, or null when not picking. */
  partitionPick: number[] | null;
  nextCommand: number;
  send: (cmd: ToWorker) => void;
  act: (action: UserAction) => void;
  receive: (msg: FromWorker) => void;
  notify: (text: string, tone?: Notice['tone']) => void;
  dismiss: (id: number) => void;
  select: (id: number | null) => void;
  selectMessage: (id: number | null) => void;
  setPartitionPick: (pick: number[] | null) => void;
  takeCommand: () => string;
}

let noticeIds = 0;

/** One store per simulation (as React Flow keeps one per instance); components select what they draw. */
export function createSimStore(send: (cmd: ToWorker) => void): StoreApi<SimState> {
  return createStore<SimState>((set, get) => ({
    snapshot: null,
    nodes: {},
    nodeIds: [],
    markers: [],
    scenario: null,
    notices: [],
    selectedNode: null,
    selectedMessage: null,
    partitionPick: null,
    nextCommand: 1,
    send,
    act: (action) => send({ type: 'act', action }),
    receive: (msg) => {
      if (msg.type === 'snapshot') {
        const snap = msg.snapshot;
        const prev = get();
        const nodes: Record<number, NodeView> = {};
        let nodesChanged = prev.nodeIds.length !== snap.nodes.length;
        for (const n of snap.nodes) {
          const old = prev.nodes[n.id];
          nodes[n.id] = old !== undefined && old.version === n.version ? old : n;
          if (nodes[n.id] !== old) nodesChanged = true;
        }
        set({
          snapshot: snap,
          ...(nodesChanged ? { nodes, nodeIds: prev.nodeIds.length === snap.nodes.length ? prev.nodeIds : snap.nodes.map((n) => n.id) } : {}),
          ...(snap.markers !== null ? { markers: snap.markers } : {}),
          ...(snap.scenario !== null ? { scenario: snap.scenario } : {}),
        });
      } else {
        get().notify(msg.text, msg.type === 'error' ? 'alert' : 'info');
      }
    },
    notify: (text, tone = 'info') => {
      const id = ++noticeIds;
      set((s) => ({ notices: [...s.notices.slice(-3), { id, text, tone }] }));
    },
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    select: (id) => set({ selectedNode: id }),
    selectMessage: (id) => set({ selectedMessage: id }),
    setPartitionPick: (pick) => set({ partitionPick: pick }),
    takeCommand: () => {
      const n = get().nextCommand;
      set({ nextCommand: n + 1 });
      return `set x ${n}`;
    },
  }));
}

export const SimContext = createContext<StoreApi<SimState> | null>(null);

export function useSim<T>(selector: (s: SimState) => T): T {
  const store = useContext(SimContext);
  if (store === null) throw new Error('useSim outside a SimContext');
  return useStore(store, selector);
}

export function useSimApi(): StoreApi<SimState> {
  const store = useContext(SimContext);
  if (store === null) throw new Error('useSimApi outside a SimContext');
  return store;
}
