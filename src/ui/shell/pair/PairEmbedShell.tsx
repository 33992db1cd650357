import type { StoreApi } from 'zustand';
import { ClusterView } from '../../cluster/ClusterView';
import { MessagePopover } from '../../cluster/MessagePopover';
import { PaintHereContext } from '../../draw/paintHere';
import { viewOf } from '../../protocolView';
import { SimContext, type SimState, useSim } from '../../store/simStore';
import { Narration } from '../../teaching/narration/Narration';
import { Clock, Transport } from '../../timeline/Transport';
import { Progress } from '../Progress';
import { fullAppLink } from '../viewMode';
import type { Side } from '../../store/pairTransport';
import { SideHead, sideLabel } from './SideRun';
import '../shell.css';
import './pair.css';

/** One side in the frame: its name, rule and verdict over its cluster; no logs, no figures. */
function EmbedSide({ side }: { side: Side }) {
  const ready = useSim((s) => s.snapshot !== null);
  const name = useSim((s) => viewOf(s.scenario?.protocol ?? 'raft').name);
  const title = useSim((s) => s.scenario?.title);
  const time = useSim((s) => Math.floor(s.hud?.time ?? 0));
  return (
    <section className="pair-side" data-side={side} data-time={time} aria-label={sideLabel(side, name, title)}>
      <SideHead side={side} />
      {!ready ? <p className="loading" role="status">Starting…</p> : (
        <div className="cluster-box">
          <ClusterView />
          <MessagePopover />
        </div>
      )}
    </section>
  );
}

/**
 * Two runs side by side in an iframe on a slide (`#compare=…&view=embed`), as EmbedShell
 * frames one run: the left run's narration, both clusters, the small transport (the left
 * store's, whose commands go to both runs) and a link to the pair in the full app.
 */
export function PairEmbedShell({ title, left, right }: { title: string; left: StoreApi<SimState>; right: StoreApi<SimState> }) {
  return (
    <div className="app embed pair" data-view="embed" data-pair>
      <SimContext.Provider value={left}>
        <Progress />
        <main className="pair-embed-main" aria-label={title}>
          <div className="pair-story" data-region="narration"><EmbedNarration /></div>
          <PaintHereContext.Provider value>
            <SimContext.Provider value={left}><EmbedSide side="left" /></SimContext.Provider>
            <SimContext.Provider value={right}><EmbedSide side="right" /></SimContext.Provider>
          </PaintHereContext.Provider>
        </main>
        <footer className="embed-bar">
          <Transport />
          <Clock />
          <a className="open-full" href={fullAppLink(window.location.href)} target="_blank" rel="noopener" aria-label="Open in Quorum" title="Open in Quorum"
            data-open-full><span className="open-full-words">Open in Quorum </span>↗</a>
        </footer>
      </SimContext.Provider>
    </div>
  );
}

/** The narration once the left run has its scenario (the view expects one). */
function EmbedNarration() {
  const ready = useSim((s) => s.scenario !== null);
  return ready ? <Narration /> : null;
}
