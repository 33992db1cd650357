/**
 * lz-string's decompressFromEncodedURIComponent (MIT, pieroxy), with a bound on the output:
 * it stops as soon as the text passes `maxOutput` characters. A link of 64 KiB can otherwise
 * inflate to hundreds of millions of characters (every code may name the entry just made,
 * one character longer than the last), and lz-string builds all of it before anyone can
 * look at its length. Compression stays lz-string's own.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export type Inflated =
  | { ok: true; text: string }
  | { ok: false; reason: 'damaged' }
  /** `read`: how many input characters were consumed before it stopped. */
  | { ok: false; reason: 'tooLarge'; read: number };

export function decompressBounded(input: string, maxOutput: number): Inflated {
  if (input.length === 0) return { ok: false, reason: 'damaged' };
  // Six bits per character, read from the high bit down, as lz-string writes them.
  const charValue = (i: number) => VALUE.get(input.charAt(i)) ?? 0;
  let val = charValue(0);
  let position = 32;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << n; power <<= 1) {
      if ((val & position) !== 0) bits |= power;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = charValue(index++);
      }
    }
    return bits;
  };
  const dictionary: string[] = ['', '', ''];
  let numBits = 3;
  let enlargeIn = 4;
  const first = readBits(2);
  if (first === 2) return { ok: true, text: '' };
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary.push(w);
  const result = [w];
  let length = w.length;
  for (;;) {
    if (index > input.length) return { ok: false, reason: 'damaged' };
    let c = readBits(numBits);
    if (c === 2) return { ok: true, text: result.join('') };
    if (c === 0 || c === 1) {
      dictionary.push(String.fromCharCode(readBits(c === 0 ? 8 : 16)));
      c = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 1 << numBits++;
    }
    let entry: string;
    if (c < dictionary.length) entry = dictionary[c];
    else if (c === dictionary.length) entry = w + w.charAt(0);
    else return { ok: false, reason: 'damaged' };
    length += entry.length;
    if (length > maxOutput) return { ok: false, reason: 'tooLarge', read: index };
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    if (--enlargeIn === 0) enlargeIn = 1 << numBits++;
    w = entry;
  }
}
