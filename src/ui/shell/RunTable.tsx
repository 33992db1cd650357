import { DescriptorTable } from '../logs/DescriptorTable';
import { LogsPanel } from '../logs/LogsPanel';
import { PaxosTable } from '../logs/PaxosTable';
import { SlotTable } from '../logs/SlotTable';
import { viewOf } from '../protocolView';

/** The logs (Raft) or the tables (the others) of the run in context, as its protocol draws them. */
export function RunTable({ protocol }: { protocol: string }) {
  if (viewOf(protocol).table !== undefined) return <DescriptorTable protocol={protocol} />;
  if (protocol === 'paxos') return <PaxosTable />;
  if (protocol === 'multipaxos') return <SlotTable />;
  return <LogsPanel />;
}
