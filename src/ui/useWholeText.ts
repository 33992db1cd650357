import { useLayoutEffect, useRef, useState } from 'react';
import { textStyleOf, textWidth } from './draw/textWidth';

/**
 * The longest of `forms` (longest first) that fits the element whole, as its width changes: a
 * control says a shorter whole form ("Try it broken") rather than a cut one ("Try it bro…"),
 * and null when none fits (the caller decides: the last form anyway, or nothing).
 */
export function useWholeText<E extends HTMLElement>(forms: readonly string[]): [React.RefObject<E | null>, string | null] {
  const ref = useRef<E>(null);
  const [k, setK] = useState(0);
  const key = forms.join('\n');
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const choose = () => {
      const style = getComputedStyle(el);
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const text = textStyleOf(el);
      const fit = forms.findIndex((f) => (textWidth(f, text) ?? f.length * 8) <= room + 0.5);
      setK(fit);
    };
    choose();
    const watch = new ResizeObserver(choose);
    watch.observe(el);
    return () => watch.disconnect();
    // The forms' text, not the array's identity, decides.
  }, [key]);
  return [ref, forms[k] ?? null];
}
