import { useEffect, useRef, useState } from 'react';
import { compact, shareLink } from '../../scenario/codec';
import { saveFile } from '../files';
import { useSim } from '../store/simStore';
import { useFullScenario } from '../store/useFullScenario';
import { useOpenFile } from '../useOpenFile';
import { ExportButtons } from './ExportButtons';
import { Dialog } from './Dialog';
import { ShareFields } from './ShareFields';
import { LessonMenu } from './LessonMenu';

/** Lessons, sharing, and scenarios as files: everything that moves a run between people. */
export function ScenarioBar() {
  const send = useSim((s) => s.send);
  const scenario = useSim((s) => s.scenario);
  const fullScenario = useSim((s) => s.fullScenario);
  const [sharing, setSharing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const openFile = useOpenFile();
  const fileMenu = useClosingMenu();
  return (
    <div className="scenario-bar" role="group" aria-label="Scenario">
      <LessonMenu />
      <button type="button" onClick={() => setSharing(true)} disabled={scenario === null}>Share…</button>
      <details className="file-menu" ref={fileMenu} data-file-menu>
        <summary>File</summary>
        <div className="menu">
          <button type="button" disabled={scenario === null} title="Save this scenario, with every action taken, as a JSON file"
            onClick={() => void fullScenario().then((s) => saveFile(`${(s.title ?? 'quorum-scenario').replace(/[^\w-]+/g, '-').toLowerCase()}.json`, `${JSON.stringify(compact(s), null, 2)}\n`, 'application/json'))}>
            Save scenario
          </button>
          <button type="button" onClick={() => fileInput.current?.click()} title="Open a scenario file (or drop one anywhere on the page)">Open…</button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Scenario file"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void openFile(f); e.target.value = ''; }} />
          <button type="button" onClick={() => send({ type: 'exportTrace' })} title="Download the trace so far as JSON Lines, as npm run sim prints it">Export trace</button>
          <ExportButtons />
        </div>
      </details>
      {sharing && scenario !== null && <ShareDialog onClose={() => setSharing(false)} />}
    </div>
  );
}

/**
 * A <details> menu that closes as menus do: on Escape (the focus goes back to its summary) and
 * on a click anywhere else. A <details> alone stays open until its summary is clicked again.
 */
function useClosingMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (refocus: boolean) => {
      const el = menu.current;
      if (el === null || !el.open) return;
      el.open = false;
      if (refocus) el.querySelector('summary')?.focus();
    };
    const onDown = (e: PointerEvent) => { if (!menu.current?.contains(e.target as Node)) close(false); };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape' && menu.current?.open) close(menu.current.contains(document.activeElement)); };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return menu;
}

function ShareDialog({ onClose }: { onClose: () => void }) {
  // Shown once the worker has answered with every action: the field never holds a partial link.
  const scenario = useFullScenario();
  const time = useSim((s) => Math.floor(s.snapshot?.time ?? 0));
  const [atMoment, setAtMoment] = useState(true);
  const link = scenario === null ? '' : shareLink(window.location.href.split('#')[0], scenario, atMoment ? time : undefined);
  if (scenario === null) return null;
  return (
    <Dialog label="Share this run" className="share" onClose={onClose}>
      <h2>Share this run</h2>
      <p>Everyone who opens this link sees the same run, event for event, and can take it further.</p>
      <ShareFields link={link} time={time} atMoment={atMoment} onAtMoment={setAtMoment} what="" onClose={onClose}>
        <p className="hint">{link.length.toLocaleString('en')} characters · {scenario.actions.length} actions · {scenario.narration.length} narration steps</p>
      </ShareFields>
    </Dialog>
  );
}
