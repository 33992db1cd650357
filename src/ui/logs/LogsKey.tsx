import { usePalette } from '../shell/themeState';

/**
 * The Logs panel's key: each mark as the cell strip paints it (stripPaint.ts), with its name.
 * Small pictures, not glyphs the cells never show; short words, so the key fits beside the title.
 */
export function LogsKey({ leader }: { leader: number | null }) {
  const p = usePalette();
  const cell = (children: React.ReactNode, key: string, what: string) => (
    <span className="logs-key-item" data-key={key}>
      <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">{children}</svg>{what}
    </span>
  );
  const box = (dashed: boolean) => <rect x="1" y="1" width="12" height="10" rx="2" fill="none" stroke={p.muted} strokeWidth="1.5" strokeDasharray={dashed ? '3 2' : undefined} />;
  return (
    <small className="logs-key" title={leader === null ? undefined : `As leader S${leader} sees each follower: the entry it sends next (sentLength + 1) and the entries acknowledged (up to ackedLength).`}>
      {cell(box(false), 'committed', 'committed')}
      {cell(box(true), 'not-yet', 'not yet')}
      {cell(<rect x="5" y="0" width="3" height="12" fill={p.ink} />, 'commit-length', 'commitLength')}
      {leader !== null && <>
        {cell(<rect x="1" y="1" width="12" height="10" fill="none" stroke={p.next} strokeWidth="2" />, 'next', `S${leader} sends next`)}
        {cell(<rect x="1" y="8" width="12" height="3" fill={p.ok} />, 'acked', `acked to S${leader}`)}
      </>}
    </small>
  );
}
