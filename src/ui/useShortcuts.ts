import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { SimState } from './store/simStore';
import { SPEEDS } from '../scenario/defaults';

/** A presentation clicker's keys: next and previous step, wherever the focus was left. */
const CLICKER = new Set(['PageDown', 'PageUp']);

/** Inputs that take typed text: every key is theirs. */
const TYPED = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password']);

/**
 * Whether a key is the page's rather than the focused control's. Text fields keep every key.
 * Space is the page's play/pause wherever focus was left on a button (Next, a tab, Crash S3:
 * Enter presses those); a checkbox, a radio, the network's sliders and a select keep it, as
 * does the lesson menu (its handler chooses the item): there Space is the control's own act.
 * The timeline's slider, once clicked, keeps the focus: its keys are the page's, so the clicker
 * and the arrows step as everywhere else (the slider still moves, a step at a time; Home and End
 * still go to either end). Other controls (the speed select, a checkbox, a radio) keep their
 * own keys, but not the clicker's, which they have no use for: the network's sliders among them,
 * whose arrows set a rate.
 */
function forThePage(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return false;
  if (target instanceof HTMLInputElement) {
    if (target.dataset.timelineSlider !== undefined) return true;
    return !TYPED.has(target.type) && CLICKER.has(e.key);
  }
  return target.tagName !== 'SELECT' || CLICKER.has(e.key);
}

/** Keyboard control of everything a lecturer does often; ignored while typing in a field. */
export function useShortcuts(store: StoreApi<SimState>, toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || !forThePage(e)) return;
      // A modal dialog has the keyboard to itself (it closes on Escape by itself).
      if (document.querySelector('dialog[open]') !== null) return;
      const s = store.getState();
      const snap = s.snapshot;
      const selected = s.selectedNode;
      const node = selected === null ? undefined : s.nodes[selected];
      const speedIndex = (SPEEDS as readonly number[]).indexOf(snap?.speed ?? 0.05);
      const narrated = (s.scenario?.narration.length ?? 0) > 0;
      let handled = true;
      switch (e.key) {
        case ' ':
          // Always play/pause, even with a button focused: after clicking "Crash S3" a lecturer
          // presses Space to go on, not to click it again. Focused controls activate with Enter.
          s.send({ type: snap?.playing ? 'pause' : 'play' });
          break;
        // A presentation clicker sends PageDown/PageUp (some send arrows): in a narrated
        // scenario they move between steps; otherwise the arrows step one event.
        case 'PageDown': s.send({ type: 'narrationNext' }); break;
        case 'PageUp': s.send({ type: 'narrationPrev' }); break;
        case 'ArrowRight': s.send({ type: narrated ? 'narrationNext' : 'stepForward' }); break;
        case 'ArrowLeft': s.send({ type: narrated ? 'narrationPrev' : 'stepBack' }); break;
        case '.': s.send({ type: 'stepForward' }); break;
        case ',': s.send({ type: 'stepBack' }); break;
        case '[': s.send({ type: 'speed', speed: SPEEDS[Math.max(0, speedIndex - 1)] }); break;
        case ']': s.send({ type: 'speed', speed: SPEEDS[Math.min(SPEEDS.length - 1, speedIndex + 1)] }); break;
        case 'c': case 'C':
          if (node !== undefined) s.act({ type: node.up ? 'crash' : 'recover', node: node.id });
          break;
        // As the button does: the engine decides, and says so in the event log when it refuses.
        case 't': case 'T':
          if (node !== undefined && node.up) s.act({ type: 'timeout', node: node.id });
          break;
        case 'r': case 'R':
          if (node !== undefined && node.up) s.act({ type: 'request', node: node.id, command: s.takeCommand() });
          break;
        case 'p': case 'P': s.setPartitionPick(s.partitionPick === null ? [] : null); break;
        case 'h': case 'H': s.act({ type: 'heal' }); break;
        case 'Escape': s.select(null); s.selectMessage(null); s.setPartitionPick(null); break;
        case '?': toggleHelp(); break;
        default:
          if (/^[1-9]$/.test(e.key) && Number(e.key) <= s.nodeIds.length) {
            const id = Number(e.key);
            // Choosing a partition, a digit picks (or unpicks) that server, as a click does.
            if (s.partitionPick !== null) s.togglePick(id);
            else s.select(id);
          } else handled = false;
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, toggleHelp]);
}
