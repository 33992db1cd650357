import { Run } from '../engine/run';
import { nodeStates, traceLine } from '../engine/traceFormat';
import { toActions, toSimConfig } from '../scenario/config';
import type { Scenario } from '../scenario/schema';

/**
 * The run so far as JSON Lines in the runner's format, replayed from scratch up to event
 * `events`. A long run takes a while, so the replay goes in slices (work), like a far seek.
 */
export class TraceExport {
  private readonly run: Run;
  private readonly lines: string[] = [];

  constructor(private readonly scenario: Scenario, readonly events: number) {
    this.run = new Run(toSimConfig(scenario), toActions(scenario));
    this.run.sim.onEvent((rec) => this.lines.push(JSON.stringify(traceLine(rec))));
  }

  /** Replays on until done (true) or until `enough`, asked every 256 events, says stop. */
  work(enough?: () => boolean): boolean {
    for (let n = 1; this.run.sim.world.events < this.events; n++) {
      if (this.run.step() === null) break;
      if ((n & 255) === 0 && enough !== undefined && enough() && this.run.sim.world.events < this.events) return false;
    }
    return true;
  }

  /** Virtual time the replay has reached. */
  get time(): number {
    return this.run.sim.time;
  }

  /** The JSON Lines, ending with the summary (protocol, events, end time, violations, trace hash, node states). */
  text(): string {
    const run = this.run;
    const summary = {
      protocol: this.scenario.protocol, events: run.sim.world.events, endTime: run.sim.time, violations: run.violations, traceHash: run.sim.traceHash,
      nodes: nodeStates(run.sim.protocol, run.sim.nodes(), run.sim.contexts),
    };
    return `${this.lines.join('\n')}\n${JSON.stringify({ summary })}\n`;
  }
}
