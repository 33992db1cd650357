import { majority } from '../quorum/quorum';
import { type Ballot, ballotText, compareBallots, promiseWentBack } from '../paxos/ballot';
import type { PaxosState } from '../paxos/types';
import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { changedNode, Findings, NO_VIOLATIONS, type SafetyMonitor, type Violation } from './monitor';

export const PAXOS_PREDICATES = {
  onlyProposedChosen: 'Only a value some proposer proposed can be chosen',
  atMostOneChosen: 'At most one value is chosen (accepted by a majority at one ballot)',
  learnedOnlyChosen: 'Learners learn only the chosen value',
  acceptNotBelowPromise: 'An acceptor never accepts below the ballot it promised',
  promiseMonotonic: 'An acceptor\'s promise never decreases, across restarts too',
} as const;

interface History {
  prev: (PaxosState | undefined)[];
  proposed: Set<string>;
  /** Acceptors per ballot, with the value accepted there. */
  acceptances: Map<string, { value: string; by: Set<NodeId> }>;
  chosen: Map<string, Ballot>;
}

const key = (b: Ballot) => `${b[0]}:${b[1]}`;

/** Paxos safety, computed from every acceptance: chosen means accepted by a true majority at one ballot. */
export class PaxosMonitor implements SafetyMonitor<PaxosState> {
  readonly predicates = PAXOS_PREDICATES;
  private readonly found = new Findings<keyof typeof PAXOS_PREDICATES>();
  private h: History;

  constructor(private readonly n: number, history?: History) {
    this.h = history ?? { prev: [], proposed: new Set(), acceptances: new Map(), chosen: new Map() };
  }

  clone(): PaxosMonitor {
    const a = new Map([...this.h.acceptances].map(([k, v]) => [k, { value: v.value, by: new Set(v.by) }]));
    return new PaxosMonitor(this.n, { prev: this.h.prev.slice(), proposed: new Set(this.h.proposed), acceptances: a, chosen: new Map(this.h.chosen) });
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<PaxosState>[]): readonly Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return NO_VIOLATIONS;
    const { id, s, old } = c;
    this.found.start(seq, t);
    if (s.value !== null) this.h.proposed.add(s.value);
    if (old !== undefined && promiseWentBack(old.promised, s.promised)) {
      this.found.fail('promiseMonotonic', [id], `S${id}'s promise went back from ${ballotText(old.promised)} to ${ballotText(s.promised)}`);
    }
    if (s.accepted !== null && s.accepted !== old?.accepted) {
      if (old?.promised && compareBallots(s.accepted.ballot, old.promised) < 0) {
        this.found.fail('acceptNotBelowPromise', [id], `S${id} accepted ballot ${ballotText(s.accepted.ballot)} after promising ${ballotText(old.promised)}`);
      }
      const k = key(s.accepted.ballot);
      const entry = this.h.acceptances.get(k) ?? { value: s.accepted.value, by: new Set<NodeId>() };
      entry.by.add(id);
      this.h.acceptances.set(k, entry);
      if (entry.by.size >= majority(this.n) && !this.h.chosen.has(entry.value)) {
        this.h.chosen.set(entry.value, s.accepted.ballot);
        if (!this.h.proposed.has(entry.value)) this.found.fail('onlyProposedChosen', [...entry.by], `"${entry.value}" was chosen but nobody proposed it`);
        if (this.h.chosen.size > 1) {
          const values = [...this.h.chosen.entries()].map(([v, b]) => `"${v}" at ${ballotText(b)}`).join(' and ');
          this.found.fail('atMostOneChosen', [...entry.by], `two values were chosen: ${values}`);
        }
      }
    }
    if (s.learned !== null && s.learned !== old?.learned && !this.h.chosen.has(s.learned)) {
      this.found.fail('learnedOnlyChosen', [id], `S${id} learned "${s.learned}", which no majority accepted at one ballot`);
    }
    return this.found.list;
  }
}
