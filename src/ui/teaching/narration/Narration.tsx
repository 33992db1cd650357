import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { parseClaim } from '../../../scenario/claims/syntax';
import { exampleClaim } from '../../../scenario/claims/vocabulary';
import type { NarrationStep } from '../../../worker/protocol';
import { useSim } from '../../store/simStore';
import { RuleOffer } from './BrokenRuleBanner';
import { ClaimsBadge, ClaimsMark } from './Claims';

/**
 * The lecture's narration: the step in force, in large type, with Previous and Next
 * (PageUp/PageDown and the arrow keys, as a presentation clicker sends). A lecturer can
 * add steps at the current moment; they travel in the share link. `aside` ends the controls'
 * row (side by side puts the selected server's actions there, clear of both clusters).
 */
export function Narration({ aside }: { aside?: ReactNode } = {}) {
  const steps = useSim((s) => s.scenario?.narration ?? []);
  const k = useSim((s) => s.snapshot?.narrationStep ?? -1);
  const send = useSim((s) => s.send);
  const [editing, setEditing] = useState(false);
  const fold = useFold(k >= 0 ? steps[k]?.text : undefined);
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
      {/* data-whole: a lesson's first step sets the scene before anything has run; beside the logs it shows whole, in the teaching panel's room (styles.css). */}
      <div ref={fold.ref} className={`narration-text${fold.open ? '' : ' folded'}`} aria-live="polite" data-step={k} data-whole={k === 0 || undefined}>
        {current === null ? <em>Press Next (or Page Down) to start: the run plays to each step and pauses there.</em> : current.text}
      </div>
      <div className="row narration-controls">
        <button type="button" onClick={() => send({ type: 'narrationPrev' })} disabled={k < 0} aria-label="Previous step">‹ Previous</button>
        <span className="narration-count">{k + 1} / {steps.length}</span>
        <button type="button" onClick={() => send({ type: 'narrationNext' })} disabled={k >= steps.length - 1} aria-label="Next step">Next ›</button>
        {(fold.long || fold.open) && (
          <button type="button" className="linkish" data-narration-more aria-expanded={fold.open} onClick={fold.toggle}
            aria-label={fold.open ? 'less: the narration\'s first lines only' : 'more… of the narration'}>{fold.open ? 'less' : 'more…'}</button>
        )}
        {k >= 0 && <ClaimsBadge step={k} />}
        <button type="button" className="linkish" onClick={() => setEditing(!editing)}>{editing ? 'Done' : 'Edit'}</button>
        <RuleOffer />
        {aside}
      </div>
      {editing && <NarrationEditor />}
    </section>
  );
}

/**
 * On a short screen a long step shows its first lines (styles.css says how many), so the logs
 * and a teaching panel keep their room; "more" shows the whole text, and stays chosen from
 * step to step until "less". Screen readers hear the whole text either way.
 */
function useFold(text: string | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [long, setLong] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    // Folded, the text is cut when it is taller than its box; a resize can fold or unfold it.
    const measure = () => setLong(el.scrollHeight > el.clientHeight + 1);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, [text, open]);
  return { ref, open, long, toggle: () => setOpen(!open) };
}

function NarrationEditor() {
  const steps = useSim((s) => s.scenario?.narration ?? []);
  const time = useSim((s) => Math.floor(s.snapshot?.time ?? 0));
  const protocol = useSim((s) => s.scenario?.protocol ?? 'raft');
  const nodes = useSim((s) => s.scenario?.nodes ?? 3);
  const clients = useSim((s) => s.scenario?.clients?.count ?? 0);
  const storage = useSim((s) => s.scenario?.storage !== undefined);
  const send = useSim((s) => s.send);
  const [text, setText] = useState('');
  const [claimText, setClaimText] = useState('');
  const save = (next: NarrationStep[]) => send({ type: 'setNarration', narration: next });
  const claims = claimText.split('\n').map((c) => c.trim()).filter((c) => c !== '');
  // Checked as typed, so a claim that cannot be read never reaches the scenario.
  const errors = claims.flatMap((c, i) => {
    const p = parseClaim(c, { protocol, nodes, clients, storage, at: time });
    return p.ok ? [] : [`line ${i + 1}: ${p.error}`];
  });
  const ready = text.trim() !== '' && errors.length === 0;
  return (
    <div className="narration-editor" onKeyDown={(e) => e.stopPropagation()}>
      <ol>
        {steps.map((n, i) => (
          <li key={`${n.at}-${i}`} data-step-index={i}>
            <span className="event-t">{(n.at / 1000).toFixed(3)} s</span>
            <span className="narration-step-text">{n.text}</span>
            <ClaimsMark step={i} />
            <button type="button" className="linkish" aria-label={`Delete step ${i + 1}`} onClick={() => save(steps.filter((_, j) => j !== i))}>delete</button>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        save([...steps, { at: time, text: text.trim(), ...(claims.length > 0 ? { claims } : {}) }]);
        setText('');
        setClaimText('');
      }}>
        <div className="narration-new">
          <textarea value={text} maxLength={2000} rows={2} onChange={(e) => setText(e.target.value)} aria-label="New narration step" placeholder="What should the class notice here?" />
          <textarea value={claimText} rows={2} onChange={(e) => setClaimText(e.target.value)} aria-label="Claims of the new step, one per line"
            data-claims-input placeholder={`Claims, one per line, e.g. ${exampleClaim(protocol, clients > 0)}`}
            aria-invalid={errors.length > 0} aria-describedby={errors.length > 0 ? 'claim-errors' : undefined} />
          {errors.length > 0 && <ul id="claim-errors" className="claim-errors" role="alert">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
        </div>
        <button type="submit" disabled={!ready}>Add a step at {(time / 1000).toFixed(3)} s</button>
      </form>
    </div>
  );
}
