/**
 * Where a page's main thread spends its time, for the browser benchmarks: the V8 CPU profile
 * (Playwright's CDP session, Profiler.start/stop) summed by function's self time, and a trace's
 * events summed by self thread time (layout, paint, style, script, GC, message handling). The
 * functions are named by the build's source maps when `vite build --sourcemap hidden` wrote
 * them (bench:ui does), else by the minified names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Starts sampling the page's main thread every `intervalUs`; the returned function stops and gives the profile. */
export async function profileMainThread(page: Page, intervalUs: number): Promise<() => Promise<Profile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: Profile };
    await cdp.detach();
    return profile;
  };
}

/** One line of a source map's mappings: [generated column, source index, original line, name index]. */
type Segment = [number, number, number, number];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` (base64 VLQ) into segments per generated line. */
function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let [source, line, name] = [0, 0, 0];
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const part of text.split(',')) {
      if (part === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of part) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line += fields[2];
        if (fields.length >= 5) name += fields[4];
        segments.push([column, source, line, fields.length >= 5 ? name : -1]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

interface SourceMap { sources: string[]; names: string[]; lines: Segment[][] }

/** Names a generated position `file.ts:line name` from dist/assets/<file>.map, when there is one. */
export function sourceNamer(dist: string): (frame: CallFrame) => string {
  const maps = new Map<string, SourceMap | null>();
  const load = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      const path = join(dist, 'assets', `${file}.map`);
      const raw = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; names: string[]; mappings: string } : null;
      maps.set(file, raw === null ? null : { sources: raw.sources, names: raw.names, lines: decodeMappings(raw.mappings) });
    }
    return maps.get(file)!;
  };
  return (frame) => {
    const file = frame.url.split('/').pop() ?? '';
    const map = file === '' ? null : load(file);
    const fallback = `${frame.functionName || '(anonymous)'} ${file || '(native)'}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    if (map === null) return fallback;
    const segments = map.lines[frame.lineNumber] ?? [];
    let hit: Segment | undefined;
    for (const s of segments) {
      if (s[0] > frame.columnNumber) break;
      hit = s;
    }
    if (hit === undefined) return fallback;
    const source = map.sources[hit[1]].replace(/^(\.\.\/)+/, '');
    const name = hit[3] >= 0 ? map.names[hit[3]] : frame.functionName || '(anonymous)';
    return `${name} ${source}:${hit[2] + 1}`;
  };
}

/**
 * Self time per function (ms), largest first, idle left out: V8's own entries keep their
 * names ((program) is the browser's native work: layout, style, paint; (garbage collector)).
 * Each sample counts one sampling interval: the sampler fires on wall time, but a sample is
 * taken only when the thread runs, so on a loaded machine the time between two samples
 * (timeDeltas) also counts waits for a core, and the count of samples does not.
 */
export function topFunctions(profile: Profile, intervalUs: number, dist = 'dist', count = 10): { name: string; ms: number }[] {
  const name = sourceNamer(dist);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byNode.get(id)!;
    if (frame.functionName === '(idle)') continue;
    const key = frame.url === '' ? frame.functionName : name(frame);
    self.set(key, (self.get(key) ?? 0) + intervalUs / 1000);
  }
  return [...self].map(([n, ms]) => ({ name: n, ms })).sort((a, b) => b.ms - a.ms).slice(0, count);
}

/**
 * Self time per function (ms) in chosen frames: for each group of frames (a view's refreshes),
 * the `count` costliest functions among the samples taken in them, `frameOf` placing a sample's
 * time (µs, the trace's clock: V8's profile and Chromium's trace share it) in its frame.
 */
export function topFunctionsByFrame(profile: Profile, intervalUs: number, frameOf: (ts: number) => number,
  groups: Map<string, Set<number>>, dist = 'dist', count = 6): Map<string, { name: string; ms: number }[]> {
  const name = sourceNamer(dist);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map([...groups.keys()].map((g) => [g, new Map<string, number>()]));
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i];
    const frame = byNode.get(profile.samples[i])!;
    if (frame.functionName === '(idle)') continue;
    const f = frameOf(ts);
    for (const [g, frames] of groups) {
      if (!frames.has(f)) continue;
      const key = frame.url === '' ? frame.functionName : name(frame);
      const m = self.get(g)!;
      m.set(key, (m.get(key) ?? 0) + intervalUs / 1000);
    }
  }
  return new Map([...self].map(([g, m]) => [g, [...m].map(([n, ms]) => ({ name: n, ms })).sort((a, b) => b.ms - a.ms).slice(0, count)]));
}

export interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; chrome_mojo_event_info?: { mojo_interface_tag?: string } } }

/**
 * Thread CPU time per trace event name on one thread, each event's own share (its tdur less
 * its children's), largest first: which kind of work (Layout, Paint, FunctionCall, GC...) the
 * main thread does. The generic wrappers (RunTask and the like) keep only what no child names.
 */
export function topTraceEvents(events: TraceEvent[], pid: number, tid: number, count = 10): { name: string; ms: number }[] {
  const spans = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string; own: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= upTo) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + Math.max(0, done.own) / 1000);
    }
  };
  for (const e of spans) {
    close(e.ts);
    if (stack.length > 0) stack[stack.length - 1].own -= e.tdur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, own: e.tdur! });
  }
  close(Infinity);
  return [...self].map(([n, ms]) => ({ name: n, ms })).sort((a, b) => b.ms - a.ms).slice(0, count);
}
