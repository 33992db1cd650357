import { SCENARIO_VERSION } from './defaults';

/**
 * Upgrades of the scenario format, one step per version, in the manner of tldraw's store
 * migrations: a document written by any earlier version is brought forward step by step
 * before it is validated, so an old link or file keeps opening the same run. A change to the
 * format raises SCENARIO_VERSION and appends its step here; steps are never edited afterwards.
 */
export interface Migration {
  /** The version this step produces, from a document of version `to - 1`. */
  readonly to: number;
  /** What changed, for whoever reads the list. */
  readonly why: string;
  readonly up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/** Version 1 is the first format; it has no predecessor, so there is no step yet. */
export const MIGRATIONS: readonly Migration[] = [];

export type Upgraded = { ok: true; doc: Record<string, unknown> } | { ok: false; error: string };

/** Brings a document to `current`; a document without a version, or from a newer app, is reported. */
export function upgrade(doc: Record<string, unknown>, migrations: readonly Migration[] = MIGRATIONS, current = SCENARIO_VERSION): Upgraded {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `version: expected a format version from 1 to ${current}, found ${version === undefined ? 'nothing' : String(JSON.stringify(version)).slice(0, 40)}` };
  }
  if (version > current) {
    return { ok: false, error: `version: this scenario was made by a newer Quorum (format version ${version}); this one reads versions 1 to ${current}` };
  }
  let out = doc;
  for (const step of migrations) if (step.to > version && step.to <= current) out = { ...step.up(out), version: step.to };
  return { ok: true, doc: out };
}
