import type { StoreApi } from 'zustand';
import { brokenRules } from '../../../scenario/bugs';
import type { Side } from '../../store/pairTransport';
import { ClusterView } from '../../cluster/ClusterView';
import { MessagePopover } from '../../cluster/MessagePopover';
import { ViolationNotice } from '../../cluster/ViolationNotice';
import { viewOf } from '../../protocolView';
import { SimContext, type SimState, useSim } from '../../store/simStore';
import { RunTable } from '../RunTable';
import { RunFigures } from './RunFigures';

/** One run of the pair: its own cluster, logs or tables, safety verdict and trace hash, read from its own store. */
export function SideRun({ side, store }: { side: Side; store: StoreApi<SimState> }) {
  return (
    <SimContext.Provider value={store}>
      <SideBody side={side} />
    </SimContext.Provider>
  );
}

/** Safe, or the first check that failed in this run (and when): the other run's verdict is its own. */
function Verdict() {
  const violation = useSim((s) => s.safety?.violations[0] ?? null);
  return (
    <span className={`pair-verdict${violation === null ? '' : ' broken'}`} data-safe={violation === null} data-check={violation?.predicate}
      title={violation === null ? 'Every safety check holds in this run' : `Failed at ${violation.t} ms: ${violation.text}`}>
      {violation === null ? '✓ safe' : `✗ ${violation.predicate}`}
    </span>
  );
}

/** A side's name and title, the rule broken in it (if one is), and its verdict: in the full pair and in the embed alike. */
export function SideHead({ side }: { side: Side }) {
  const protocol = useSim((s) => s.scenario?.protocol ?? 'raft');
  const title = useSim((s) => s.scenario?.title);
  const bug = useSim((s) => s.scenario?.bugs[0]);
  const name = viewOf(protocol).name;
  const rule = bug === undefined ? undefined : brokenRules(protocol).find((r) => r.bug === bug);
  const label = sideLabel(side, name, title);
  return (
    <div className="pair-side-head">
      <h2 title={label}>{name}{title && title !== name ? <small> · {title}</small> : null}</h2>
      {rule !== undefined && <span className="pair-rule" data-broken-rule={rule.bug} title={rule.label}>rule broken: {rule.label}</span>}
      <Verdict />
    </div>
  );
}

/** What a screen reader hears for a side. */
export function sideLabel(side: Side, name: string, title: string | undefined): string {
  return `${side === 'left' ? 'Left' : 'Right'} run: ${name}${title ? `, ${title}` : ''}`;
}

function SideBody({ side }: { side: Side }) {
  const ready = useSim((s) => s.snapshot !== null);
  const protocol = useSim((s) => s.scenario?.protocol ?? 'raft');
  const title = useSim((s) => s.scenario?.title);
  const hash = useSim((s) => s.info?.snapshot.traceHash ?? '');
  const time = useSim((s) => Math.floor(s.hud?.time ?? 0));
  return (
    <section className="pair-side" data-side={side} data-trace-hash={hash} data-time={time} data-region={`side-${side}`} aria-label={sideLabel(side, viewOf(protocol).name, title)}>
      <SideHead side={side} />
      {!ready ? <p className="loading" role="status">Starting…</p> : (
        <div className="pair-run">
          <div className="cluster-box">
            <ClusterView />
            <MessagePopover />
          </div>
          <div className="pair-figures-slot"><RunFigures /><ViolationNotice /></div>
          {/* It scrolls below the cluster's 300 px: focusable, so the keyboard can scroll it too. */}
          <div className="pair-table" data-region={protocol === 'raft' ? 'logs' : 'tables'} tabIndex={0} role="region"
            aria-label={`${side === 'left' ? 'Left' : 'Right'} run's ${protocol === 'raft' ? 'logs' : 'tables'}, scrollable`}>
            <RunTable protocol={protocol} />
          </div>
        </div>
      )}
    </section>
  );
}
