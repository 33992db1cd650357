import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { openFromHash } from '../../scenario/fromLocation';
import { lessonMenu, typedEntry } from '../../scenario/lessonMenu';
import { useSim } from '../store/simStore';

/**
 * The lessons as a menu: a button that opens a list, grouped by part under headings, walked
 * with the arrow keys, reached by typing a lesson's number ("A3", "P5"), and chosen with Enter
 * or a click. Choosing a lesson always opens it from its start, even the one already open:
 * that is how a lecturer starts a lesson over. (A native select opened a lesson at every
 * arrow key, and could not choose the lesson it already showed.)
 */
const PARTS = lessonMenu();
const ENTRIES = PARTS.flatMap((p) => p.entries);

/** Keys typed within this long of each other make one search ("A", "3": A3), as in a native list. */
const TYPE_AHEAD_MS = 800;

export function LessonMenu() {
  const send = useSim((s) => s.send);
  const [open, setOpen] = useState<{ focus: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Asked from elsewhere (a bad lesson link's notice): open, on the first lesson.
  const asked = useSim((s) => s.lessonMenuAsked);
  useEffect(() => { if (asked > 0) setOpen({ focus: 0 }); }, [asked]);
  const choose = (k: number) => {
    setOpen(null);
    button.current?.focus();
    const { hash, pair } = ENTRIES[k];
    if (pair) {
      // Two runs side by side: the page's root opens them when the address changes (see Root).
      if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else window.location.hash = hash;
      return;
    }
    // The address names the lesson (a reload or a copied address opens it); setting it this
    // way fires no hashchange, so the lesson is loaded here, once, even if it is the same.
    history.pushState(null, '', hash);
    send({ type: 'load', scenario: openFromHash(hash).scenario });
  };
  const close = () => { setOpen(null); button.current?.focus(); };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="lesson-button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        onClick={() => setOpen(open === null ? { focus: 0 } : null)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          e.stopPropagation();
          setOpen({ focus: e.key === 'ArrowDown' ? 0 : ENTRIES.length - 1 });
        }}
      >
        Lesson <span aria-hidden="true">▾</span>
      </button>
      {open !== null && <Menu anchor={button.current!} first={open.focus} onChoose={choose} onClose={close} onLeave={() => setOpen(null)} />}
    </>
  );
}

function Menu({ anchor, first, onChoose, onClose, onLeave }: {
  anchor: HTMLElement; first: number; onChoose: (k: number) => void; onClose: () => void; onLeave: () => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const items = () => [...list.current!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  useEffect(() => { items()[first]?.focus(); }, [first]);
  // A press anywhere else closes the menu, as a native one does.
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!list.current!.contains(e.target as Node) && !anchor.contains(e.target as Node)) onLeave();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [anchor, onLeave]);
  const typed = useRef({ text: '', at: -Infinity });
  const box = anchor.getBoundingClientRect();
  const onKeyDown = (e: React.KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (k: number) => all[(k + all.length) % all.length].focus();
    // The menu has the keyboard: none of these reach the page's shortcuts.
    e.stopPropagation();
    // Type-ahead: a printable key (a space too, within a title being typed) searches.
    const recent = e.timeStamp - typed.current.at <= TYPE_AHEAD_MS;
    if (e.key.length === 1 && (e.key !== ' ' || recent) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const text = (recent ? typed.current.text : '') + e.key;
      typed.current = { text, at: e.timeStamp };
      // A first key looks from the next entry on (pressing it again moves on); more keys refine from where the focus is.
      const k = typedEntry(ENTRIES, text, text.length === 1 ? at + 1 : Math.max(at, 0));
      if (k !== null) go(k);
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'ArrowDown': go(at + 1); break;
      case 'ArrowUp': go(at - 1); break;
      case 'Home': go(0); break;
      case 'End': go(all.length - 1); break;
      case 'Escape': onClose(); break;
      // Focus goes back to the button, and Tab moves on from there.
      case 'Tab': onClose(); return;
      case 'Enter': case ' ': if (at >= 0) onChoose(at); break;
      default: return;
    }
    e.preventDefault();
  };
  return createPortal(
    <div
      ref={list}
      className="lesson-menu"
      role="menu"
      aria-label="Lessons"
      style={{ top: box.bottom + 4, left: box.left, maxHeight: `calc(100vh - ${Math.round(box.bottom) + 16}px)` }}
      onKeyDown={onKeyDown}
    >
      {PARTS.map((part) => (
        <div key={part.heading} role="group" aria-label={part.heading}>
          <div className="lesson-menu-heading" aria-hidden="true">{part.heading}</div>
          {part.entries.map((l) => (
            <button key={l.hash} type="button" role="menuitem" tabIndex={-1} onClick={() => onChoose(ENTRIES.indexOf(l))} {...(l.pair ? { 'data-compare': l.id } : {})}>{l.title}</button>
          ))}
        </div>
      ))}
    </div>,
    document.body,
  );
}
