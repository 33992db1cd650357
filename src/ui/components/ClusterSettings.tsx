import { useEffect, useState } from 'react';
import type { Scenario } from '../../scenario/schema';
import { parseScenario } from '../../scenario/validate';
import { useSim } from '../store/simStore';

/** Cluster size, seed and timing: starts a new scenario. Reset restarts the current one as it was opened. */
export function ClusterSettings() {
  const scenario = useSim((s) => s.scenario);
  const send = useSim((s) => s.send);
  const notify = useSim((s) => s.notify);
  const [draft, setDraft] = useState({ protocol: 'raft' as 'raft' | 'paxos' | 'multipaxos', nodes: 5, seed: 1, electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, noopOnElection: false, backoff: true });
  useEffect(() => {
    if (scenario !== null) {
      setDraft({ protocol: scenario.protocol, nodes: scenario.nodes, seed: scenario.seed, ...scenario.timing, noopOnElection: scenario.options.noopOnElection, backoff: scenario.options.backoff });
    }
  }, [scenario?.protocol, scenario?.nodes, scenario?.seed, scenario?.timing, scenario?.options]);
  // The fields are a draft for the next cluster: say so when it differs from the run shown.
  const pending = scenario !== null && Object.entries(draft).some(([k, v]) => v !== settingOf(scenario, k));
  const start = () => {
    const parsed = parseScenario({
      version: 1, protocol: draft.protocol, nodes: draft.nodes, seed: draft.seed,
      timing: { ...(scenario?.timing ?? {}), electionTimeoutMin: draft.electionTimeoutMin, electionTimeoutMax: draft.electionTimeoutMax, heartbeatInterval: draft.heartbeatInterval },
      network: scenario?.network, options: { noopOnElection: draft.noopOnElection, backoff: draft.backoff },
    });
    if (!parsed.ok) {
      notify(`Cannot start that cluster: ${parsed.errors.join('; ')}`, 'alert');
      return;
    }
    history.replaceState(null, '', window.location.href.split('#')[0]);
    send({ type: 'load', scenario: parsed.scenario });
  };
  const num = (key: keyof typeof draft, label: string, min: number, max: number) => (
    <label>{label}
      <input type="number" min={min} max={max} value={Number(draft[key])} aria-label={label}
        onKeyDown={(e) => e.stopPropagation()}
        onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })} />
    </label>
  );
  return (
    <section className="panel cluster-settings" aria-label="Cluster settings">
      <h2>Cluster</h2>
      <div className="settings-grid">
        <label>Protocol
          <select value={draft.protocol} aria-label="Protocol" onChange={(e) => setDraft({ ...draft, protocol: e.target.value as 'raft' | 'paxos' | 'multipaxos' })}>
            <option value="raft">Raft</option>
            <option value="paxos">Paxos (single decree)</option>
            <option value="multipaxos">Multi-Paxos</option>
          </select>
        </label>
        <label>Servers
          <select value={draft.nodes} aria-label="Cluster size" onChange={(e) => setDraft({ ...draft, nodes: Number(e.target.value) })}>
            {[3, 4, 5, 6, 7, 8, 9].map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        {num('seed', 'Seed', 0, 4294967295)}
        {num('electionTimeoutMin', 'Election timeout min (ms)', 1, 600000)}
        {num('electionTimeoutMax', 'Election timeout max (ms)', 1, 600000)}
        {num('heartbeatInterval', 'Heartbeat (ms)', 1, 600000)}
        {draft.protocol === 'raft' && <label className="check"><input type="checkbox" checked={draft.noopOnElection} onChange={(e) => setDraft({ ...draft, noopOnElection: e.target.checked })} />No-op on election</label>}
        {draft.protocol === 'paxos' && <label className="check"><input type="checkbox" checked={draft.backoff} onChange={(e) => setDraft({ ...draft, backoff: e.target.checked })} />Randomized backoff</label>}
      </div>
      <div className="row">
        <button type="button" onClick={start} className={pending ? 'pending' : undefined}>New cluster</button>
        <button type="button" onClick={() => send({ type: 'restart' })} title="Start this scenario again from time 0 as it was opened: a lesson's own actions run again, yours are undone">Reset</button>
      </div>
      {pending && <p className="hint pending-hint" role="status">Changed: press New cluster to start a cluster with these settings. The run shown is unchanged.</p>}
    </section>
  );
}

/** A setting of the scenario by its field's name in the draft: a timing, an option, or a top-level field. */
function settingOf(s: Scenario, key: string): unknown {
  if (key in s.timing) return s.timing[key as keyof Scenario['timing']];
  if (key in s.options) return s.options[key as keyof Scenario['options']];
  return s[key as keyof Scenario];
}
