import { useState } from 'react';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { pairLink } from '../../../scenario/pair';
import { Dialog } from '../Dialog';
import { useCopyLink } from '../useCopyLink';
import type { SimState } from '../../store/simStore';
import { useFullScenario } from '../../store/useFullScenario';
import { iframeSnippet } from '../viewMode';

/** A link that reopens both runs, every action taken in them, and optionally this moment. */
export function PairShare({ left, right, onClose }: { left: StoreApi<SimState>; right: StoreApi<SimState>; onClose: () => void }) {
  const a = useFullScenario(left);
  const b = useFullScenario(right);
  const time = useStore(left, (s) => Math.floor(s.snapshot?.time ?? 0));
  const [atMoment, setAtMoment] = useState(true);
  const link = a === null || b === null ? '' : pairLink(window.location.href.split('#')[0], a, b, atMoment ? time : undefined);
  const { field, copied, copy } = useCopyLink(link);
  if (a === null || b === null) return null;
  return (
    <Dialog label="Share both runs" className="share" onClose={onClose}>
      <h2>Share both runs</h2>
      <p>The link opens the two runs side by side, each event for event as here. <code>npm run sim -- &apos;link&apos; --side right</code> replays the right one.</p>
      <input ref={field} className="share-link" readOnly value={link} aria-label="Share link" data-pair-link onFocus={(e) => e.target.select()} />
      <label className="check"><input type="checkbox" checked={atMoment} onChange={(e) => setAtMoment(e.target.checked)} /> Open at this moment ({(time / 1000).toFixed(3)} s), paused</label>
      <label className="embed-snippet">Embed both runs in slides (reveal.js, Google Slides, PowerPoint for the web): paste this HTML
        <textarea readOnly rows={3} value={iframeSnippet(link)} onFocus={(e) => e.target.select()} />
      </label>
      {copied && <p role="status">{copied}</p>}
      <div className="row">
        <button type="button" onClick={() => void copy()} data-autofocus>Copy link</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}
