import { useState } from 'react';
import type { RaftState } from '../../engine/raft/types';
import { isCommand } from '../../engine/statemachine/kv';
import { useSim } from '../store/simStore';

function list(values: readonly number[], ids: number[], self: number): string {
  return ids.filter((id) => id !== self).map((id) => `S${id}: ${values[id] ?? 0}`).join(', ');
}

/** Every state variable of the selected node, persistent and volatile apart, with its controls. */
export function NodeDetails() {
  const id = useSim((s) => s.selectedNode);
  const node = useSim((s) => (s.selectedNode === null ? undefined : s.panel?.nodes[s.selectedNode]));
  const ids = useSim((s) => s.nodeIds);
  if (id === null || node === undefined) {
    return (
      <section className="panel details" aria-label="Node details">
        <h2>Node</h2>
        <p className="hint">Select a server (click it, or press 1–9) to see all its state and to crash it, recover it, time it out or send it a command.</p>
      </section>
    );
  }
  const s = node.state as RaftState;
  return (
    <section className="panel details" aria-label={`S${id} details`}>
      <h2>S{id} <small>{node.up ? s.currentRole : 'crashed'}</small></h2>
      <NodeActions id={id} up={node.up} />
      <h3>Persistent <small>survives a crash</small></h3>
      <dl>
        <dt>currentTerm</dt><dd>{s.currentTerm}</dd>
        <dt>votedFor</dt><dd>{s.votedFor === null ? 'null' : `S${s.votedFor}`}</dd>
        <dt>log</dt><dd>{node.logStart + s.log.length} entr{node.logStart + s.log.length === 1 ? 'y' : 'ies'}</dd>
        <dt>commitLength <small>(commitIndex)</small></dt><dd>{s.commitLength}</dd>
      </dl>
      <h3 className={node.up ? '' : 'erased'}>Volatile <small>{node.up ? 'lost in a crash' : 'erased by the crash'}</small></h3>
      <dl className={node.up ? '' : 'erased'}>
        <dt>currentRole</dt><dd>{s.currentRole}</dd>
        <dt>currentLeader</dt><dd>{s.currentLeader === null ? 'null' : `S${s.currentLeader}`}</dd>
        <dt>votesReceived</dt><dd>{s.votesReceived.length === 0 ? '{}' : `{${[...s.votesReceived].sort().map((v) => `S${v}`).join(', ')}}`}</dd>
        <dt>sentLength <small>(nextIndex)</small></dt><dd>{s.currentRole === 'leader' ? list(s.sentLength, ids, id) : '—'}</dd>
        <dt>ackedLength <small>(matchIndex)</small></dt><dd>{s.currentRole === 'leader' ? list(s.ackedLength, ids, id) : '—'}</dd>
        <dt>held commands</dt><dd>{s.pending.length === 0 ? 'none' : s.pending.join('; ')}</dd>
      </dl>
    </section>
  );
}

function NodeActions({ id, up }: { id: number; up: boolean }) {
  const act = useSim((s) => s.act);
  const takeCommand = useSim((s) => s.takeCommand);
  const nextCommand = useSim((s) => s.nextCommand);
  const [command, setCommand] = useState('');
  const text = command.trim() === '' ? `set x ${nextCommand}` : command.trim();
  const valid = isCommand(text);
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
      <button type="button" disabled={!up} onClick={() => act({ type: 'timeout', node: id })}>Time out S{id}</button>
      <form className="command" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <input
          value={command}
          placeholder={`set x ${nextCommand}`}
          onChange={(e) => setCommand(e.target.value)}
          aria-label={`Command for S${id}`}
          aria-invalid={!valid}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <button type="submit" disabled={!up || !valid}>Send to S{id}</button>
      </form>
      {!valid && <p className="field-error" role="alert">A command is "set &lt;key&gt; &lt;value&gt;" or "del &lt;key&gt;".</p>}
    </div>
  );
}
