import { useState } from 'react';
import type { StoreApi } from 'zustand';
import { LessonMenu } from '../LessonMenu';
import { Narration } from '../../teaching/narration/Narration';
import { Notices } from '../Notices';
import { Progress } from '../Progress';
import { Timeline } from '../../timeline/Timeline';
import { PaintHereContext } from '../../draw/paintHere';
import { Clock, Transport } from '../../timeline/Transport';
import { SimContext, type SimState, useSim } from '../../store/simStore';
import { PresenterButton, ThemeToggle } from '../Header';
import { usePresenter } from '../usePresenter';
import { useShellKeys } from '../useShellKeys';
import { NodeBar } from './NodeBar';
import { PairShare } from './PairShare';
import { SideRun } from './SideRun';
import '../shell.css';
import './pair.css';

/** The left run's narration, across both sides (once the run has started: the views expect a scenario), and the selected server's actions. */
function Story() {
  const ready = useSim((s) => s.scenario !== null);
  return <div className="pair-story" data-region="narration">{ready && <Narration aside={<NodeBar />} />}</div>;
}

/**
 * Two runs side by side under one clock: the header's playback, the timeline and the
 * narration belong to the left run, whose store sends every command through the pair's
 * transport to both; each side below draws its own run (see SideRun).
 */
export function PairShell({ title, left, right }: { title: string; left: StoreApi<SimState>; right: StoreApi<SimState> }) {
  const [sharing, setSharing] = useState(false);
  // As on the single page: F or the button for presenter mode, and the theme beside it.
  const presenter = usePresenter();
  useShellKeys(presenter.toggle);
  return (
    <div className={`app pair${presenter.presenter ? ' presenter' : ''}`} data-pair data-chrome={presenter.chrome ? 'shown' : 'hidden'}>
      <SimContext.Provider value={left}>
        <div className="chrome">
          <header className="top">
            <h1 title={title}>Quorum <small>side by side · {title}</small></h1>
            <div className="scenario-bar" role="group" aria-label="Scenario">
              <LessonMenu />
              <button type="button" onClick={() => setSharing(true)} data-pair-share>Share…</button>
              <a className="pair-single" href="#" title="Back to a single run">One run</a>
            </div>
            <Transport />
            <Clock />
            <div className="modes" role="group" aria-label="View">
              <ThemeToggle />
              <PresenterButton presenter={presenter.presenter} onPresenter={presenter.toggle} />
            </div>
          </header>
          <Timeline />
        </div>
        <div className="pair-notices-left"><Notices /></div>
        <Progress />
      </SimContext.Provider>
      <main className="pair-main">
        <PaintHereContext.Provider value>
          <SideRun side="left" store={left} />
          <SideRun side="right" store={right} />
        </PaintHereContext.Provider>
        <SimContext.Provider value={left}>
          <Story />
        </SimContext.Provider>
      </main>
      <SimContext.Provider value={right}><div className="pair-notices-right"><Notices /></div></SimContext.Provider>
      {sharing && <PairShare left={left} right={right} onClose={() => setSharing(false)} />}
    </div>
  );
}
