/**
 * Which message labels to draw so that none covers another: when a broadcast puts many
 * messages on the same few lanes (Multi-Paxos's Accepted goes from every acceptor to every
 * learner), drawing every label stacks them into an unreadable blot. Labels are taken in
 * order of priority, and one that would overlap a label already placed, or a server, is
 * left out; its message is still drawn, and names itself when selected.
 */
export interface LabelWish {
  text: string;
  /** Centre of the label's baseline, in view units. */
  x: number;
  y: number;
  /** Drawn first and always (the selected message). */
  first?: boolean;
}

export interface Box { left: number; top: number; right: number; bottom: number }

/** The wishes granted, in drawing order; `width` measures a text at the label font's size `size`. */
export function placeLabels<W extends LabelWish>(wishes: readonly W[], width: (text: string) => number, size: number, obstacles: readonly Box[] = []): W[] {
  const placed: Box[] = [];
  const out: W[] = [];
  const ordered = [...wishes.filter((w) => w.first), ...wishes.filter((w) => !w.first)];
  for (const w of ordered) {
    const half = width(w.text) / 2 + 2;
    const box = { left: w.x - half, right: w.x + half, top: w.y - size, bottom: w.y + 3 };
    if (!w.first && (placed.some((b) => overlaps(b, box)) || obstacles.some((b) => overlaps(b, box)))) continue;
    placed.push(box);
    out.push(w);
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
