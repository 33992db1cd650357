/**
 * Drives one space-time diagram on the page: asks the worker for the window in sight,
 * paints it, keeps the scroll in step with the playhead while following, and turns clicks
 * into seeks and selections. Imperative on purpose: the scroll, the hover and the run's
 * progress change many times a second and need no React render.
 */
import type { StoreApi } from 'zustand';
import { type SimState, stampRefresh } from '../../store/simStore';
import { fitCanvas } from '../../draw/fitCanvas';
import { shortLabel } from '../../draw/movingPaint';
import { messageStyle } from '../../theme';
import { currentPalette, onPalette } from '../../shell/themeState';
import type { SpaceTimeAxis, SpaceTimeWindow } from '../../../worker/spacetime';
import { causalCone, type Cone, type Hovered } from './causality';
import { arrowAt, axisValue, buildScene, clientArrowAt, markAt, type Measure, type Scene, scrollModel, seekTarget, valueAt, type View } from './geometry';
import { syncArrowItems, syncClientItems, syncFaded, syncLeaseItems, syncMarkItems } from './list';
import { canvasPen, EXPORT_MIN_HEIGHT, paintScene, SVG_HEADER_PX, svgDocument, svgPen } from './paint';

/** At most this many arrows per window; beyond it the worker thins them and the diagram says so. */
const LIMIT = 600;
/** Room below the playhead, so the newest arrows are not on the edge. */
const TAIL_PX = 48;
/**
 * While playing, the diagram refreshes 4 times a second, as the slow panels do, and its
 * accessible lists once a second, in the frame after a paint's; paused, both at once. Repainting a canvas this size costs
 * a software-rendered browser more than the script does.
 */
const ASK_EVERY_MS = 250;
const LIST_EVERY_MS = 1000;
/**
 * While playing, the scroll's extent and position are written at most this often: writing
 * scrollTop makes the browser lay the page out there and then (it clamps the value to the
 * extent), in the middle of a frame whose page has changed since. The canvas is painted from
 * the diagram's own start, so the picture follows the playhead 4 times a second all the same;
 * only the scrollbar moves in steps. The user's first touch on the scroll brings it up to date.
 */
const PLACE_EVERY_MS = 1000;

export interface DiagramElements {
  scroller: HTMLDivElement;
  spacer: HTMLDivElement;
  canvas: HTMLCanvasElement;
  arrows: HTMLUListElement;
  /** Clients' requests and replies. */
  clients: HTMLUListElement;
  marks: HTMLUListElement;
  /** Leaders' read leases. */
  leases: HTMLUListElement;
}

export interface DiagramSettings {
  axis: SpaceTimeAxis;
  /** Pixels per ms, or per event. */
  scale: number;
  follow: boolean;
}

export class Diagram {
  private settings: DiagramSettings;
  private size = { width: 0, height: 0 };
  private ratio = 1;
  /**
   * The axis value at the top of the canvas. The diagram keeps it, and the scroll follows: reading
   * scrollTop while the page had changed since its last layout made the browser lay out the whole
   * page there and then, 15 times a second while playing (most of the diagram's frame time).
   */
  private start = 0;
  /** The scroll as the diagram last set it (or saw it), and what it is to be set to at the next frame. */
  private top = 0;
  private spacerHeight = '0px';
  private moveTo: number | null = null;
  private placedAt = 0;
  private scene: Scene | null = null;
  private hovered: Hovered | null = null;
  /** Whether the lists' items last said which are faded (so that leaving the arrow clears it). */
  private listedCone = false;
  /** The query sent and not yet answered, and whether the view moved on since. */
  private asking = false;
  private askAgain = false;
  private listedAt = 0;
  private askedAt = 0;
  private inSight = true;
  /** The axis range the last answer covers. */
  private covered = { from: 0, to: -1 };
  private frame: number | null = null;
  /** While playing, the lists' sync waits for the frame after the paint's, so no frame pays for both. */
  private listFrame: number | null = null;
  private unsubscribe: () => void;
  private unTheme: () => void;
  private readonly measure: Measure;

  constructor(private readonly store: StoreApi<SimState>, private readonly el: DiagramElements, settings: DiagramSettings,
    private readonly onChange: (thinned: string | null, follow: boolean) => void) {
    this.settings = settings;
    const ctx = el.canvas.getContext('2d');
    this.measure = (text) => {
      if (ctx === null) return text.length * 8;
      ctx.font = "700 14px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      return ctx.measureText(text).width;
    };
    this.unsubscribe = store.subscribe((s, prev) => {
      // The run moved on: the clock's refresh (15 times a second while playing), or any change when paused.
      // Pausing too: the last clock refresh while playing may have been skipped by the pacing
      // below, and the paused snapshot can arrive with the same clock.
      if (s.hud !== prev.hud || s.snapshot?.playing !== prev.snapshot?.playing) this.runMoved();
      if (s.spacetime !== prev.spacetime) this.received();
      if (s.selectedMessage !== prev.selectedMessage || s.selectedOp !== prev.selectedOp) this.schedulePaint();
    });
    this.unTheme = onPalette(() => this.schedulePaint());
  }

  dispose(): void {
    this.unsubscribe();
    this.unTheme();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.listFrame !== null) cancelAnimationFrame(this.listFrame);
  }

  /** The canvas's size in CSS pixels (from the page's ResizeObserver). */
  resize(width: number, height: number): void {
    this.size = { width, height };
    this.runMoved();
  }

  /** Out of sight, the diagram neither asks nor paints; back in sight, it catches up. */
  setInSight(inSight: boolean): void {
    this.inSight = inSight;
    if (inSight) this.runMoved();
  }

  private runMoved(): void {
    if (!this.inSight || this.size.height === 0) return;
    // Playing, at most ASK_EVERY_MS apart (the scroll, the query and the painting alike): the
    // page has the cluster to animate too.
    const now = performance.now();
    if (this.playing() && now - this.askedAt < ASK_EVERY_MS) return;
    this.askedAt = now;
    this.layoutScroll();
    this.followPlayhead();
    this.ask();
    this.schedulePaint();
    // Playing, the window asked for is drawn the frame it arrives (see received): no paint before it.
    if (this.playing() && this.asking && this.frame !== null) {
      cancelAnimationFrame(this.frame);
      this.frame = null;
    }
  }

  private playing(): boolean {
    return this.store.getState().snapshot?.playing ?? false;
  }

  configure(settings: DiagramSettings): void {
    const centre = this.startValue() + this.size.height / 2 / this.settings.scale;
    const axisChanged = settings.axis !== this.settings.axis;
    this.settings = settings;
    this.hovered = null;
    // Another axis: the same scroll, read in the new axis's units.
    if (axisChanged) this.start = (this.top * this.ratio) / settings.scale;
    if (!axisChanged && !settings.follow) this.scrollToStart(centre - this.size.height / 2 / settings.scale);
    this.runMoved();
  }

  /** The axis value at the top of the canvas. */
  private startValue(): number {
    return this.start;
  }

  private nowValue(): number {
    const snap = this.store.getState().snapshot;
    if (snap === null) return 0;
    return this.settings.axis === 'time' ? snap.time : snap.events;
  }

  /** How far the scroll reaches: the furthest point computed, so seeking back does not jump the view. */
  private extentValue(): number {
    const snap = this.store.getState().snapshot;
    if (snap === null) return 0;
    return Math.max(this.nowValue(), this.settings.axis === 'time' ? snap.frontier.time : snap.frontier.events);
  }

  private layoutScroll(): void {
    const content = this.extentValue() * this.settings.scale + TAIL_PX;
    const model = scrollModel(Math.max(content, this.size.height), this.size.height);
    this.ratio = model.ratio;
    this.spacerHeight = `${Math.max(0, model.spacerPx - this.size.height)}px`;
    this.schedulePaint();
  }

  private scrollToStart(value: number): void {
    this.layoutScroll();
    const top = Math.max(0, Math.round((value * this.settings.scale) / this.ratio));
    this.start = (top * this.ratio) / this.settings.scale;
    if (Math.abs(this.top - top) >= 1) this.moveTo = top;
    this.schedulePaint();
  }

  /**
   * Sets the scroll's extent and position, at the start of a frame and only by writing, so the
   * page is laid out once in the frame, not once per change.
   */
  private place(force = false): void {
    const now = performance.now();
    if (!force && this.playing() && now - this.placedAt < PLACE_EVERY_MS) return;
    this.placedAt = now;
    if (this.el.spacer.style.height !== this.spacerHeight) this.el.spacer.style.height = this.spacerHeight;
    if (this.moveTo !== null) {
      this.el.scroller.scrollTop = this.top = this.moveTo;
      this.moveTo = null;
    }
  }

  /** While following: the playhead low in sight when playing; paused, just kept in sight. */
  private followPlayhead(): void {
    const { scale, follow } = this.settings;
    if (!follow || this.size.height === 0) return;
    const playing = this.store.getState().snapshot?.playing ?? false;
    const now = this.nowValue();
    const y = (now - this.startValue()) * scale;
    if (playing || y < this.size.height * 0.1 || y > this.size.height - TAIL_PX) {
      this.scrollToStart(now - (this.size.height * 0.85) / scale);
    }
  }

  /** The page scrolled (by the user, or by following): draw the window now in sight, asking for it if need be. */
  scrolled(): void {
    const top = this.el.scroller.scrollTop;
    // The diagram's own move: already painted where it went.
    if (Math.abs(top - this.top) < 1) return;
    this.top = top;
    this.start = (top * this.ratio) / this.settings.scale;
    const from = this.startValue();
    const to = from + this.size.height / this.settings.scale;
    if (from < this.covered.from || to > this.covered.to) this.ask();
    this.schedulePaint();
  }

  /** The user takes the scroll (wheel, keys, scrollbar): the diagram stops following the playhead. */
  userScrolls(): void {
    // The scroll where the picture is, before the browser moves it from there.
    this.place(true);
    this.stopFollowing();
  }

  /** Asks the worker for the window in sight (and half a window either side), one query at a time. */
  private ask(): void {
    if (!this.inSight || this.size.height === 0 || this.store.getState().snapshot === null) return;
    if (this.asking) {
      this.askAgain = true;
      return;
    }
    const { axis, scale } = this.settings;
    const span = this.size.height / scale;
    const from = Math.max(0, Math.floor(this.startValue() - span / 2));
    const to = Math.ceil(from + span * 2);
    this.asking = true;
    this.askAgain = false;
    this.covered = { from, to };
    this.store.getState().send({ type: 'spacetime', query: { axis, from, to, limit: LIMIT } });
  }

  /**
   * A window arrived. Playing, the store hands it over at the start of a frame that no other
   * slow view shares (see simStore), so it is drawn now, in that frame; paused, with the next.
   */
  private received(): void {
    this.asking = false;
    if (this.askAgain) this.ask();
    if (!this.playing()) {
      this.schedulePaint();
      return;
    }
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.place();
    this.paint();
  }

  private schedulePaint(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.place();
      this.paint();
    });
  }

  private view(): View {
    return { axis: this.settings.axis, scale: this.settings.scale, start: this.startValue(), ...this.size };
  }

  private window(): SpaceTimeWindow | null {
    const win = this.store.getState().spacetime;
    return win !== null && win.query.axis === this.settings.axis ? win : null;
  }

  private build(win: SpaceTimeWindow): Scene {
    const palette = currentPalette();
    return buildScene(win, this.view(), (a) => shortLabel(a.type, a.fields), (type) => messageStyle(type, palette).color, this.measure, palette);
  }

  paint(): void {
    const win = this.window();
    const ctx = fitCanvas(this.el.canvas, { ...this.size, ratio: window.devicePixelRatio || 1 });
    if (win === null || ctx === null) return;
    stampRefresh(['spacetime paint']);
    const scene = this.build(win);
    const thinnedChanged = scene.thinned !== this.scene?.thinned;
    this.scene = scene;
    const cone = this.hovered === null ? null : causalCone(win.arrows, win.clients, this.hovered);
    paintScene(canvasPen(ctx), scene, cone, this.store.getState().selectedMessage, currentPalette(), this.store.getState().selectedOp);
    if (thinnedChanged) this.onChange(scene.thinned, this.settings.follow);
    const playing = this.store.getState().snapshot?.playing ?? false;
    const now = performance.now();
    if (!playing) {
      // Paused, the lists say what the canvas shows at once.
      if (this.listFrame !== null) cancelAnimationFrame(this.listFrame);
      this.listFrame = null;
      this.listedAt = now;
      this.syncLists(scene);
    } else if (now - this.listedAt >= LIST_EVERY_MS && this.listFrame === null) {
      this.listedAt = now;
      this.listFrame = requestAnimationFrame(() => {
        this.listFrame = null;
        // The scene painted last: the one on the canvas.
        if (this.scene !== null) this.syncLists(this.scene);
      });
    }
    if (cone !== null || this.listedCone) this.listCone(cone);
  }

  /** The accessible lists of the arrows, marks and leases of `scene` in sight. */
  private syncLists(scene: Scene): void {
    stampRefresh(['spacetime list']);
    const inSight = (y1: number, y2: number) => Math.max(y1, y2) >= 0 && Math.min(y1, y2) <= this.size.height;
    syncArrowItems(this.el.arrows, scene.arrows.filter((s) => inSight(s.y1, s.y2)), this.size.height);
    syncClientItems(this.el.clients, scene.clients.filter((c) => inSight(c.y1, c.y2) || (c.wait !== null && inSight(c.wait.y1, c.wait.y2))), this.size.height);
    syncMarkItems(this.el.marks, scene.marks.filter((m) => inSight(m.y, m.y)));
    syncLeaseItems(this.el.leases, scene.leases.filter((l) => inSight(l.y1, l.y2)));
  }

  /** The lists say what the canvas fades (`data-faded` on each item outside the hovered arrow's cone). */
  private listCone(cone: Cone | null): void {
    this.listedCone = cone !== null;
    syncFaded(this.el.arrows, cone && ((d) => cone.arrows.has(Number(d.msgId))));
    syncFaded(this.el.clients, cone && ((d) => cone.clients.has(d.msgId!)));
    syncFaded(this.el.marks, cone && ((d) => cone.has(Number(d.node), Number(d.seq))));
  }

  /** Hovering an arrow fades everything not causally connected to it. */
  hover(x: number, y: number): void {
    const mark = this.scene === null ? null : markAt(this.scene, x, y, 7);
    const client = this.scene === null || mark !== null ? null : clientArrowAt(this.scene, x, y);
    const id = this.scene === null || mark !== null || client !== null ? null : arrowAt(this.scene, x, y)?.arrow.id ?? null;
    this.el.canvas.style.cursor = id !== null || mark !== null || client !== null ? 'pointer' : 'default';
    const hovered: Hovered | null = client !== null ? { client: client.arrow.key } : id !== null ? { arrow: id } : null;
    const key = (h: Hovered | null) => (h === null ? '' : 'arrow' in h ? `m${h.arrow}` : h.client);
    if (key(hovered) === key(this.hovered)) return;
    this.hovered = hovered;
    this.schedulePaint();
  }

  /**
   * A click: on an arrow, seek to the clicked moment of its flight and select it in the
   * cluster; on a mark, seek to its event and select its node; elsewhere, seek to that moment.
   */
  click(x: number, y: number): void {
    if (this.scene === null) return;
    const s = this.store.getState();
    // A mark sits where arrows meet (a new leader where its votes arrive): right on it, it wins.
    const mark = markAt(this.scene, x, y, 7);
    const client = mark === null ? clientArrowAt(this.scene, x, y) : null;
    const arrow = mark === null && client === null ? arrowAt(this.scene, x, y) : null;
    this.stopFollowing();
    s.send({ type: 'pause' });
    if (client !== null) {
      this.seek(seekTarget(client, y, this.view()));
      s.selectOp(client.arrow.op);
    } else if (arrow !== null) {
      this.seek(seekTarget(arrow, y, this.view()));
      s.selectMessage(arrow.arrow.id);
    } else if (mark !== null) {
      s.send({ type: 'seekEvent', seq: mark.mark.seq });
      s.select(mark.mark.node);
    } else {
      this.seek(Math.max(0, Math.round(valueAt(y, this.view()))));
    }
  }

  /** From the accessible list: an arrow's send, a mark's event. */
  pick(item: HTMLElement): void {
    const s = this.store.getState();
    this.stopFollowing();
    s.send({ type: 'pause' });
    const d = item.dataset;
    if (d.op !== undefined) {
      const a = this.window()?.clients.find((x) => x.key === d.msgId);
      if (a !== undefined) this.seek(axisValue(a.sent, this.settings.axis));
      s.selectOp(Number(d.op));
    } else if (d.msgId !== undefined) {
      const a = this.window()?.arrows.find((x) => String(x.id) === d.msgId);
      if (a !== undefined) this.seek(axisValue(a.sent, this.settings.axis));
      s.selectMessage(Number(d.msgId));
    } else if (d.seq !== undefined) {
      s.send({ type: 'seekEvent', seq: Number(d.seq) });
      s.select(Number(d.node));
    }
  }

  private seek(value: number): void {
    const send = this.store.getState().send;
    if (this.settings.axis === 'time') send({ type: 'seekTime', time: value });
    else send({ type: 'seekEvent', seq: value });
  }

  private stopFollowing(): void {
    if (!this.settings.follow) return;
    this.settings = { ...this.settings, follow: false };
    this.onChange(this.scene?.thinned ?? null, false);
  }

  /**
   * The window in sight as a standalone SVG document, for slides, with its size in CSS pixels:
   * the same span of time, stretched to at least EXPORT_MIN_HEIGHT (on a 1280x720 page the
   * diagram may be a strip of 50 px, whose copy no slide could use).
   */
  svg(title: string): { text: string; width: number; height: number } | null {
    const win = this.window();
    if (win === null) return null;
    const view = this.view();
    if (view.height <= 0) return null;
    const stretch = Math.max(1, EXPORT_MIN_HEIGHT / view.height);
    const palette = currentPalette();
    const scene = buildScene(win, { ...view, height: view.height * stretch, scale: view.scale * stretch }, (a) => shortLabel(a.type, a.fields), (type) => messageStyle(type, palette).color, this.measure, palette);
    const pen = svgPen();
    paintScene(pen, scene, null, null, palette, this.store.getState().selectedOp);
    return { text: svgDocument(scene, pen.elements, title, palette), width: scene.view.width, height: scene.view.height + SVG_HEADER_PX };
  }
}
