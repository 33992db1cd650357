import { useEffect, useId, useState } from 'react';
import { useSim } from '../../store/simStore';
import { FIGURE_ROWS } from '../../../worker/figures';

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v * 10) / 10} ms`);

/**
 * The figures the lectures compare the two runs by, as this run's worker computed them:
 * one line under the cluster, and each command's time from request to commit behind a toggle
 * (drawn over the cluster, so the logs keep their place).
 */
export function RunFigures() {
  const f = useSim((s) => s.snapshot?.figures ?? null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  // Escape shuts the commands' table, as it does any popover.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(false); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (f === null) return null;
  const asked = f.commands.length;
  if (!f.replicatedLog) {
    return (
      <div className="pair-figures" data-figures>
        <span data-messages-sent={f.messagesSent} title="Messages the servers sent so far (a copy the network made counts too)">
          <strong>{f.messagesSent.toLocaleString('en')}</strong> messages
        </span>
      </div>
    );
  }
  return (
    <div className="pair-figures" data-figures data-committed={f.committed} data-median-ms={f.medianMs ?? ''}>
      <span data-messages-sent={f.messagesSent} title="Messages the servers sent so far (a copy the network made counts too)">
        <strong>{f.messagesSent.toLocaleString('en')}</strong> messages
      </span>
      <span data-leader-changes={f.leaderChanges} title="Leaders elected so far (Raft: one per term won; Multi-Paxos: phase 1 completed)">
        {/* Not "elected": the line must fit half of 1280 px; the title says it. */}
        <strong>{f.leaderChanges}</strong> leader{f.leaderChanges === 1 ? '' : 's'}
      </span>
      {/* Commands, not log entries: a Raft leader's no-op is committed too (commitLength 1) and not counted. */}
      <span data-commands-committed title={`Clients' commands committed (a new leader's no-op is not one), and the time from a command's request to its commit: the median of the newest ${FIGURE_ROWS} committed, and the mean of all ${f.committed}`}>
        <strong>{f.committed}</strong> command{f.committed === 1 ? '' : 's'} committed{f.committed > 0 && <>, median <strong>{ms(f.medianMs)}</strong></>}
      </span>
      <button type="button" className="linkish" data-figures-toggle aria-expanded={open} aria-controls={listId} disabled={asked === 0} title="Each command's time from request to commit" onClick={() => setOpen((o) => !o)}>
        {/* The same width open or shut: the line never wraps and the cluster keeps its size. */}
        Commands {open ? '▴' : '▾'}
      </button>
      {open && (
        <div className="pair-figures-list" id={listId}>
          <table>
            <caption>Request to commit, the newest {FIGURE_ROWS} commands (mean of all {f.committed}: {ms(f.meanMs)})</caption>
            <thead><tr><th scope="col">Command</th><th scope="col">Asked</th><th scope="col">Committed</th><th scope="col">Took</th></tr></thead>
            <tbody>
              {f.commands.map((c) => (
                <tr key={`${c.requestedAt}-${c.node}-${c.command}`} data-command={c.command} data-requested-at={c.requestedAt} data-took-ms={c.committedAt === null ? '' : c.committedAt - c.requestedAt}>
                  <td>{c.command} <small>at S{c.node}</small></td>
                  <td>{c.requestedAt} ms</td>
                  <td>{c.committedAt === null ? 'waiting' : `${c.committedAt} ms`}</td>
                  <td>{c.committedAt === null ? '–' : ms(c.committedAt - c.requestedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
