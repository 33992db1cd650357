import { useState } from 'react';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { pairLink } from '../../../scenario/pair';
import { Dialog } from '../Dialog';
import { ShareFields } from '../ShareFields';
import type { SimState } from '../../store/simStore';
import { useFullScenario } from '../../store/useFullScenario';

/** A link that reopens both runs, every action taken in them, and optionally this moment. */
export function PairShare({ left, right, onClose }: { left: StoreApi<SimState>; right: StoreApi<SimState>; onClose: () => void }) {
  const a = useFullScenario(left);
  const b = useFullScenario(right);
  const time = useStore(left, (s) => Math.floor(s.snapshot?.time ?? 0));
  const [atMoment, setAtMoment] = useState(true);
  const link = a === null || b === null ? '' : pairLink(window.location.href.split('#')[0], a, b, atMoment ? time : undefined);
  if (a === null || b === null) return null;
  return (
    <Dialog label="Share both runs" className="share" onClose={onClose}>
      <h2>Share both runs</h2>
      <p>The link opens the two runs side by side, each event for event as here. <code>npm run sim -- &apos;link&apos; --side right</code> replays the right one.</p>
      <ShareFields link={link} time={time} atMoment={atMoment} onAtMoment={setAtMoment} what=" both runs" hook={{ 'data-pair-link': '' }} onClose={onClose} />
    </Dialog>
  );
}
