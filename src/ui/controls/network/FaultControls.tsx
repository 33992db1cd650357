import { useEffect, useMemo, useRef, useState } from 'react';
import { useSim } from '../../store/simStore';
import { GroupPicker } from './GroupPicker';
import './network.css';

/** Partitions by picking the nodes of one side; heal everything; network loss, duplication and latency. */
export function FaultControls() {
  const pick = useSim((s) => s.partitionPick);
  const setPick = useSim((s) => s.setPartitionPick);
  const act = useSim((s) => s.act);
  const groups = useSim((s) => JSON.stringify(s.snapshot?.network.groups ?? null));
  const cuts = useSim((s) => s.snapshot?.network.cuts.length ?? 0);
  const n = useSim((s) => s.nodeIds.length);
  const parsed = JSON.parse(groups) as number[][] | null;
  const manual = useSim((s) => s.snapshot?.manual ?? false);
  const [grouping, setGrouping] = useState(false);
  const split = () => {
    if (pick === null || pick.length === 0 || pick.length === n) return;
    act({ type: 'partition', groups: [pick.toSorted((a, b) => a - b)] });
    setPick(null);
  };
  return (
    <section className="panel faults" aria-label="Faults">
      <h2>Network</h2>
      <p className="status-line" data-partition={parsed === null ? 'none' : parsed.map((g) => g.join('-')).join('|')}>
        {parsed === null ? 'No partition.' : `Partitioned: ${parsed.map((g) => `{${g.map((id) => `S${id}`).join(', ')}}`).join(' | ')}`}
        {cuts > 0 ? ` ${cuts} one-way link${cuts === 1 ? '' : 's'} cut.` : ''}
      </p>
      {parsed !== null && parsed.length > 1 && (
        <div className="heal-groups" role="group" aria-label="Heal one group">
          {parsed.map((g) => (
            <button key={g.join('-')} type="button" data-heal-group={g.join('-')} aria-label={`Heal the group ${g.map((id) => `S${id}`).join(', ')}: it rejoins everyone`}
              onClick={() => act({ type: 'heal', nodes: g })}>Heal {`{${g.map((id) => `S${id}`).join(', ')}}`}</button>
          ))}
        </div>
      )}
      {grouping ? <GroupPicker onDone={() => setGrouping(false)} /> : pick === null ? (
        <div className="row">
          <button type="button" onClick={() => setPick([])}>Partition…</button>
          <button type="button" data-open-groups onClick={() => setGrouping(true)} title="A group for each server: any number of groups">Groups…</button>
          <button type="button" onClick={() => act({ type: 'heal' })} disabled={parsed === null && cuts === 0} title="Heal the partition and restore every cut link (H)">Heal all</button>
        </div>
      ) : (
        <div className="row picking" role="group" aria-label="Pick one side of the partition">
          <span>Click the servers on one side{pick.length > 0 ? `: ${pick.map((id) => `S${id}`).join(', ')}` : ''}</span>
          <button type="button" onClick={split} disabled={pick.length === 0 || pick.length === n}>Split here</button>
          <button type="button" onClick={() => setPick(null)}>Cancel</button>
        </div>
      )}
      <p className="hint">Click a link between two servers to cut or restore that one direction; click a message to deliver, hold, copy or drop it.</p>
      <label className="switch" title="Nothing arrives and no timer fires until you choose: you are the network">
        <input type="checkbox" checked={manual} data-manual-toggle="settings" onChange={(e) => act({ type: 'network', manual: e.target.checked })} />
        Manual delivery: choose every message and timer
      </label>
      <NetworkSettings />
    </section>
  );
}

/** How long the keys rest before a slider moved by them applies. */
const KEYS_REST_MS = 400;

function NetworkSettings() {
  // Only the four settings, as a string: the network object is new with every snapshot.
  const key = useSim((s) => {
    const n = s.snapshot?.network;
    return n === undefined ? '' : `${n.dropRate}|${n.duplicateRate}|${n.latencyMin}|${n.latencyMax}`;
  });
  const net = useMemo(() => {
    if (key === '') return undefined;
    const [dropRate, duplicateRate, latencyMin, latencyMax] = key.split('|').map(Number);
    return { dropRate, duplicateRate, latencyMin, latencyMax };
  }, [key]);
  const act = useSim((s) => s.act);
  const [draft, setDraft] = useState({ dropRate: 0, duplicateRate: 0, latencyMin: 10, latencyMax: 20 });
  useEffect(() => {
    if (net !== undefined) setDraft({ dropRate: net.dropRate, duplicateRate: net.duplicateRate, latencyMin: net.latencyMin, latencyMax: net.latencyMax });
    // Follow the run's settings whenever they change (a seek, a load, another control).
  }, [key]);
  // Sliders apply when let go and fields when left, so merely passing through one (Tab's
  // key-up, a blur) comes here too: only a value that differs from the run's is an action.
  const apply = (next: typeof draft) => {
    window.clearTimeout(settle.current);
    setDraft(next);
    const change = { ...next, latencyMax: Math.max(next.latencyMin, next.latencyMax) };
    if (net === undefined || (Object.keys(change) as (keyof typeof change)[]).every((k) => change[k] === net[k])) return;
    act({ type: 'network', ...change });
  };
  // A slider moved by keys applies once the keys rest: each press applied at once made a run
  // whose snapshot, arriving between two quick presses, set the slider back a step.
  const settle = useRef<number | undefined>(undefined);
  // The draft and the run's settings as they are when the keys rest, not when the last key went up.
  const latest = useRef({ draft, apply });
  latest.current = { draft, apply };
  useEffect(() => () => window.clearTimeout(settle.current), []);
  const applySoon = () => {
    window.clearTimeout(settle.current);
    settle.current = window.setTimeout(() => latest.current.apply(latest.current.draft), KEYS_REST_MS);
  };
  return (
    <div className="network-settings">
      <label>Drop <output>{Math.round(draft.dropRate * 100)}%</output>
        <input type="range" min={0} max={0.5} step={0.05} value={draft.dropRate} aria-label="Drop rate"
          onChange={(e) => setDraft({ ...draft, dropRate: Number(e.target.value) })} onPointerUp={() => apply(draft)} onKeyUp={applySoon} />
      </label>
      <label>Duplicate <output>{Math.round(draft.duplicateRate * 100)}%</output>
        <input type="range" min={0} max={0.5} step={0.05} value={draft.duplicateRate} aria-label="Duplicate rate"
          onChange={(e) => setDraft({ ...draft, duplicateRate: Number(e.target.value) })} onPointerUp={() => apply(draft)} onKeyUp={applySoon} />
      </label>
      <label>Latency <output>{draft.latencyMin}–{draft.latencyMax} ms</output>
        <span className="pair">
          <input type="number" min={1} max={1000} value={draft.latencyMin} aria-label="Minimum latency (ms)"
            onChange={(e) => setDraft({ ...draft, latencyMin: Math.max(1, Number(e.target.value) || 1) })} onBlur={() => apply(draft)} onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') apply(draft); }} />
          <input type="number" min={1} max={1000} value={draft.latencyMax} aria-label="Maximum latency (ms)"
            onChange={(e) => setDraft({ ...draft, latencyMax: Math.max(1, Number(e.target.value) || 1) })} onBlur={() => apply(draft)} onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') apply(draft); }} />
        </span>
      </label>
    </div>
  );
}
