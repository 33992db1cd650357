/**
 * The width of a line of text in an element's font, measured on a canvas outside the page.
 * An SVG text's own measure (getComputedTextLength) first lays the whole page out, and after
 * an election nine servers re-measure their lines in one frame: a forced layout each. A
 * canvas needs no layout; it is given the element's font and letter spacing, read once.
 */
let ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null | undefined;

function measurer(): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (ctx === undefined) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  }
  return ctx;
}

/** What measuring needs of an element's style: its font as a canvas takes it, and its letter spacing. */
export interface TextStyle {
  font: string;
  letterSpacing: string;
  fontSize: number;
}

/** Reads an element's text style (a style recalculation, no layout): once per element, not per measure. */
export function textStyleOf(el: Element): TextStyle {
  const s = getComputedStyle(el);
  const fontSize = parseFloat(s.fontSize) || 13;
  return {
    font: `${s.fontStyle} ${s.fontWeight} ${fontSize}px ${s.fontFamily}`,
    letterSpacing: s.letterSpacing === 'normal' ? '0px' : s.letterSpacing,
    fontSize,
  };
}

/** The text's advance width in CSS pixels, as the browser shapes it in that style (null where no canvas can measure). */
export function textWidth(text: string, style: TextStyle): number | null {
  const c = measurer();
  if (c === null) return null;
  c.font = style.font;
  c.letterSpacing = style.letterSpacing;
  return c.measureText(text).width;
}
