import { useState } from 'react';
import { type DetailField, viewOf } from '../protocolView';
import { useSight, useSim } from '../store/simStore';
import { VoteSetting } from './VoteSetting';
import { TransferLeadership } from './TransferLeadership';

/** Every state variable of the selected node, persistent and volatile apart, with its controls. */
export function NodeDetails() {
  const id = useSim((s) => s.selectedNode);
  const node = useSim((s) => (s.selectedNode === null ? undefined : s.details?.nodes[s.selectedNode]));
  const ids = useSim((s) => s.nodeIds);
  const protocol = useSim((s) => s.snapshot?.protocol ?? 'raft');
  // Their own view, refreshed only while a node is selected and its details are in sight.
  const sight = useSight('details', id !== null);
  if (id === null || node === undefined) {
    return (
      <section className="panel details" aria-label="Node details">
        <h2>Node</h2>
        <p className="hint">Select a server (click it, or press 1–9) to see all its state and to crash it, recover it, time it out or send it a command.</p>
      </section>
    );
  }
  const view = viewOf(protocol);
  const fields = view.details({ id, up: node.up, state: node.state, logStart: node.logStart }, ids);
  const badgeNow = view.badge(node.state, id, node.up);
  const list = (items: DetailField[]) => items.map((f) => [
    <dt key={`${f.name}-t`}>{f.name}{f.alias ? <> <small>({f.alias})</small></> : null}</dt>,
    <dd key={`${f.name}-d`}>{f.value}</dd>,
  ]);
  return (
    <section ref={sight} className="panel details" aria-label={`S${id} details`}>
      <h2>S{id} <small>{node.up ? badgeNow.label.toLowerCase() : 'crashed'}</small></h2>
      <NodeActions id={id} up={node.up} protocol={protocol} />
      <ProcessControls id={id} up={node.up} paused={node.paused} clockRate={node.clockRate} />
      {view.votes?.(id) && <VoteSetting id={id} />}
      {view.transfer !== undefined && <TransferLeadership id={id} up={node.up} facts={view.transfer(node.state)} />}
      <h3>Persistent <small>survives a crash</small></h3>
      <dl>{list(fields.persistent)}</dl>
      <h3 className={node.up ? '' : 'erased'}>Volatile <small>{node.up ? 'lost in a crash' : 'erased by the crash'}</small></h3>
      <dl className={node.up ? '' : 'erased'}>{list(fields.volatile)}</dl>
    </section>
  );
}

/** The clock rates offered: a clock may run slow or fast against true time. */
const CLOCK_RATES = [0.5, 0.8, 1, 1.25, 2];

/** A process pause (state kept, messages and timers wait) and the node's clock rate. */
function ProcessControls({ id, up, paused, clockRate }: { id: number; up: boolean; paused: boolean; clockRate: number }) {
  const act = useSim((s) => s.act);
  const rates = CLOCK_RATES.includes(clockRate) ? CLOCK_RATES : [...CLOCK_RATES, clockRate].toSorted((a, b) => a - b);
  return (
    <div className="node-actions row">
      {paused
        ? <button type="button" data-node-pause="resume" onClick={() => act({ type: 'resume', node: id })}>Resume S{id}</button>
        : <button type="button" data-node-pause="pause" disabled={!up} title="A process pause, as a long garbage collection: it keeps its state; messages to it wait, and its timers fire late when it resumes"
          onClick={() => act({ type: 'pause', node: id })}>Pause S{id}</button>}
      <label>Clock
        <select value={clockRate} data-node-clock aria-label={`Clock rate of S${id}`} onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => act({ type: 'drift', node: id, rate: Number(e.target.value) })}>
          {rates.map((r) => <option key={r} value={r}>{r === 1 ? 'true time' : `${r}× ${r > 1 ? '(fast)' : '(slow)'}`}</option>)}
        </select>
      </label>
    </div>
  );
}

function NodeActions({ id, up, protocol }: { id: number; up: boolean; protocol: string }) {
  const act = useSim((s) => s.act);
  const takeCommand = useSim((s) => s.takeCommand);
  const [command, setCommand] = useState('');
  const words = viewOf(protocol).command;
  // A string: the panel renders again only when the command R would send changes.
  const placeholder = useSim((s) => words.next(s.nextCommand, Object.values(s.nodes)));
  const text = command.trim() === '' ? placeholder : command.trim();
  const valid = words.valid(text);
  const submit = () => {
    if (!valid) return;
    if (command.trim() === '') takeCommand();
    act({ type: 'request', node: id, command: text });
    setCommand('');
  };
  return (
    <div className="node-actions">
      {up
        ? <button type="button" className="danger" onClick={() => act({ type: 'crash', node: id })}>Crash S{id}</button>
        : <button type="button" onClick={() => act({ type: 'recover', node: id })}>Recover S{id}</button>}
      <button type="button" disabled={!up} onClick={() => act({ type: 'timeout', node: id })}>{words.timeout(id)}</button>
      <form className="command" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <input
          value={command}
          placeholder={placeholder}
          onChange={(e) => setCommand(e.target.value)}
          aria-label={`Command for S${id}`}
          aria-invalid={!valid}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <button type="submit" disabled={!up || !valid}>{words.send(id)}</button>
      </form>
      {!valid && <p className="field-error" role="alert">{words.invalid}</p>}
    </div>
  );
}
