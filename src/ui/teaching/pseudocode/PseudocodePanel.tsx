import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { brokenRules } from '../../../scenario/bugs';
import { viewOf } from '../../protocolView';
import { useSight, useSim } from '../../store/simStore';
import type { CodeRun } from '../../../worker/protocol';
import type { Pseudocode } from '../../../engine/sim/pseudocode';
import { codeBlocks, type HandlerBlock, type LineRow, paperSegments, sameRun, sameValues, shelve } from './codeBlocks';
import { useScrollIntoView } from './useScrollIntoView';
import './pseudocode.css';

const NO_LINES: readonly string[] = [];

type Seek = (line: string, direction: 'previous' | 'next', node: number | null) => void;

/**
 * The lecture's pseudocode beside the run: the handler of the current event, the lines
 * the engine reported as run highlighted, the others dimmed, and the values it saw beside
 * them. Paused, it shows the event at the playhead exactly; while playing, the latest run
 * of the selected node (or the newest event). Click a line to go to its previous or next run.
 */
export function PseudocodePanel() {
  // The view and whether it plays, not the slice: the slice is new at each of its turns, the view only when the worker sent a new one.
  const view = useSim((s) => s.code?.view ?? null);
  const playing = useSim((s) => s.code?.playing === true);
  const protocol = useSim((s) => s.scenario?.protocol ?? 'raft');
  const selected = useSim((s) => s.selectedNode);
  const paper = useSim((s) => s.paperNames);
  const setPaper = useSim((s) => s.setPaperNames);
  const send = useSim((s) => s.send);
  const narrated = useSim((s) => {
    const k = s.snapshot?.narrationStep ?? -1;
    return (k >= 0 ? s.scenario?.narration[k]?.lines : undefined) ?? NO_LINES;
  });
  const bugs = useSim((s) => s.scenario?.bugs ?? NO_LINES);
  const broken = useMemo(() => new Map(brokenRules(protocol).filter((r) => bugs.includes(r.bug)).map((r) => [r.line, r.label])), [protocol, bugs]);
  const [open, setOpen] = useState<string | null>(null);
  const pseudocode = viewOf(protocol).pseudocode;
  const following = playing ? (selected !== null ? view?.byNode[selected - 1] ?? null : null) : null;
  const run = useSameRun(following ?? view?.current ?? null);
  // Made again only for another run (or narration, or protocol): the rows below re-render only where they changed.
  const { handler, blocks } = useMemo(() => codeBlocks(pseudocode, run, narrated), [pseudocode, run, narrated]);
  const shelves = useShelves(pseudocode, blocks);
  const hasPaperNames = Object.keys(pseudocode.paperNames).length > 0;
  const names = paper ? pseudocode.paperNames : null;
  const toggle = useCallback((id: string) => setOpen((o) => (o === id ? null : id)), []);
  const seek = useCallback<Seek>((line, direction, node) => send({ type: 'seekLine', line, direction, node }), [send]);
  // The step's named lines (else the lines that ran) in sight when the run rests; a new handler from its top while it plays.
  const body = useRef<HTMLDivElement>(null);
  const onScroll = useScrollIntoView(body, run?.seq ?? 0, narrated, playing);
  // Behind another tab (or scrolled away) it rests while playing, and is current the moment it shows again.
  const sight = useSight('code');
  return (
    <section ref={sight} className="panel pseudocode" aria-label="Pseudocode" data-pseudocode-handler={handler ?? ''}>
      <header className="code-head">
        <h2>Pseudocode</h2>
        <span className="code-event" data-seq={run?.seq ?? 0}>
          {run === null ? 'no handler has run yet'
            : `S${run.node} · event ${run.seq} at ${(run.t / 1000).toFixed(3)} s${playing ? (following !== null ? ` · following S${run.node}` : ' · newest') : ''}`}
        </span>
        {hasPaperNames && (
          <label className="code-paper">
            <input type="checkbox" checked={paper} onChange={(e) => setPaper(e.target.checked)} /> paper's names
          </label>
        )}
      </header>
      <div className="code-body" ref={body} tabIndex={0} role="region" aria-label="Pseudocode lines" onScroll={onScroll}>
        {blocks.length === 0 && <p className="hint">Step forward (.) to see the first handler run.</p>}
        {/* Each place keeps every handler it has shown, laid out once and hidden while another takes
            the place (see shelve): a new event marks lines and values, it lays out no new text. */}
        {shelves.map((kept, k) => (
          <div key={k} className="code-place">
            {kept.map((id) => (
              <Block key={id} block={blocks[k]?.id === id ? blocks[k] : null} broken={broken} names={names} open={open}
                node={selected ?? run?.node ?? null} onToggle={toggle} seek={seek} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * The run to show, kept as the same object while what it shows is the same (see sameRun), so
 * the panel does no work for a snapshot that brings a copy of the run already shown.
 */
function useSameRun(run: CodeRun | null): CodeRun | null {
  const shown = useRef(run);
  if (!sameRun(shown.current, run)) shown.current = run;
  return shown.current;
}

/** The handlers each place keeps (see shelve), kept across renders, new for another protocol. */
function useShelves(code: Pseudocode, blocks: readonly HandlerBlock[]): readonly (readonly string[])[] {
  const kept = useRef({ code, shelves: [] as readonly (readonly string[])[] });
  if (kept.current.code !== code) kept.current = { code, shelves: [] };
  kept.current.shelves = shelve(code, kept.current.shelves, blocks);
  return kept.current.shelves;
}

interface BlockProps {
  /** What the block shows, or null while another handler has its place. */
  block: HandlerBlock | null;
  /** The broken rules' labels, by the line each changes. */
  broken: ReadonlyMap<string | undefined, string>;
  names: Readonly<Record<string, string>> | null;
  open: string | null;
  node: number | null;
  onToggle: (id: string) => void;
  seek: Seek;
}

/**
 * One handler, shown or kept hidden as it was last shown: hidden, it stays laid out (see
 * pseudocode.css) and out of reach (no hooks, no accessibility tree), and does not re-render.
 */
const Block = memo(function Block({ block, broken, names, open, node, onToggle, seek }: BlockProps) {
  const last = useRef(block);
  if (block !== null) last.current = block;
  // A place keeps only handlers it has shown, so the block has shown something.
  const b = last.current!;
  const shown = block !== null;
  return (
    <div className={shown ? 'code-block code-handler' : 'code-block'} data-handler={shown ? b.id : undefined} hidden={!shown}>
      <h3>{b.slide !== undefined && <span className="code-slide">{b.slide}</span>}<Text text={b.title} names={names} /></h3>
      <ol className="code-lines">
        {b.lines.map((l, k) => (
          <Line key={k} line={l} shown={shown} broken={broken.get(l.id) ?? null} names={names} open={shown && open === l.id}
            // Only the open line shows the node, so the others need not re-render when it changes.
            node={shown && open === l.id ? node : null} onToggle={onToggle} seek={seek} />
        ))}
      </ol>
    </div>
  );
}, (a, b) => (a.block === null && b.block === null) || (a.block === b.block && a.broken === b.broken && a.names === b.names
  && a.open === b.open && a.node === b.node && a.onToggle === b.onToggle && a.seek === b.seek));

interface LineProps {
  line: LineRow;
  /** In a shown block: only then does it carry the hooks (class code-line, data-line-id) tests and tools find lines by. */
  shown: boolean;
  broken: string | null;
  names: Readonly<Record<string, string>> | null;
  open: boolean;
  node: number | null;
  onToggle: (id: string) => void;
  seek: Seek;
}

/** A line re-renders only when what it draws changed: most lines of a handler run again stay as they were. */
const Line = memo(function Line({ line, shown, broken, names, open, node, onToggle, seek }: LineProps) {
  return (
    <li className={shown ? 'code-line' : undefined} data-line-id={shown ? line.id : undefined} data-ran={line.ran ? 'true' : 'false'} data-narrated={line.narrated ? 'true' : undefined}
      data-broken={broken !== null ? 'true' : undefined} style={{ paddingLeft: `${0.4 + line.depth * 1.4}em` }}>
      {broken !== null && <span className="code-broken" title={`This run breaks this rule: ${broken}`}>rule broken here: {broken}</span>}
      <button type="button" className="code-text" onClick={() => onToggle(line.id)} aria-expanded={open} title="Go to the previous or next time this line ran">
        <Text text={line.text} names={names} />
      </button>
      {line.values.length > 0 && (
        // Keyed by place: another run's value takes over the chip already there (new text, not a new element to lay out).
        <span className="code-values">{line.values.map((v, i) => <span key={i} className="code-value">{v}</span>)}</span>
      )}
      {open && (
        <span className="code-nav" role="group" aria-label="When this line ran">
          {/* Two pairs with the same words: each named for its scope as well, the visible words first. */}
          <button type="button" aria-label="◀ previous, on any node" data-line-seek="previous" data-line-scope="any" onClick={() => seek(line.id, 'previous', null)}>◀ previous</button>
          <button type="button" aria-label="next ▶, on any node" data-line-seek="next" data-line-scope="any" onClick={() => seek(line.id, 'next', null)}>next ▶</button>
          <span className="code-nav-label">any node</span>
          {node !== null && <>
            <button type="button" aria-label={`◀ previous, on S${node}`} data-line-seek="previous" data-line-scope="node" onClick={() => seek(line.id, 'previous', node)}>◀ previous</button>
            <button type="button" aria-label={`next ▶, on S${node}`} data-line-seek="next" data-line-scope="node" onClick={() => seek(line.id, 'next', node)}>next ▶</button>
            <span className="code-nav-label">on S{node}</span>
          </>}
        </span>
      )}
    </li>
  );
}, (a, b) => a.shown === b.shown && a.broken === b.broken && a.names === b.names && a.open === b.open && a.node === b.node && a.onToggle === b.onToggle && a.seek === b.seek
  && sameRow(a.line, b.line));

/** Two rows that draw the same. */
function sameRow(a: LineRow, b: LineRow): boolean {
  return a.id === b.id && a.depth === b.depth && a.text === b.text && a.ran === b.ran && a.narrated === b.narrated && sameValues(a.values, b.values);
}

/** A line's text, with the paper's name set small beside each lecture name when asked. */
function Text({ text, names }: { text: string; names: Readonly<Record<string, string>> | null }) {
  if (names === null) return <>{text}</>;
  return <>{paperSegments(text, names).map((s, i) => (
    <span key={i}>{s.text}{s.paper !== undefined && <small className="paper-name"> ({s.paper})</small>}</span>
  ))}</>;
}
