import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { saveFile } from '../../files';
import { EXPORT_WIDTH } from '../../shell/exportCluster';
import { svgToPng } from '../../shell/rasterize';
import { useWholeText } from '../../useWholeText';
import { currentPalette, usePalette } from '../../shell/themeState';
import { SimContext, useSim } from '../../store/simStore';
import { groupColor } from '../../theme';
import type { SpaceTimeAxis } from '../../../worker/spacetime';
import { Diagram } from './diagram';
import { lanesOf } from './geometry';
import './spacetime.css';

/** Zoom steps: pixels per ms on the time axis, per event in event order. */
const ZOOMS: Record<SpaceTimeAxis, number[]> = { time: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8], events: [2, 4, 8, 12, 16, 24, 32] };
// Not PageUp/PageDown: they are the clicker's Next and Previous (useShortcuts), which do not scroll the diagram.
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End']);
/** At most this tall, the screen is short: the key starts folded. */
const SHORT_SCREEN_PX = 820;
const DEFAULT_ZOOM: Record<SpaceTimeAxis, number> = { time: 5, events: 4 };

/**
 * The space-time diagram: a lane per node (and one for clients), time running down, every
 * message an arrow from send to delivery. Drawn on a canvas for the window in sight; the
 * lists under it name the same arrows and marks for the keyboard and screen readers.
 */
export function SpaceTime() {
  const store = useContext(SimContext)!;
  const nodeCount = useSim((s) => s.snapshot?.nodeCount ?? 0);
  const clientCount = useSim((s) => s.scenario?.clients?.count ?? 0);
  const leaseReads = useSim((s) => s.scenario?.clients?.reads === 'lease');
  const selectedNode = useSim((s) => s.selectedNode);
  const select = useSim((s) => s.select);
  const title = useSim((s) => s.scenario?.title ?? s.scenario?.protocol ?? 'run');
  const [axis, setAxis] = useState<SpaceTimeAxis>('time');
  const [zoom, setZoom] = useState(DEFAULT_ZOOM);
  const follow = useSim((s) => s.diagramFollow);
  const setFollow = useSim((s) => s.setDiagramFollow);
  const [thinned, setThinned] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  // The key folds away on a short screen (a projector at 1280x720), where the diagram needs every line.
  const [keyOpen, setKeyOpen] = useState(() => typeof window === 'undefined' || window.innerHeight > SHORT_SCREEN_PX);
  const scroller = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const arrows = useRef<HTMLUListElement>(null);
  const clients = useRef<HTMLUListElement>(null);
  const marks = useRef<HTMLUListElement>(null);
  const leases = useRef<HTMLUListElement>(null);
  const diagram = useRef<Diagram | null>(null);
  const settings = { axis, scale: ZOOMS[axis][zoom[axis]], follow };

  useLayoutEffect(() => {
    const d = new Diagram(store, { scroller: scroller.current!, spacer: spacer.current!, canvas: canvas.current!, arrows: arrows.current!, clients: clients.current!, marks: marks.current!, leases: leases.current! },
      settings, (t, f) => { setThinned(t); setFollow(f); });
    diagram.current = d;
    const el = scroller.current!;
    const resize = new ResizeObserver(() => {
      const head = el.firstElementChild!.getBoundingClientRect().height;
      const h = Math.max(0, el.clientHeight - head);
      canvas.current!.style.height = `${h}px`;
      setWidth(el.clientWidth);
      d.resize(el.clientWidth, h);
    });
    resize.observe(el);
    const sight = new IntersectionObserver(([entry]) => d.setInSight(entry.isIntersecting));
    sight.observe(el);
    return () => {
      resize.disconnect();
      sight.disconnect();
      d.dispose();
      diagram.current = null;
    };
    // One diagram per mount; settings reach it through configure below.
  }, [store]);

  useEffect(() => {
    diagram.current?.configure(settings);
  }, [axis, zoom, follow]);

  const exportSvg = () => {
    const svg = diagram.current?.svg(`Quorum space-time diagram: ${title}`);
    if (svg) saveFile('quorum-spacetime.svg', svg.text, 'image/svg+xml');
  };
  // The window in sight as a picture at least EXPORT_WIDTH pixels wide (and twice the screen's), sharp on a projector.
  const exportPng = () => {
    const svg = diagram.current?.svg(`Quorum space-time diagram: ${title}`);
    if (!svg) return;
    const scale = Math.max(2, EXPORT_WIDTH / svg.width);
    svgToPng(svg.text, svg.width * scale, svg.height * scale, currentPalette().panel).then(
      (png) => saveFile('quorum-spacetime.png', png, 'image/png'),
      (e: unknown) => store.getState().notify(`The picture could not be made: ${e instanceof Error ? e.message : String(e)}`, 'alert'));
  };
  const local = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top] as const;
  };
  const zoomBy = (k: number) => setZoom((z) => ({ ...z, [axis]: Math.max(0, Math.min(ZOOMS[axis].length - 1, z[axis] + k)) }));
  const onPick = (e: React.MouseEvent<HTMLUListElement>) => {
    const item = (e.target as Element).closest<HTMLElement>('li');
    if (item !== null) diagram.current?.pick(item);
  };

  return (
    <section className="panel spacetime" data-spacetime data-axis={axis} aria-label="Space-time diagram">
      <div className="st-bar">
        <h2>Space-time</h2>
        <div className="st-toggle" role="group" aria-label="Vertical axis">
          {/* Short words, so the bar keeps one line at 1024x768; the names say it whole. */}
          <button type="button" aria-pressed={axis === 'time'} onClick={() => setAxis('time')} aria-label="Virtual time" title="Down the lanes: virtual time">Time</button>
          <button type="button" aria-pressed={axis === 'events'} onClick={() => setAxis('events')} aria-label="Event order" title="Down the lanes: one event after another">Order</button>
        </div>
        <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => zoomBy(-1)} disabled={zoom[axis] === 0}>−</button>
        <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => zoomBy(1)} disabled={zoom[axis] === ZOOMS[axis].length - 1}>+</button>
        <label className="st-follow"><input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow</label>
        <span className="st-export" role="group" aria-label="Export">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="M7 1h2v7.6l2.6-2.6 1.4 1.4L8 12.4 3 7.4 4.4 6 7 8.6zM2 13h12v2H2z" fill="currentColor" /></svg>
          <button type="button" onClick={exportSvg} data-export="spacetime-svg" title="Export the window in sight as an SVG drawing">SVG</button>
          <button type="button" onClick={exportPng} data-export="spacetime-png" title="Export the window in sight as a PNG picture, at least 1920 pixels wide">PNG</button>
        </span>
        <Thinned text={thinned} />
      </div>
      <div className="st-frame">
      <div className="st-scroll" ref={scroller} onScroll={() => diagram.current?.scrolled()} tabIndex={0}
        onWheel={() => diagram.current?.userScrolls()}
        onKeyDown={(e) => { if (SCROLL_KEYS.has(e.key)) diagram.current?.userScrolls(); }}
        onMouseDown={(e) => { if (e.target === e.currentTarget) diagram.current?.userScrolls(); }} role="region" aria-label="Space-time diagram, scroll through the run">
        <div className="st-head" aria-hidden="true">
          {width > 0 && lanesOf(nodeCount, clientCount, width).map((lane) => (
            <button type="button" tabIndex={-1} key={lane.label} className={lane.node > 0 && lane.node === selectedNode ? 'selected' : lane.node === 0 ? 'client' : ''}
              style={{ left: lane.x }} onClick={() => lane.node > 0 && select(lane.node)}>{lane.label}</button>
          ))}
        </div>
        <canvas
          ref={canvas}
          className="st-canvas"
          onMouseMove={(e) => diagram.current?.hover(...local(e))}
          onMouseLeave={() => diagram.current?.hover(-100, -100)}
          onClick={(e) => diagram.current?.click(...local(e))}
        />
        <div ref={spacer} />
      </div>
      </div>
      <details className="st-key" open={keyOpen} onToggle={(e) => setKeyOpen(e.currentTarget.open)} data-spacetime-key>
        <summary>Key</summary>
        <p><b>dashed ✕</b> lost · <b>dotted</b> duplicate · <b>★</b> leader · <b>○</b> election · <b>■</b> commit · <b>▬</b> crash, recover · tint: partition groups <GroupSwatches />, coloured as in the cluster; red band <b>✕ from S3</b>: this lane no longer receives from S3 (a cut link, one way) · clients: <b>→</b> request, <b>- -</b> retry, <b>···</b> redirect, <b>┆?</b> no reply (unknown){leaseReads && <> · <span data-spacetime-key-lease><b>green band</b>: a leader's read lease, from the heartbeat round a majority answered (a notch at each renewal, <b>●</b> a read answered on it); <b>red, dashed</b>: past its true end, holding by the leader's slow clock only</span></>}</p>
      </details>
      <ul ref={arrows} className="st-list" aria-label="Messages in the diagram's window" onClick={onPick} />
      <ul ref={clients} className="st-list" aria-label="Clients' requests and replies in the diagram's window" onClick={onPick} data-spacetime-clients />
      <ul ref={marks} className="st-list" aria-label="Events on the lanes in the diagram's window" onClick={onPick} />
      <ul ref={leases} className="st-list" aria-label="Leaders' read leases in the diagram's window" onClick={onPick} data-spacetime-leases />
    </section>
  );
}

/** The first groups' tints, the colours the cluster gives the same groups (see groupColor). */
function GroupSwatches() {
  const palette = usePalette();
  return (
    <span className="st-swatches" aria-hidden="true">
      {[0, 1, 2].map((k) => <span key={k} className="st-swatch" data-group-color={groupColor(k, palette)} style={{ background: groupColor(k, palette) }} />)}
    </span>
  );
}

/**
 * Why the diagram shows less than the window holds: in the bar, not over the diagram's foot,
 * where the newest arrows are drawn; said whole in a shorter form when the bar is narrow
 * ("Detail thinned", not "Detail thi…"), all of it on hover and to a screen reader.
 */
function Thinned({ text }: { text: string | null }) {
  const [ref, shown] = useWholeText<HTMLParagraphElement>(text === null ? [] : [text, 'Detail thinned: zoom in for all', 'Detail thinned', 'Thinned']);
  return (
    <p ref={ref} className="st-thinned" role="status" hidden={text === null} title={text ?? undefined} aria-label={text ?? undefined} data-spacetime-thinned>{shown ?? 'Thinned'}</p>
  );
}
