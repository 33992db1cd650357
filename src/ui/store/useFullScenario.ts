import { useContext, useEffect, useRef, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import type { Scenario } from '../../scenario/schema';
import { SimContext, type SimState } from './simStore';

/**
 * The whole scenario, every action included, for a view that needs it (a share link): the page
 * holds the scenario without its actions, so this asks the worker, again whenever the scenario
 * or its number of actions changes. One question at a time: changes made while one is out are
 * asked about once it is answered (a long run adds actions every frame, and each answer copies
 * them all). Null until the first answer.
 */
export function useFullScenario(given?: StoreApi<SimState>): Scenario | null {
  const context = useContext(SimContext);
  const store = given ?? context;
  if (store === null) throw new Error('useFullScenario outside a SimContext');
  const base = useStore(store, (s) => s.scenario);
  const count = useStore(store, (s) => s.actionCount);
  const [full, setFull] = useState<Scenario | null>(null);
  /** What the question out (or the last one answered) was about; null while one is out. */
  const askedFor = useRef<{ base: unknown; count: number } | null | undefined>(undefined);
  const [answers, setAnswers] = useState(0);
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => { shown.current = false; };
  }, []);
  useEffect(() => {
    const asked = askedFor.current;
    if (base === null || asked === null || (asked !== undefined && asked.base === base && asked.count === count)) return;
    const about = { base, count };
    askedFor.current = null;
    void store.getState().fullScenario().then((s) => {
      askedFor.current = about;
      if (!shown.current) return;
      setFull(s);
      setAnswers((n) => n + 1);
    });
  }, [store, base, count, answers]);
  return base === null ? null : full;
}
