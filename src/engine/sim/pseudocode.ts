/**
 * A protocol's pseudocode as data: the lecture's handlers, each a list of lines with a
 * stable id. Handlers mark the ids they run (Outbox.mark); the panel draws this text and
 * highlights what the engine reports.
 */
export interface PseudocodeLine {
  /** `<handler id>.<name>`: stable, named after what the line does. */
  readonly id: string;
  /** Indentation level under the handler's heading (0 = the handler's body). */
  readonly depth: number;
  readonly text: string;
}

export interface PseudocodeHandler {
  readonly id: string;
  /** The heading, as the lecture states the rule: "on receiving VoteRequest(...)". */
  readonly title: string;
  /** Where the lecture shows it ("Raft 2"), if it is on a slide of its own. */
  readonly slide?: string;
  readonly lines: readonly PseudocodeLine[];
}

export interface Pseudocode {
  readonly handlers: readonly PseudocodeHandler[];
  /** The Raft paper's names for the lecture's, shown beside them on request. */
  readonly paperNames: Readonly<Record<string, string>>;
}

/** Builds a handler from `[name, depth, text]` rows, so each line's id reads `<handler>.<name>`. */
export function handler(id: string, title: string, slide: string | undefined,
  rows: readonly (readonly [name: string, depth: number, text: string])[]): PseudocodeHandler {
  return { id, title, ...(slide !== undefined ? { slide } : {}), lines: rows.map(([name, depth, text]) => ({ id: `${id}.${name}`, depth, text })) };
}

/** Every line id of a pseudocode, for the checks that marks and text stay in step. */
export function lineIds(p: Pseudocode): string[] {
  return p.handlers.flatMap((h) => h.lines.map((l) => l.id));
}

/** The handler a line id belongs to. */
export function handlerOf(lineId: string): string {
  return lineId.slice(0, lineId.indexOf('.'));
}
