/**
 * Colour-vision deficiencies, simulated: how a colour looks with protanopia, deuteranopia or
 * tritanopia (Machado, Oliveira and Fernandes 2009, full severity, in linear RGB), and how far
 * apart two colours look (CIE76 distance in CIELAB under D65). Used to check the palettes.
 */

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const MATRIX: Record<Exclude<Vision, 'normal'>, number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** '#rrggbb' as linear RGB in [0, 1]. */
function linear(hex: string): number[] {
  return [1, 3, 5].map((k) => toLinear(parseInt(hex.slice(k, k + 2), 16) / 255));
}

/** Linear RGB as seen with `vision`, clamped to what a screen can show. */
export function simulate(hex: string, vision: Vision): number[] {
  const rgb = linear(hex);
  if (vision === 'normal') return rgb;
  const m = MATRIX[vision];
  return [0, 1, 2].map((r) => Math.min(1, Math.max(0, m[3 * r] * rgb[0] + m[3 * r + 1] * rgb[1] + m[3 * r + 2] * rgb[2])));
}

function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** How different two colours look with `vision` (CIE76 ΔE; about 2.3 is just noticeable). */
export function distance(a: string, b: string, vision: Vision): number {
  const [p, q] = [lab(simulate(a, vision)), lab(simulate(b, vision))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
