// Bundles a benchmark into one ES module (as the browser gets the engine) and runs it.
// Usage: node bench/run.mjs bench/engine.bench.ts
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node bench/run.mjs <benchmark.ts>');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
const outfile = join(dir, 'bench.mjs');
try {
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
