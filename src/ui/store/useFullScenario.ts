import { useContext, useEffect, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import type { Scenario } from '../../scenario/schema';
import { SimContext, type SimState } from './simStore';

/**
 * The whole scenario, every action included, for a view that needs it (a share link): the page
 * holds the scenario without its actions, so this asks the worker, again whenever the scenario
 * or its number of actions changes. Null until the first answer.
 */
export function useFullScenario(given?: StoreApi<SimState>): Scenario | null {
  const context = useContext(SimContext);
  const store = given ?? context;
  if (store === null) throw new Error('useFullScenario outside a SimContext');
  const base = useStore(store, (s) => s.scenario);
  const count = useStore(store, (s) => s.actionCount);
  const [full, setFull] = useState<Scenario | null>(null);
  useEffect(() => {
    if (base === null) return undefined;
    let wanted = true;
    void store.getState().fullScenario().then((s) => { if (wanted) setFull(s); });
    return () => { wanted = false; };
  }, [store, base, count]);
  return base === null ? null : full;
}
