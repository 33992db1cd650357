/**
 * Prints the share link for a scenario file, so lecturers can keep scenarios in a
 * repository and generate links for their slides.
 *   npm run link -- <scenario.json> [--base URL] [--t MS]
 * The base URL defaults to $QUORUM_BASE_URL, else http://localhost:5173/ (npm run dev).
 */
import { shareLink } from '../scenario/codec';
import { fail, parseIntArg, readScenarioArg } from './input';

const USAGE = 'usage: npm run link -- <scenario.json> [--base URL] [--t MS]';

function main(argv: string[]): void {
  let file: string | undefined;
  let base = process.env.QUORUM_BASE_URL ?? 'http://localhost:5173/';
  let t: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') {
      base = argv[++i] ?? fail(`--base expects a URL; ${USAGE}`);
      if (!/^(https?|file):\/\//.test(base)) fail(`--base expects an http(s) or file URL, found ${JSON.stringify(base)}`);
    } else if (a === '--t') t = parseIntArg('--t', argv[++i], 0, 100_000_000);
    else if (a.startsWith('--')) fail(`unknown option ${a}; ${USAGE}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${JSON.stringify(a)}; ${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  const parsed = readScenarioArg(file);
  if (!parsed.ok) fail(`invalid scenario: ${parsed.errors.join('; ')}`);
  process.stdout.write(`${shareLink(base, parsed.scenario, t)}\n`);
}

main(process.argv.slice(2));
