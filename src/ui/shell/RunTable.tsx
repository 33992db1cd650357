import { DescriptorTable } from '../components/DescriptorTable';
import { LogsPanel } from '../components/LogsPanel';
import { PaxosTable } from '../components/PaxosTable';
import { SlotTable } from '../components/SlotTable';
import { viewOf } from '../protocolView';

/** The logs (Raft) or the tables (the others) of the run in context, as its protocol draws them. */
export function RunTable({ protocol }: { protocol: string }) {
  if (viewOf(protocol).table !== undefined) return <DescriptorTable protocol={protocol} />;
  if (protocol === 'paxos') return <PaxosTable />;
  if (protocol === 'multipaxos') return <SlotTable />;
  return <LogsPanel />;
}
