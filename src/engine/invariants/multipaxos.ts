import { majority } from '../quorum/quorum';
import { type Ballot, ballotText, compareBallots, promiseWentBack } from '../paxos/ballot';
import type { MultiPaxosState } from '../multipaxos/types';
import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { changedNode, collector, type SafetyMonitor, type Violation } from './monitor';

export const MULTIPAXOS_PREDICATES = {
  onlyProposedChosen: 'Only a value a leader proposed for a slot can be chosen for it',
  atMostOneChosenPerSlot: 'At most one value is chosen per slot (accepted by a majority at one ballot)',
  decidedOnlyChosen: 'Replicas decide only a chosen value for a slot',
  replicasAgree: 'No two replicas decide different values for a slot',
  appliedInOrder: 'Applied slots are contiguous, and any two replicas applied the same prefix',
  acceptNotBelowPromise: 'An acceptor never accepts below the ballot it promised',
  promiseMonotonic: 'An acceptor\'s promise never decreases, across restarts too',
} as const;

interface History {
  prev: (MultiPaxosState | undefined)[];
  /** slot -> ballot key -> acceptors and value */
  acceptances: Map<number, Map<string, { value: string; by: Set<NodeId> }>>;
  chosen: Map<number, string>;
  decided: Map<number, { value: string; by: NodeId }>;
  /** Every value some leader proposed, per slot. */
  proposed: Map<number, Set<string>>;
}

/** Multi-Paxos safety, slot by slot, from every acceptance and every decision. */
export class MultiPaxosMonitor implements SafetyMonitor<MultiPaxosState> {
  readonly predicates = MULTIPAXOS_PREDICATES;
  private h: History;

  constructor(private readonly n: number, history?: History) {
    this.h = history ?? { prev: [], acceptances: new Map(), chosen: new Map(), decided: new Map(), proposed: new Map() };
  }

  clone(): MultiPaxosMonitor {
    const acceptances = new Map([...this.h.acceptances].map(([slot, m]) => [slot, new Map([...m].map(([k, v]) => [k, { value: v.value, by: new Set(v.by) }]))]));
    const proposed = new Map([...this.h.proposed].map(([slot, values]) => [slot, new Set(values)]));
    return new MultiPaxosMonitor(this.n, { prev: this.h.prev.slice(), acceptances, chosen: new Map(this.h.chosen), decided: new Map(this.h.decided), proposed });
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<MultiPaxosState>[]): Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return [];
    const { id, s, old } = c;
    const { out, fail } = collector<keyof typeof MULTIPAXOS_PREDICATES>(seq, t);
    if (old !== undefined && promiseWentBack(old.promised, s.promised)) {
      fail('promiseMonotonic', [id], `S${id}'s promise went back from ${ballotText(old.promised)} to ${ballotText(s.promised)}`);
    }
    if (s.proposals !== old?.proposals) {
      for (const [slot, value] of Object.entries(s.proposals)) {
        const values = this.h.proposed.get(Number(slot)) ?? new Set<string>();
        values.add(value);
        this.h.proposed.set(Number(slot), values);
      }
    }
    if (s.accepted !== old?.accepted) {
      for (const [slotText, v] of Object.entries(s.accepted)) {
        const slot = Number(slotText);
        if (old?.accepted[slot] === v) continue;
        if (old?.promised && compareBallots(v.ballot, old.promised) < 0) {
          fail('acceptNotBelowPromise', [id], `S${id} accepted slot ${slot} at ${ballotText(v.ballot)} after promising ${ballotText(old.promised)}`);
        }
        this.recordAcceptance(slot, v.ballot, v.value, id, fail);
      }
    }
    if (s.decided !== old?.decided) {
      for (const [slotText, value] of Object.entries(s.decided)) {
        const slot = Number(slotText);
        if (old?.decided[slot] === value) continue;
        const chosen = this.h.chosen.get(slot);
        if (chosen !== value) fail('decidedOnlyChosen', [id], `S${id} decided "${value}" for slot ${slot}, which ${chosen === undefined ? 'no majority accepted' : `is not the chosen "${chosen}"`}`);
        const earlier = this.h.decided.get(slot);
        if (earlier !== undefined && earlier.value !== value) fail('replicasAgree', [earlier.by, id], `S${earlier.by} decided "${earlier.value}" and S${id} decided "${value}" for slot ${slot}`);
        else if (earlier === undefined) this.h.decided.set(slot, { value, by: id });
      }
    }
    if (s.applied !== old?.applied) {
      for (let slot = 1; slot <= s.applied; slot++) {
        if (s.decided[slot] === undefined) {
          fail('appliedInOrder', [id], `S${id} applied up to slot ${s.applied} without slot ${slot} being decided`);
          break;
        }
      }
    }
    return out;
  }

  private recordAcceptance(slot: number, ballot: Ballot, value: string, id: NodeId, fail: (p: keyof typeof MULTIPAXOS_PREDICATES, ids: NodeId[], text: string) => void): void {
    const bySlot = this.h.acceptances.get(slot) ?? new Map<string, { value: string; by: Set<NodeId> }>();
    this.h.acceptances.set(slot, bySlot);
    const key = `${ballot[0]}:${ballot[1]}`;
    const entry = bySlot.get(key) ?? { value, by: new Set<NodeId>() };
    entry.by.add(id);
    bySlot.set(key, entry);
    if (entry.by.size < majority(this.n)) return;
    const chosen = this.h.chosen.get(slot);
    if (chosen === undefined) {
      this.h.chosen.set(slot, entry.value);
      if (!this.h.proposed.get(slot)?.has(entry.value)) fail('onlyProposedChosen', [...entry.by], `"${entry.value}" was chosen for slot ${slot}, but no leader proposed it there`);
    }
    else if (chosen !== entry.value) fail('atMostOneChosenPerSlot', [...entry.by], `slot ${slot} had "${chosen}" chosen, and then "${entry.value}" at ${ballotText(ballot)}`);
  }
}
