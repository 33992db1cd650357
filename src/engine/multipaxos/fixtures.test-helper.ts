import { Slots } from './slots';
import type { MultiPaxosState, MultiPaxosView } from './types';

type SlotFields = 'accepted' | 'decided' | 'proposals';

/** Test fields for a Multi-Paxos state; slots may be given as plain records. */
export type MultiPaxosFields = Omit<Partial<MultiPaxosState>, SlotFields> & Partial<Pick<MultiPaxosView, SlotFields>>;

export function withFields(s: MultiPaxosState, fields: MultiPaxosFields): MultiPaxosState {
  const { accepted, decided, proposals, ...rest } = fields;
  return {
    ...s, ...rest,
    ...(accepted === undefined ? {} : { accepted: Slots.of(accepted) }),
    ...(decided === undefined ? {} : { decided: Slots.of(decided) }),
    ...(proposals === undefined ? {} : { proposals: Slots.of(proposals) }),
  };
}
