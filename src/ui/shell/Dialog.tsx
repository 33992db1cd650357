import { type ReactNode, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog as the browser makes one (showModal), placed on the page's body: it lies
 * above everything, whatever contains or clips the control that opened it, and the page
 * behind is inert. Tab and Shift+Tab go round inside it, Escape closes it wherever focus
 * is, and closing gives focus back to the control that had it.
 */
export function Dialog({ label, className, onClose, children }: { label: string; className?: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => { close.current = onClose; }, [onClose]);
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // Capturing on the window: Escape closes the dialog even when nothing in it has focus,
    // and no shortcut of the page behind sees the key.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      dialog.close();
      opener?.focus();
    };
  }, []);
  const keepFocusInside = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const inside = e.currentTarget.contains(document.activeElement);
    if (e.shiftKey && (!inside || document.activeElement === first)) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (!inside || document.activeElement === last)) { e.preventDefault(); first.focus(); }
  };
  return createPortal(
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-label={label}
      onKeyDown={keepFocusInside}
      onCancel={(e) => { e.preventDefault(); close.current(); }}
      // The dialog's own box is only its backdrop: its content fills it (see .modal-body).
      onClick={(e) => { if (e.target === e.currentTarget) close.current(); }}
    >
      <div className="modal-body">{children}</div>
    </dialog>,
    document.body,
  );
}
