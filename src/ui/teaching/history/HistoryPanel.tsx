import { type FormEvent, useContext, useEffect, useMemo, useState } from 'react';
import { lessonsWithClients } from '../../../scenario/lessonMenu';
import type { ClientsView } from '../../../worker/protocol';
import { SimContext, useSim } from '../../store/simStore';
import { type Bar, historyBars, leaseSpanText, placeLabels } from './bars';
import './history.css';

const NONE: readonly number[] = [];
const WITH_CLIENTS = lessonsWithClients();
const READS = { local: 'any server\'s store', leader: 'leader\'s store', log: 'through the log', readIndex: 'read index', lease: 'leader lease' } as const;
const OUTCOME_WORDS = { ok: 'ok', fail: 'failed', unknown: 'unknown' } as const;
const LABEL_FONT = "13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** A label's width in pixels, as the bar draws it (its padding and a bold "stale" included). */
function labelMeasure(): (b: Bar) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx !== null) ctx.font = LABEL_FONT;
  return (b) => Math.ceil((ctx?.measureText(`${b.stale ? 'stale ' : ''}${b.label}`).width ?? b.label.length * 7.5) + (b.stale ? 8 : 6));
}

/** An operation tried more than once, in words: each attempt, where it went and why. */
function triesText(b: Bar): string {
  if (b.tries.length < 2) return '';
  return `; ${b.tries.length} tries: ${b.tries.map((t) => `${t.why === 'first' ? '' : `${t.why} `}to S${t.to} at ${t.time} ms`).join(', ')}`;
}

/** The width of the lanes' tracks, from a ResizeObserver (reading it while rendering would force a layout). */
function useTrackWidth(): [(el: HTMLDivElement | null) => void, number] {
  // The first client's track, watched itself: it appears only with the run's first operation,
  // after the panel mounted (a ref read once at mount found none, and every label got 0 px).
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (el === null) return;
    const resize = new ResizeObserver(() => setWidth(el.clientWidth));
    resize.observe(el);
    return () => resize.disconnect();
  }, [el]);
  return [ref, width];
}

/**
 * The clients' history, as Jepsen draws it: a row per client, each operation a bar from its
 * invocation to its reply (green ok, grey failed, amber unknown, open-ended while waiting).
 * When the linearizability check fails, the operations it names are outlined and the stale
 * read marked. Everything drawn comes from the engine's history and the checker's verdict.
 */
export function HistoryPanel() {
  const clients = useSim((s) => s.clients);
  const now = useSim((s) => s.hud?.time ?? s.snapshot?.time ?? 0);
  const violation = useSim((s) => s.safety?.violations.find((v) => v.predicate === 'linearizable') ?? null);
  const act = useSim((s) => s.act);
  const followOnDiagram = useSim((s) => s.setDiagramFollow);
  const send = useSim((s) => s.send);
  const select = useSim((s) => s.select);
  const selectedOp = useSim((s) => s.selectedOp);
  const selectOp = useSim((s) => s.selectOp);
  const [track, trackWidth] = useTrackWidth();
  const measure = useMemo(labelMeasure, []);
  if (clients === null) {
    return (
      <section className="panel history" aria-label="Client history" data-history="none">
        <h2>Client history</h2>
        <p className="hint">This run has no clients. The lessons {WITH_CLIENTS} have some; a scenario adds them with <code>"clients": {'{ "count": 2 }'}</code> and <code>invoke</code> actions.</p>
      </section>
    );
  }
  const layout = historyBars(clients.operations, now, violation?.operations ?? NONE, violation?.stale ?? NONE, clients.leases, clients.attempts);
  const labels = placeLabels(layout.bars, trackWidth, measure);
  // A bar goes to its reply (where every request and reply of it has happened) and selects the
  // operation: the space-time diagram draws them heavier.
  const go = (b: Bar) => {
    send({ type: 'pause' });
    send({ type: 'seekTime', time: b.ret ?? b.call });
    selectOp(b.id);
    if (b.server !== null) select(b.server);
  };
  // The diagram, following the playhead, on its tab; enlarged over the logs, since beside them
  // on a projector (1280x720) it is some 70 px tall: too short to follow a request and its reply.
  const showInSpaceTime = () => {
    followOnDiagram(true);
    document.getElementById('tab-spacetime')?.click();
    document.querySelector<HTMLButtonElement>('[data-teaching-enlarge][aria-pressed="false"]')?.click();
  };
  return (
    <section className="panel history" aria-label="Client history" data-history={violation !== null ? 'violation' : 'ok'}>
      <header className="hist-head">
        <h2 className="hist-title">Client history</h2>
        <span className="hist-reads" data-reads={clients.reads}>reads: {READS[clients.reads]}</span>
        <span className="hist-count">{clients.total > clients.operations.length ? `the last ${clients.operations.length} of ${clients.total} operations` : `${clients.total} operation${clients.total === 1 ? '' : 's'}`}</span>
        {violation !== null && (
          <span className="hist-verdict" role="alert" data-verdict="violation"
            title={`No order of the outlined operations fits their times and results${violation.stale !== undefined && violation.stale.length > 0 ? '; the stale read is marked' : ''}.`}>
            ✗ not linearizable on {violation.key}
          </span>
        )}
        {selectedOp !== null && (
          <button type="button" className="hist-show" data-history-spacetime onClick={showInSpaceTime}
            title="The selected operation's requests and replies on the space-time diagram">Show in space-time</button>
        )}
        <Invoke />
      </header>
      <div className="hist-lanes" role="list">
        {layout.clients.map((c) => (
          <div key={c} className="hist-lane" role="listitem" data-client={c} data-paused={clients.paused[c]}
            data-label-rows={layout.bars.some((b) => b.client === c && labels.get(b.id)!.side === 'below') ? 2 : 1}
            data-leases={layout.spans.some((s) => s.lease.client === c)}>
            <span className="hist-client">
              client {c}
              {clients.storage !== null && <small data-token={clients.tokens[c] ?? 'none'}>{clients.tokens[c] === null ? 'no token' : `token ${clients.tokens[c]}`}</small>}
              {/* A client's long pause (a garbage collection): an action of the run, like a server's. */}
              <button type="button" className="hist-pause" data-client-pause={clients.paused[c] ? 'resume' : 'pause'}
                aria-label={`${clients.paused[c] ? 'Resume' : 'Pause'} client ${c}`} title={clients.paused[c] ? `Resume client ${c}` : `Pause client ${c} (a long garbage collection)`}
                onClick={() => act({ type: clients.paused[c] ? 'resumeClient' : 'pauseClient', client: c })}>{clients.paused[c] ? '▶' : '‖'}</button>
            </span>
            <div className="hist-track" ref={c === layout.clients[0] ? track : undefined}>
              {/* Each lease the client was granted, above its bars: a class sees whether it still held when the client acted. */}
              {layout.spans.filter((s) => s.lease.client === c).map((s) => (
                <span key={`lease-${s.lease.id}`} className="hist-lease" role="img" data-lease-key={s.lease.key} data-lease-token={s.lease.token}
                  data-lease-from={Math.round(s.lease.from)} data-lease-until={Math.round(s.lease.until)} data-lease-ended={s.ended}
                  data-lease-clock={s.lease.clock === null ? '' : `S${s.lease.clock.node} ${s.lease.clock.from}–${s.lease.clock.until}`}
                  style={{ left: `${s.x0 * 100}%`, width: `${(s.x1 - s.x0) * 100}%` }}
                  aria-label={`Client ${c}'s lease on ${s.lease.key}, token ${s.lease.token}: ${leaseSpanText(s.lease)}, ${s.ended ? 'ended' : 'holds'}`}
                  title={`Lock ${s.lease.key}, token ${s.lease.token}: ${leaseSpanText(s.lease)}${s.ended ? '; ended' : ''}`}>
                  <span className="hist-lease-label">{s.label}</span>
                </span>
              ))}
              {layout.bars.filter((b) => b.client === c).map((b) => {
                const place = labels.get(b.id)!;
                return (
                <button key={b.id} type="button" className="hist-bar" data-op={b.id} data-outcome={b.outcome} data-open={b.open}
                  data-stale={b.stale} data-flagged={b.flagged} data-selected={b.id === selectedOp}
                  data-label-side={place.side} data-label-cut={place.max !== null}
                  style={{ left: `${b.x0 * 100}%`, width: `max(${(b.x1 - b.x0) * 100}%, 6px)`, ...(place.max !== null ? { '--label-max': `${place.max}px` } : {}),
                    ...(place.dx !== undefined ? { '--label-dx': `${place.dx}px` } : {}) }}
                  aria-label={`Client ${c}: ${b.label}, ${OUTCOME_WORDS[b.outcome]}, ${b.call} to ${b.ret ?? 'now'} ms; ${b.detail}${b.stale ? '; stale read' : ''}${triesText(b)}`}
                  title={`${b.label} · ${b.call}–${b.ret ?? '…'} ms · ${b.detail}${triesText(b)}`} onClick={() => go(b)}>
                  {/* An operation tried more than once: each attempt (the first, then each retry or redirect) where the client sent it, numbered by CSS (not part of the bar's text). */}
                  {b.tries.length > 1 && b.tries.map((t) => (
                    <span key={t.attempt} className="hist-try" data-try={t.attempt} data-why={t.why} style={{ left: `${t.at * 100}%` }} aria-hidden="true" />
                  ))}
                  <span className="hist-label">{b.stale && <b>stale </b>}{b.label}</span>
                </button>
                );
              })}
            </div>
          </div>
        ))}
        {layout.clients.length === 0 && <p className="hint">No operation yet: send one below or wait for the scenario's.</p>}
      </div>
      <p className="hist-axis"><span>{layout.from} ms</span><span>now, {Math.round(layout.to)} ms</span></p>
      {clients.storage !== null && <StorageRow storage={clients.storage} />}
    </section>
  );
}

/**
 * The storage node outside the cluster, drawn as the last row: what it holds, which client
 * and token wrote each key, the highest token it has accepted, and the fencing check's verdict.
 */
function StorageRow({ storage }: { storage: NonNullable<ClientsView['storage']> }) {
  const stale = useSim((s) => s.safety?.violations.find((v) => v.predicate === 'fencing') ?? null);
  return (
    <div className="hist-storage" role="group" aria-label="Storage node" data-storage={stale !== null ? 'violation' : 'ok'} data-fencing={storage.fencing}>
      <span className="hist-client">storage</span>
      <span className="hist-storage-check">{storage.fencing ? `rejects tokens below ${storage.highest}` : 'no token check'}</span>
      {storage.kv.length === 0 && <span className="hist-storage-empty">empty</span>}
      {storage.kv.map((k) => (
        <span key={k.key} className="hist-stored" data-storage-key={k.key} data-value={k.value} data-by={k.client}>
          <b>{k.key} = {k.value}</b> <small>client {k.client}, token {k.token}</small>
        </span>
      ))}
      {stale !== null && <span className="hist-verdict" role="alert" data-verdict="stale-token" title={stale.text}>✗ accepted a stale token</span>}
    </div>
  );
}

/**
 * Start an operation for a client: it goes into the run as an `invoke` action. When the engine
 * refuses it (not an operation of the store, the client busy or paused), its reason shows
 * beside the form, not only in the Events tab.
 */
function Invoke() {
  const count = useSim((s) => s.scenario?.clients?.count ?? 0);
  const act = useSim((s) => s.act);
  const store = useContext(SimContext)!;
  const [client, setClient] = useState(1);
  const [op, setOp] = useState('get x');
  // The last trace record before this form's latest send: the engine's answer comes after it.
  const [sentAfter, setSentAfter] = useState<number | null>(null);
  const refusal = useSim((s) => (sentAfter === null ? null
    : s.trace.findLast((r) => r.seq > sentAfter && r.rule === 'client.invoke' && r.kind === 'refused')?.text ?? null));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSentAfter(store.getState().trace.at(-1)?.seq ?? 0);
    act({ type: 'invoke', client, op: op.trim() });
  };
  return (
    <form className="hist-invoke" onSubmit={submit} data-invoke>
      <label>client <select aria-label="Client" value={client} onChange={(e) => setClient(Number(e.target.value))} data-invoke-client>
        {Array.from({ length: count }, (_, i) => <option key={i} value={i + 1}>{i + 1}</option>)}
      </select></label>
      <input aria-label="Operation (get k, set k v, del k, cas k old new, incr k, acquire L ms, release L, write k v)" value={op}
        onChange={(e) => { setOp(e.target.value); setSentAfter(null); }} size={12} data-invoke-op aria-invalid={refusal !== null} />
      <button type="submit" data-invoke-send>Send</button>
      {refusal !== null && <p className="field-error" role="alert" data-invoke-refused>{refusal}</p>}
    </form>
  );
}
