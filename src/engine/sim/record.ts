import type { Action, Envelope, TraceKind, TraceRecord } from './types';
import type { ClientEvent } from '../clients/types';
import type { Input, LineMark, NodeId } from './protocol';

const noText = () => '';

/** What a handler was run on: its input, or the node a leadership transfer hands over to. */
export type HandlerInput<M> = Input<M> | { kind: 'transfer'; to: NodeId };

/** Runs a handler again with every line's value kept: the simulation, for records made under marking 'ids'. */
export interface Rerun {
  linesOf(node: NodeId, state: unknown, input: HandlerInput<unknown>): LineMark[];
}

/**
 * One event's trace record as the simulation makes it. Its pseudocode lines can come in two
 * ways: given whole (`lines = ...`), or as the ids the handler marked, with what the handler
 * ran on (`ran`). Then the lines' values are made the first time someone reads `lines`, by
 * running the same handler on the same state and input again: handlers are pure, so it marks
 * the same lines with the same values. Most records are never read line by line, and this way
 * they make no value closures at all.
 */
export class EventRecord<M> implements TraceRecord<M> {
  from: NodeId | undefined = undefined;
  msg: Envelope<M> | undefined = undefined;
  action: Action | undefined = undefined;
  rule = '';
  text: () => string = noText;
  applied: { index: number; command: string }[] | undefined = undefined;
  client: ClientEvent | undefined = undefined;
  private marks: LineMark[] | undefined = undefined;
  private ids: readonly string[] | undefined = undefined;
  // What `ran` was told, until the values are made.
  private rerun: Rerun | null = null;
  private ranOn: NodeId = 0;
  private before: unknown = null;
  private input: HandlerInput<M> | null = null;

  constructor(public seq: number, public t: number, public kind: TraceKind, public node: NodeId | null) {}

  /** This record as a new one: for a simulation that reuses one record for events no one sees. */
  reset(seq: number, t: number, kind: TraceKind, node: NodeId | null): this {
    this.seq = seq;
    this.t = t;
    this.kind = kind;
    this.node = node;
    this.from = undefined;
    this.msg = undefined;
    this.action = undefined;
    this.rule = '';
    this.text = noText;
    this.applied = undefined;
    this.client = undefined;
    this.linesFrom(undefined, undefined, null, 0, null, null);
    return this;
  }

  get lines(): LineMark[] | undefined {
    if (this.rerun !== null) {
      this.marks = this.rerun.linesOf(this.ranOn, this.before, this.input as HandlerInput<unknown>);
      this.rerun = null;
      this.before = null;
      this.input = null;
    }
    return this.marks;
  }

  set lines(marks: LineMark[] | undefined) {
    this.linesFrom(marks, undefined, null, 0, null, null);
  }

  get lineIds(): readonly string[] | undefined {
    if (this.ids === undefined && this.marks !== undefined) this.ids = this.marks.map((l) => l.id);
    return this.ids;
  }

  /** The handler on node `node` marked lines `ids`, run on `before` and `input`; `rerun` makes their values when asked. */
  ran(ids: readonly string[], rerun: Rerun, node: NodeId, before: unknown, input: HandlerInput<M>): void {
    this.linesFrom(undefined, ids, rerun, node, before, input);
  }

  /** Where the lines come from: given whole, or marked by ids with what to run again; every field at once, so none is left from the event before. */
  private linesFrom(marks: LineMark[] | undefined, ids: readonly string[] | undefined, rerun: Rerun | null, node: NodeId, before: unknown, input: HandlerInput<M> | null): void {
    this.marks = marks;
    this.ids = ids;
    this.rerun = rerun;
    this.ranOn = node;
    this.before = before;
    this.input = input;
  }
}
