import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from './exitCodes';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

// cli.test runs the commands and checks the codes they exit with; this holds the README to the same codes.
describe('README on the exit codes of npm run sim', () => {
  it('its table of commands gives each outcome the code src/cli exits with', () => {
    const sentence = /\| `npm run sim[^|]*(?:\|[^|]*)*?Exit ([^|]+)\|/.exec(README)?.[1];
    expect(sentence, 'the sim row says "Exit 0 ..., 1 ..."').toBeDefined();
    const codes = new Map([...sentence!.matchAll(/(?:^|, )(\d) ([^,]+)/g)].map((m) => [m[2].trim(), Number(m[1])]));
    const said = (words: string) => [...codes].find(([text]) => text.startsWith(words))?.[1];
    expect(said('safe')).toBe(EXIT.safe);
    expect(said('a safety check failed')).toBe(EXIT.unsafe);
    expect(said('bad input')).toBe(EXIT.badInput);
    expect(said('a claim does not hold')).toBe(EXIT.claimFails);
    expect(codes.size).toBe(Object.keys(EXIT).length);
  });

  it('its section on bad input says the code bad input exits with', () => {
    const section = README.slice(README.indexOf('**Bad input.**'));
    expect(section).toMatch(new RegExp(`\`npm run sim\`\\s+prints one line and exits ${EXIT.badInput}\\b`));
  });
});
