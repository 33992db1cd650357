import { useState } from 'react';
import { useSim } from '../store/simStore';

/**
 * The lecture's narration: the step in force, in large type, with Previous and Next
 * (PageUp/PageDown and the arrow keys, as a presentation clicker sends). A lecturer can
 * add steps at the current moment; they travel in the share link.
 */
export function Narration() {
  const steps = useSim((s) => s.scenario?.narration ?? []);
  const k = useSim((s) => s.snapshot?.narrationStep ?? -1);
  const send = useSim((s) => s.send);
  const [editing, setEditing] = useState(false);
  if (steps.length === 0 && !editing) {
    return (
      <div className="narration empty">
        <button type="button" className="linkish" onClick={() => setEditing(true)}>Add narration…</button>
      </div>
    );
  }
  const current = k >= 0 ? steps[k] : null;
  return (
    <section className="narration" aria-label="Narration">
      <div className="narration-text" aria-live="polite" data-step={k}>
        {current === null ? <em>Press Next (or Page Down) to start: the run plays to each step and pauses there.</em> : current.text}
      </div>
      <div className="row narration-controls">
        <button type="button" onClick={() => send({ type: 'narrationPrev' })} disabled={k < 0} aria-label="Previous step">‹ Previous</button>
        <span className="narration-count">{k + 1} / {steps.length}</span>
        <button type="button" onClick={() => send({ type: 'narrationNext' })} disabled={k >= steps.length - 1} aria-label="Next step">Next ›</button>
        <button type="button" className="linkish" onClick={() => setEditing(!editing)}>{editing ? 'Done' : 'Edit'}</button>
      </div>
      {editing && <NarrationEditor />}
    </section>
  );
}

function NarrationEditor() {
  const steps = useSim((s) => s.scenario?.narration ?? []);
  const time = useSim((s) => Math.floor(s.snapshot?.time ?? 0));
  const send = useSim((s) => s.send);
  const [text, setText] = useState('');
  const save = (next: { at: number; text: string }[]) => send({ type: 'setNarration', narration: next });
  return (
    <div className="narration-editor" onKeyDown={(e) => e.stopPropagation()}>
      <ol>
        {steps.map((n, i) => (
          <li key={`${n.at}-${i}`}>
            <span className="event-t">{(n.at / 1000).toFixed(3)} s</span>
            <span className="narration-step-text">{n.text}</span>
            <button type="button" className="linkish" aria-label={`Delete step ${i + 1}`} onClick={() => save(steps.filter((_, j) => j !== i))}>delete</button>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => { e.preventDefault(); if (text.trim() !== '') { save([...steps, { at: time, text: text.trim() }]); setText(''); } }}>
        <textarea value={text} maxLength={2000} rows={2} onChange={(e) => setText(e.target.value)} aria-label="New narration step" placeholder="What should the class notice here?" />
        <button type="submit" disabled={text.trim() === ''}>Add a step at {(time / 1000).toFixed(3)} s</button>
      </form>
    </div>
  );
}
