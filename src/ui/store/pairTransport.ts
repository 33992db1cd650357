import type { Scenario } from '../../scenario/schema';
import type { FromWorker, ToWorker } from '../../worker/protocol';

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

type Where = Extract<FromWorker, { type: 'where' }>;

/** Actions on a message or timer of one run (the student as the network): ids mean nothing in the other run. */
const ONE_RUN: ReadonlySet<string> = new Set(['deliver', 'hold', 'release', 'duplicate', 'drop', 'fire']);

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/**
 * One clock and one set of controls for two runs side by side, each in its own worker. Every
 * command a view sends passes here: the playback and the user's actions go to both runs, and
 * whenever the two could stand at different moments (after a step, a pause, or one run stopping
 * by itself on a violation or a narration step) the transport asks each where it stands and
 * moves the other to the same virtual time. So a step forward is a step to the next event of
 * either run, and a step back to the previous one. Queries of one side's views (the space-time
 * diagram, the drawing worker) stay with that side.
 */
export class PairTransport {
  /** Playing, and both runs have said so: a run that stops now stopped by itself. */
  private armed = false;
  private asks = new Map<number, (w: Where) => void>();
  private nextAsk = 1;
  /** Bumped by every command from the page: an alignment begun before it is dropped. */
  private epoch = 0;
  /**
   * The moments the pair stood at, step by step forward: a step back returns to the one before,
   * exactly (the previous event of either run). Any other move forgets them.
   */
  private steps: number[] = [];
  /** How many safety checks each run has failed, as its last snapshot said. */
  private broken: Record<Side, number> = { left: 0, right: 0 };
  /** A run told to play on past a later violation: the stop it sent is not a stop of the pair. */
  private playsOn: Record<Side, boolean> = { left: false, right: false };

  constructor(
    private readonly post: Record<Side, (cmd: ToWorker) => void>,
    /** A single scenario chosen while two runs are shown (a lesson from the menu): the page leaves the pair for it. */
    private readonly onLoad: (scenario: Scenario) => void,
  ) {}

  send(from: Side, cmd: ToWorker): void {
    switch (cmd.type) {
      case 'load': this.onLoad(cmd.scenario); return;
      case 'play': this.command(); this.steps = []; this.both(cmd); void this.arm(); return;
      // The left run carries the story: it plays to its next step, the right plays along and is stopped with it.
      case 'narrationNext': this.command(); this.steps = []; this.post.left(cmd); this.post.right({ type: 'play' }); void this.arm(); return;
      case 'pause': this.command(); this.steps = []; this.both(cmd); void this.align('earlier'); return;
      case 'stepForward': void this.stepForward(); return;
      case 'stepBack': this.stepBack(); return;
      case 'narrationPrev': this.command(); this.steps = []; this.post.left(cmd); void this.follow('left'); return;
      case 'seekEvent': case 'seekLine': this.command(); this.steps = []; this.post[from](cmd); void this.follow(from); return;
      // An action was taken in both runs: both take it back.
      case 'seekTime': case 'restart': case 'cancel': case 'undoDiscard': this.command(); this.steps = []; this.both(cmd); return;
      case 'speed': this.both(cmd); return;
      // A choice about one message or timer names it by its id in that run: it stays with that run.
      case 'act': if (ONE_RUN.has(cmd.action.type)) this.post[from](cmd); else void this.act(cmd); return;
      default: this.post[from](cmd);
    }
  }

  /**
   * Every message a run's worker posts passes here before its store. Returns true when the
   * message was the transport's own (an answer to `where`), which no store needs.
   */
  observe(side: Side, msg: FromWorker): boolean {
    if (msg.type === 'where') {
      this.asks.get(msg.id)?.(msg);
      this.asks.delete(msg.id);
      return true;
    }
    if (msg.type === 'snapshot' && msg.snapshot.safety) this.broken[side] = msg.snapshot.safety.violations.length;
    // A run already broken that fails another check stops for a consequence, not a new point:
    // it plays on, so Next reaches its step in one click (figure8-broken's step 5 took four).
    // Its notice goes too: the first violation's stands, and the run is not paused.
    if (msg.type === 'notice' && msg.kind === 'violation' && this.broken[side] > 0) {
      this.playsOn[side] = true;
      this.post[side]({ type: 'play' });
      return true;
    }
    if (msg.type === 'snapshot' && this.armed && !msg.snapshot.playing) {
      if (this.playsOn[side]) this.playsOn[side] = false;
      else void this.stopped(side);
    }
    return false;
  }

  private command(): void {
    this.epoch++;
    this.armed = false;
    this.playsOn = { left: false, right: false };
  }

  private both(cmd: ToWorker): void {
    for (const s of SIDES) this.post[s](cmd);
  }

  private where(side: Side): Promise<Where> {
    const id = this.nextAsk++;
    return new Promise((resolve) => {
      this.asks.set(id, resolve);
      this.post[side]({ type: 'where', id });
    });
  }

  private async whereBoth(): Promise<Record<Side, Where>> {
    const [left, right] = await Promise.all([this.where('left'), this.where('right')]);
    return { left, right };
  }

  /** Each run steps one event; the one that went further comes back to the other's moment: the next event of either run. */
  private async stepForward(): Promise<void> {
    this.command();
    const epoch = this.epoch;
    if (this.steps.length === 0) {
      const w = await this.whereBoth();
      if (epoch !== this.epoch) return;
      this.steps.push(Math.floor(Math.max(w.left.time, w.right.time)));
    }
    this.both({ type: 'stepForward' });
    const w = await this.align('earlier');
    if (w !== null && epoch === this.epoch) this.steps.push(Math.floor(Math.min(w.left.time, w.right.time)));
  }

  /**
   * Back to the moment of the step before; without steps to retrace, each run steps back one
   * event and the two meet at the later moment (which may pass over an event of the other run).
   */
  private stepBack(): void {
    const steps = this.steps;
    this.command();
    if (steps.length >= 2) {
      steps.pop();
      this.both({ type: 'seekTime', time: steps[steps.length - 1] });
      this.steps = steps;
      return;
    }
    this.steps = [];
    this.both({ type: 'stepBack' });
    void this.align('later');
  }

  /** Once both runs say they play, a run that stops has stopped by itself; one that already stopped has. */
  private async arm(): Promise<void> {
    const epoch = this.epoch;
    const w = await this.whereBoth();
    if (epoch !== this.epoch) return;
    const stopper = SIDES.find((s) => !w[s].playing);
    if (stopper === undefined) this.armed = true;
    else await this.stopped(stopper);
  }

  /**
   * One run stopped by itself (a violation, a narration step, a choice to make): the other stops
   * at its moment. A run behind catches up as playing would: a violation on its way stops it,
   * and the pair meets at that earlier moment (a story step 1 ms after a violation, reached
   * first in one frame, carried the pair past it).
   */
  private async stopped(side: Side): Promise<void> {
    this.command();
    const epoch = this.epoch;
    this.post[other(side)]({ type: 'pause' });
    const w = await this.whereBoth();
    if (epoch !== this.epoch) return;
    const time = Math.floor(w[side].time);
    for (const s of SIDES) if (w[s].time !== time) this.post[s]({ type: 'seekTime', time, stopAtViolation: w[s].time < time && this.broken[s] === 0 });
    const met = await this.whereBoth();
    if (epoch !== this.epoch) return;
    this.moveTo(Math.floor(Math.min(met.left.time, met.right.time)), met);
  }

  /** Both runs to the same moment: the earlier of the two (after a step or a pause) or the later (after a step back). */
  private async align(to: 'earlier' | 'later'): Promise<Record<Side, Where> | null> {
    const epoch = this.epoch;
    const w = await this.whereBoth();
    if (epoch !== this.epoch) return null;
    const pick = to === 'earlier' ? Math.min : Math.max;
    this.moveTo(Math.floor(pick(w.left.time, w.right.time)), w);
    return w;
  }

  /** One run moved by itself (to an event, a line, a narration step): the other goes to its moment. */
  private async follow(side: Side): Promise<void> {
    const epoch = this.epoch;
    const w = await this.where(side);
    if (epoch !== this.epoch) return;
    this.post[other(side)]({ type: 'seekTime', time: Math.floor(w.time) });
  }

  private moveTo(time: number, w: Record<Side, Where>): void {
    for (const s of SIDES) if (w[s].time !== time) this.post[s]({ type: 'seekTime', time });
  }

  /**
   * An action taken on either side is taken on both, at the same moment. While playing the two
   * clocks may be a frame apart, so the runs pause, meet, take the action, and play on.
   */
  private async act(cmd: Extract<ToWorker, { type: 'act' }>): Promise<void> {
    const wasPlaying = this.armed;
    if (wasPlaying) {
      this.command();
      this.both({ type: 'pause' });
      if ((await this.align('earlier')) === null) return;
    }
    this.both(cmd);
    if (wasPlaying) {
      this.both({ type: 'play' });
      void this.arm();
    }
  }
}
