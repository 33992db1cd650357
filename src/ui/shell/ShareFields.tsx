import type { ReactNode } from 'react';
import { useCopyLink } from './useCopyLink';
import { iframeSnippet } from './viewMode';

interface ShareFieldsProps {
  link: string;
  /** The moment a link may open at (ms), and whether it does. */
  time: number;
  atMoment: boolean;
  onAtMoment: (on: boolean) => void;
  /** What the embed snippet shows, for its label: "" (this run) or " both runs". */
  what: string;
  /** The link field's test hook, if any. */
  hook?: Record<string, string>;
  /** Said under the embed snippet (the link's size, say). */
  children?: ReactNode;
  onClose: () => void;
}

/** What both share dialogs offer under their words: the link, its moment, the iframe snippet, Copy and Close. */
export function ShareFields({ link, time, atMoment, onAtMoment, what, hook, children, onClose }: ShareFieldsProps) {
  const { field, copied, copy } = useCopyLink(link);
  return (
    <>
      <input ref={field} className="share-link" readOnly value={link} aria-label="Share link" {...hook} onFocus={(e) => e.target.select()} />
      <label className="check"><input type="checkbox" checked={atMoment} onChange={(e) => onAtMoment(e.target.checked)} /> Open at this moment ({(time / 1000).toFixed(3)} s), paused</label>
      <label className="embed-snippet">Embed{what} in slides (reveal.js, Google Slides, PowerPoint for the web): paste this HTML
        <textarea readOnly rows={3} value={iframeSnippet(link)} onFocus={(e) => e.target.select()} />
      </label>
      {children}
      {copied && <p role="status">{copied}</p>}
      <div className="row">
        <button type="button" onClick={() => void copy()} data-autofocus>Copy link</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </>
  );
}
