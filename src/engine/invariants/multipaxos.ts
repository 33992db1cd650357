import { majority } from '../quorum/quorum';
import { type Ballot, ballotText, compareBallots, promiseWentBack } from '../paxos/ballot';
import { Slots } from '../multipaxos/slots';
import type { MultiPaxosState, SlotValue } from '../multipaxos/types';
import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { IntMap } from './intMap';
import { changedNode, Findings, NO_VIOLATIONS, type Entry, type SafetyMonitor, type Violation } from './monitor';

export const MULTIPAXOS_PREDICATES = {
  onlyProposedChosen: 'Only a value a leader proposed for a slot can be chosen for it',
  atMostOneChosenPerSlot: 'At most one value is chosen per slot (accepted by a majority at one ballot)',
  decidedOnlyChosen: 'Replicas decide only a chosen value for a slot',
  replicasAgree: 'No two replicas decide different values for a slot',
  appliedInOrder: 'Applied slots are contiguous, and any two replicas applied the same prefix',
  acceptNotBelowPromise: 'An acceptor never accepts below the ballot it promised',
  promiseMonotonic: 'An acceptor\'s promise never decreases, across restarts too',
} as const;

/** Acceptors of one ballot in one slot, as a bit set by node id, with the value accepted there. */
interface AtBallot {
  readonly round: number;
  readonly node: NodeId;
  readonly value: string;
  readonly by: number;
}

/**
 * History, slot by slot. The maps are persistent (IntMap) and what they hold is immutable,
 * so a checkpoint's copy costs next to nothing however many slots the run has filled.
 */
interface History {
  prev: (MultiPaxosState | undefined)[];
  /** slot -> acceptances per ballot */
  acceptances: IntMap<readonly AtBallot[]>;
  chosen: IntMap<string>;
  decided: IntMap<{ value: string; by: NodeId }>;
  /** Every value some leader proposed, per slot, until the slot is chosen (it is read only then). */
  proposed: IntMap<readonly string[] | undefined>;
}

const count = (by: number) => {
  let n = 0;
  for (let b = by; b !== 0; b &= b - 1) n++;
  return n;
};

const members = (by: number) => {
  const ids: NodeId[] = [];
  for (let id = 1; id < 32; id++) if (by & (1 << id)) ids.push(id);
  return ids;
};

/** The slot on each acceptor of the set: where the accepted values sit. */
const atSlot = (by: number, slot: number): Entry[] => members(by).map((node) => ({ node, index: slot }));

/** Multi-Paxos safety, slot by slot, from every acceptance and every decision. */
export class MultiPaxosMonitor implements SafetyMonitor<MultiPaxosState> {
  readonly predicates = MULTIPAXOS_PREDICATES;
  private readonly found = new Findings<keyof typeof MULTIPAXOS_PREDICATES>();
  private h: History;

  constructor(private readonly n: number, history?: History) {
    this.h = history ?? { prev: [], acceptances: new IntMap(), chosen: new IntMap(), decided: new IntMap(), proposed: new IntMap() };
  }

  clone(): MultiPaxosMonitor {
    const h = this.h;
    return new MultiPaxosMonitor(this.n, {
      prev: h.prev.slice(), acceptances: h.acceptances.fork(), chosen: h.chosen.fork(), decided: h.decided.fork(), proposed: h.proposed.fork(),
    });
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<MultiPaxosState>[]): readonly Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return NO_VIOLATIONS;
    const { id, s, old } = c;
    this.found.start(seq, t);
    if (old !== undefined && promiseWentBack(old.promised, s.promised)) {
      this.found.fail('promiseMonotonic', [id], `S${id}'s promise went back from ${ballotText(old.promised)} to ${ballotText(s.promised)}`);
    }
    // Only the slots this event changed: unchanged ones are shared with the previous state.
    Slots.changes(old?.proposals ?? Slots.empty<string>(), s.proposals, (slot, value) => {
      if (this.h.chosen.get(slot) !== undefined) return;
      const values = this.h.proposed.get(slot) ?? [];
      if (!values.includes(value)) this.h.proposed.set(slot, [...values, value]);
    });
    Slots.changes(old?.accepted ?? Slots.empty<SlotValue>(), s.accepted, (slot, v) => {
      if (old?.promised && compareBallots(v.ballot, old.promised) < 0) {
        this.found.fail('acceptNotBelowPromise', [id], `S${id} accepted slot ${slot} at ${ballotText(v.ballot)} after promising ${ballotText(old.promised)}`, [{ node: id, index: slot }]);
      }
      this.recordAcceptance(slot, v.ballot, v.value, id);
    });
    Slots.changes(old?.decided ?? Slots.empty<string>(), s.decided, (slot, value, was) => {
      if (was === value) return;
      const chosen = this.h.chosen.get(slot);
      if (chosen !== value) this.found.fail('decidedOnlyChosen', [id], `S${id} decided "${value}" for slot ${slot}, which ${chosen === undefined ? 'no majority accepted' : `is not the chosen "${chosen}"`}`, [{ node: id, index: slot }]);
      const earlier = this.h.decided.get(slot);
      if (earlier !== undefined && earlier.value !== value) {
        this.found.fail('replicasAgree', [earlier.by, id], `S${earlier.by} decided "${earlier.value}" and S${id} decided "${value}" for slot ${slot}`, [{ node: earlier.by, index: slot }, { node: id, index: slot }]);
      }
      else if (earlier === undefined) this.h.decided.set(slot, { value, by: id });
    });
    // A replica never loses a decided slot (Slots cannot delete one), so the slots applied
    // before were checked then: only the newly applied ones need a decision.
    for (let slot = old === undefined ? 1 : Math.min(old.applied, s.applied) + 1; slot <= s.applied; slot++) {
      if (s.decided.get(slot) === undefined) {
        this.found.fail('appliedInOrder', [id], `S${id} applied up to slot ${s.applied} without slot ${slot} being decided`, [{ node: id, index: slot }]);
        break;
      }
    }
    return this.found.list;
  }

  private recordAcceptance(slot: number, ballot: Ballot, value: string, id: NodeId): void {
    const here = this.h.acceptances.get(slot) ?? [];
    const i = here.findIndex((a) => a.round === ballot[0] && a.node === ballot[1]);
    const before = i < 0 ? { round: ballot[0], node: ballot[1], value, by: 0 } : here[i];
    const entry = { ...before, by: before.by | (1 << id) };
    this.h.acceptances.set(slot, i < 0 ? [...here, entry] : here.map((a, k) => (k === i ? entry : a)));
    if (count(entry.by) < majority(this.n)) return;
    const chosen = this.h.chosen.get(slot);
    if (chosen === undefined) {
      this.h.chosen.set(slot, entry.value);
      if (!this.h.proposed.get(slot)?.includes(entry.value)) this.found.fail('onlyProposedChosen', members(entry.by), `"${entry.value}" was chosen for slot ${slot}, but no leader proposed it there`, atSlot(entry.by, slot));
      this.h.proposed.set(slot, undefined);
    }
    else if (chosen !== entry.value) this.found.fail('atMostOneChosenPerSlot', members(entry.by), `slot ${slot} had "${chosen}" chosen, and then "${entry.value}" at ${ballotText(ballot)}`, atSlot(entry.by, slot));
  }
}
