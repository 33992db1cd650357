import { Dialog } from './Dialog';

export const SHORTCUTS: [keys: string, what: string][] = [
  ['Space', 'play / pause (Enter clicks the focused control)'],
  ['→  ←', 'step one event (in a narrated lesson: next / previous step)'],
  ['PgDn  PgUp', 'next / previous narration step'],
  ['.  ,', 'step one event forward / back, always'],
  ['[  ]', 'slower / faster'],
  ['1–9', 'select a server (choosing a partition: pick it)'],
  ['C', 'crash or recover the selected server'],
  ['T', 'time out the selected server'],
  ['R', 'send the next command to the selected server'],
  ['P', 'pick a partition · H heal all'],
  ['F', 'presenter mode: full screen, large type'],
  ['D', 'show or fold the panels (safety, node, network, cluster)'],
  ['Esc', 'close a dialog, or clear the selection'],
  ['?', 'show these keys'],
];

/** The keyboard shortcuts, always one glance away. */
export function ShortcutBar({ onHelp }: { onHelp: () => void }) {
  return (
    <p className="shortcut-bar">
      {SHORTCUTS.slice(0, 7).map(([k, w]) => <span key={k}><kbd>{k}</kbd> {w}</span>)}
      <button type="button" className="linkish" onClick={onHelp}>all keys (?)</button>
    </p>
  );
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table><tbody>{SHORTCUTS.map(([k, w]) => <tr key={k}><th><kbd>{k}</kbd></th><td>{w}</td></tr>)}</tbody></table>
      <button type="button" onClick={onClose} data-autofocus>Close</button>
    </Dialog>
  );
}
