import { useEffect } from 'react';
import { AnimatePresence, motion } from 'framer-motion';
import { useSim } from '../store/simStore';

/** Short messages: what an action discarded, a safety violation, an error. Alerts are announced. */
export function Notices() {
  const notices = useSim((s) => s.notices);
  const dismiss = useSim((s) => s.dismiss);
  useEffect(() => {
    const timers = notices.filter((n) => n.tone === 'info').map((n) => setTimeout(() => dismiss(n.id), 8000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="notices">
      <AnimatePresence>
        {notices.map((n) => (
          <motion.div
            key={n.id}
            className={`notice ${n.tone}`}
            role={n.tone === 'alert' ? 'alert' : 'status'}
            initial={{ opacity: 0, y: -8 }}
            animate={{ opacity: 1, y: 0 }}
            exit={{ opacity: 0 }}
          >
            <span>{n.text}</span>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
          </motion.div>
        ))}
      </AnimatePresence>
    </div>
  );
}
