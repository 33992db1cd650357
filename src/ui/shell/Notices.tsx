import { type ReactNode, useEffect } from 'react';
import { AnimatePresence, LazyMotion, m, MotionConfig } from 'framer-motion';
import { useSim } from '../store/simStore';

// Animation features load after the first paint: they are not needed to show the cluster.
const loadMotionFeatures = () => import('./motionFeatures').then((mod) => mod.default);

/**
 * Short messages: what an action discarded, a safety violation, an error. Alerts are announced.
 * `children`: notices kept elsewhere (the service worker's), stacked in the same corner, after
 * these: an error's message comes first, and good news never stands above it.
 */
export function Notices({ children }: { children?: ReactNode }) {
  // A safety violation stands apart, over the cluster's legend (ViolationNotice).
  const notices = useSim((s) => s.notices);
  const dismiss = useSim((s) => s.dismiss);
  const send = useSim((s) => s.send);
  const askLessonMenu = useSim((s) => s.askLessonMenu);
  useEffect(() => {
    // An offer to undo stays until taken or dismissed: a lecturer may read the next step first.
    const timers = notices.filter((n) => n.tone === 'info' && n.offer !== 'undo').map((n) => setTimeout(() => dismiss(n.id), 8000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  // reducedMotion "user": with prefers-reduced-motion, notices appear and go without sliding.
  return (
    <MotionConfig reducedMotion="user">
    <LazyMotion features={loadMotionFeatures} strict>
    <div className="notices">
      <AnimatePresence>
        {notices.map((n) => (
          <m.div
            key={n.id}
            className={`notice ${n.tone}`}
            role={n.tone === 'alert' ? 'alert' : 'status'}
            initial={{ opacity: 0, y: -8 }}
            animate={{ opacity: 1, y: 0 }}
            exit={{ opacity: 0 }}
          >
            <span>{n.text}</span>
            {n.offer === 'undo' && (
              <button type="button" className="notice-undo" title="Back to the run as it was before this action, its later actions (a lesson's script) whole"
                onClick={() => { dismiss(n.id); send({ type: 'undoDiscard' }); }}>Undo</button>
            )}
            {n.offer === 'lessons' && (
              <button type="button" className="notice-offer" data-offer="lessons" onClick={() => { dismiss(n.id); askLessonMenu(); }}>Choose a lesson…</button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
          </m.div>
        ))}
      </AnimatePresence>
      {children}
    </div>
    </LazyMotion>
    </MotionConfig>
  );
}
