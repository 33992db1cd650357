import { LIMITS } from './defaults';

/**
 * How deeply a document may nest objects and lists. A scenario needs five levels (a partition
 * action's groups); a hostile one may nest thousands, which overflows the stack of anything
 * recursive downstream (the validator, its error paths, JSON.stringify). Checked before parsing
 * and before validating, without recursion.
 */
export const NESTED_TOO_DEEPLY = `(scenario): nested too deeply: more than ${LIMITS.maxNesting} levels of objects and lists`;

/** JSON text: counts brackets outside strings. */
export function textTooDeep(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > LIMITS.maxNesting) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A value already parsed (or built in code): walks it with a stack of its own, stopping at the limit. */
export function valueTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > LIMITS.maxNesting) return true;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
