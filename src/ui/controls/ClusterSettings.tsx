import { useEffect, useState } from 'react';
import { BUGS_BY_PROTOCOL } from '../../scenario/bugs';
import { DEFAULT_OPTIONS, DEFAULT_TIMING, SCENARIO_VERSION } from '../../scenario/defaults';
import type { Scenario } from '../../scenario/schema';
import { parseScenario } from '../../scenario/validate';
import { viewOf } from '../protocolView';
import { useSim } from '../store/simStore';
import type { ScenarioBase } from '../../worker/protocol';

interface Draft {
  protocol: 'raft' | 'paxos' | 'multipaxos' | '2pc' | '3pc';
  nodes: number;
  seed: number;
  electionTimeoutMin: number;
  electionTimeoutMax: number;
  heartbeatInterval: number;
  noopOnElection: boolean;
  backoff: boolean;
}

/** Cluster size, seed and timing: starts a new scenario. Reset restarts the current one as it was opened. */
export function ClusterSettings() {
  const scenario = useSim((s) => s.scenario);
  const send = useSim((s) => s.send);
  const notify = useSim((s) => s.notify);
  const [draft, setDraft] = useState<Draft>({
    protocol: 'raft', nodes: 5, seed: 1,
    electionTimeoutMin: DEFAULT_TIMING.electionTimeoutMin, electionTimeoutMax: DEFAULT_TIMING.electionTimeoutMax, heartbeatInterval: DEFAULT_TIMING.heartbeatInterval,
    noopOnElection: DEFAULT_OPTIONS.noopOnElection, backoff: DEFAULT_OPTIONS.backoff,
  });
  // The protocol chosen, not the one running: its timing goes by its own names, and only the settings it uses are offered.
  const view = viewOf(draft.protocol);
  const option = view.option;
  useEffect(() => {
    if (scenario !== null) {
      setDraft({ protocol: scenario.protocol, nodes: scenario.nodes, seed: scenario.seed, ...scenario.timing, noopOnElection: scenario.options.noopOnElection, backoff: scenario.options.backoff });
    }
  }, [scenario?.protocol, scenario?.nodes, scenario?.seed, scenario?.timing, scenario?.options]);
  // The fields are a draft for the next cluster: say so when it differs from the run shown.
  const pending = scenario !== null && Object.entries(draft).some(([k, v]) => v !== settingOf(scenario, k));
  const start = () => {
    const parsed = parseScenario({
      version: SCENARIO_VERSION, protocol: draft.protocol, nodes: draft.nodes, seed: draft.seed,
      timing: { ...(scenario?.timing ?? {}), electionTimeoutMin: draft.electionTimeoutMin, electionTimeoutMax: draft.electionTimeoutMax, heartbeatInterval: draft.heartbeatInterval },
      network: scenario?.network, options: { noopOnElection: draft.noopOnElection, backoff: draft.backoff },
      // A broken rule stays broken in the new cluster until it is cleared (if the protocol has it).
      bugs: (scenario?.bugs ?? []).filter((b) => Object.hasOwn(BUGS_BY_PROTOCOL[draft.protocol], b)),
    });
    if (!parsed.ok) {
      notify(`Cannot start that cluster: ${parsed.errors.join('; ')}`, 'alert');
      return;
    }
    history.replaceState(null, '', window.location.href.split('#')[0]);
    send({ type: 'load', scenario: parsed.scenario });
  };
  const num = (key: keyof typeof draft, label: string, min: number, max: number) => (
    <label key={key}>{label}
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
          <select value={draft.protocol} aria-label="Protocol" onChange={(e) => setDraft({ ...draft, protocol: e.target.value as Draft['protocol'] })}>
            <option value="raft">Raft</option>
            <option value="paxos">Paxos (single decree)</option>
            <option value="multipaxos">Multi-Paxos</option>
            <option value="2pc">Two-phase commit</option>
            <option value="3pc">Three-phase commit</option>
          </select>
        </label>
        <label>Servers
          <select value={draft.nodes} aria-label="Servers (cluster size)" onChange={(e) => setDraft({ ...draft, nodes: Number(e.target.value) })}>
            {[3, 4, 5, 6, 7, 8, 9].map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        {num('seed', 'Seed', 0, 4294967295)}
        {view.timing.map((f) => num(f.key, f.label, 1, 600000))}
        {option !== null && <label className="check" title={option.title}><input type="checkbox" checked={draft[option.key]} onChange={(e) => setDraft({ ...draft, [option.key]: e.target.checked })} />{option.label}</label>}
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
function settingOf(s: ScenarioBase, key: string): unknown {
  if (key in s.timing) return s.timing[key as keyof Scenario['timing']];
  if (key in s.options) return s.options[key as keyof Scenario['options']];
  return s[key as keyof ScenarioBase];
}
