import { useState } from 'react';
import { useSim } from '../store/simStore';

/**
 * Manual failover done safely (Raft's leadership transfer): on the leader's panel, a follower
 * to hand over to and the button that does it. The engine brings the follower up to date and
 * tells it to time out now; meanwhile the leader takes no commands, as the panel says.
 */
export function TransferLeadership({ id, up, facts }: { id: number; up: boolean; facts: { leads: boolean; handingTo: number | null } }) {
  const ids = useSim((s) => s.nodeIds);
  const act = useSim((s) => s.act);
  const others = ids.filter((x) => x !== id);
  const [chosen, setChosen] = useState<number | null>(null);
  const to = chosen !== null && others.includes(chosen) ? chosen : others[0];
  const can = up && facts.leads && facts.handingTo === null && to !== undefined;
  return (
    <div className="node-actions row" role="group" aria-label={`Leadership transfer from S${id}`}>
      <label>Hand over to
        <select value={to} data-transfer-target aria-label={`S${id} hands leadership to`} onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => setChosen(Number(e.target.value))}>
          {others.map((x) => <option key={x} value={x}>S{x}</option>)}
        </select>
      </label>
      <button type="button" data-transfer-leadership disabled={!can} aria-label={`Transfer leadership from S${id} to S${to}`}
        title={facts.leads ? 'Bring the follower up to date, then tell it to time out now; no new commands meanwhile' : 'Only the leader can hand over leadership'}
        onClick={() => act({ type: 'transfer', node: id, to })}>
        Transfer leadership
      </button>
      {facts.handingTo !== null && <span role="status" data-transferring={facts.handingTo}>Handing over to S{facts.handingTo}: no new commands</span>}
    </div>
  );
}
