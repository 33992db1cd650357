import { ClusterView } from '../cluster/ClusterView';
import { MessagePopover } from '../cluster/MessagePopover';
import { Narration } from '../teaching/narration/Narration';
import { Progress } from './Progress';
import { Clock, Transport } from '../timeline/Transport';
import { useSim } from '../store/simStore';
import { fullAppLink } from './viewMode';
import './shell.css';

/**
 * The minimal frame for an iframe in slides (`&view=embed`): the cluster, the narration and a
 * small transport, and a link to the same run in the full app. Keys reach the frame only
 * while it has focus (a click in it), so the slides' own keys keep working outside it.
 */
export function EmbedShell() {
  const ready = useSim((s) => s.snapshot !== null);
  const title = useSim((s) => s.scenario?.title ?? 'Quorum');
  return (
    <div className="app embed" data-view="embed">
      <Progress />
      {!ready ? <p className="loading" role="status">Starting the simulation…</p> : (
        <main className="embed-main" aria-label={title}>
          <div data-region="narration"><Narration /></div>
          <div className="stage" data-region="cluster">
            <div className="cluster-box">
              <ClusterView />
              <MessagePopover />
            </div>
          </div>
        </main>
      )}
      <footer className="embed-bar">
        <Transport />
        <Clock />
        {/* Narrow frames keep the arrow alone (shell.css); the name stays for screen readers. */}
        <a className="open-full" href={fullAppLink(window.location.href)} target="_blank" rel="noopener" aria-label="Open in Quorum" title="Open in Quorum"
          data-open-full><span className="open-full-words">Open in Quorum </span>↗</a>
      </footer>
    </div>
  );
}
