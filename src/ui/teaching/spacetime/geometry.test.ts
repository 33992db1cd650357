import { describe, expect, it } from 'vitest';
import type { ClientArrow, LeaseSpan, SpaceTimeArrow, SpaceTimeWindow } from '../../../worker/spacetime';
import { causalCone } from './causality';
import { arrowAt, arrowShape, buildScene, clientArrowAt, clientShape, GUTTER, LABEL_GAP, lanesOf, laneX, LEASE_OFFSET, markAt, nodeX, scrollModel, secondsLabel, seekTarget, tickStep, valueAt, type View, yOf } from './geometry';
import { leaseText, pickPoint } from './list';
import { DARK, groupColor, LIGHT } from '../../theme';
import { paintScene, svgDocument, svgPen } from './paint';

const view = (over: Partial<View> = {}): View => ({ axis: 'time', scale: 2, start: 100, width: 660, height: 400, ...over });

let nextId = 1;
function arrow(from: number, to: number, sent: [number, number], end: [number, number] | null, fate: SpaceTimeArrow['fate'] = end === null ? 'in-flight' : 'delivered', deliverAt?: number): SpaceTimeArrow {
  return {
    id: nextId++, from, to, type: 'VoteRequest', label: 'VoteRequest(term 1)', fields: { term: 1 },
    sent: { t: sent[0], seq: sent[1] }, deliverAt: deliverAt ?? end?.[0] ?? sent[0] + 20, end: end === null ? null : { t: end[0], seq: end[1] }, fate, duplicateOf: null,
  };
}

function win(arrows: SpaceTimeArrow[], over: Partial<SpaceTimeWindow> = {}): SpaceTimeWindow {
  return {
    query: { axis: 'time', from: 0, to: 1000, limit: 1000 }, nodeCount: 5, clientCount: 0, clients: [], now: { t: 300, seq: 90 }, arrows, total: arrows.length,
    marks: [], network: [{ t: 0, seq: 0, groups: null, cuts: [] }], down: [], leases: [], keptFrom: 0, ...over,
  };
}

describe('space-time geometry', () => {
  it('puts the clients lane first and the nodes after it, evenly, right of the gutter', () => {
    const xs = [0, 1, 2, 3, 4, 5].map((k) => laneX(k, 5, GUTTER + 600));
    expect(xs[0]).toBe(GUTTER + 50);
    for (let k = 1; k < xs.length; k++) expect(xs[k] - xs[k - 1]).toBeCloseTo(100);
  });

  it('maps the axis down the canvas and back', () => {
    const v = view();
    expect(yOf(100, v)).toBe(0);
    expect(yOf(150, v)).toBe(100);
    expect(valueAt(yOf(237, v), v)).toBeCloseTo(237);
    expect(yOf(50, view({ axis: 'events', scale: 16, start: 40 }))).toBe(160);
  });

  it('draws a delivered message from its send on the sender lane to its delivery on the receiver lane', () => {
    const s = arrowShape(arrow(1, 3, [120, 10], [135, 14]), { t: 300, seq: 90 }, view(), 5);
    expect(s).toMatchObject({ x1: laneX(1, 5, 660), y1: 40, x2: laneX(3, 5, 660), y2: 70, cross: null, loop: false });
  });

  it('in event order, places the ends by event number, not by time', () => {
    const s = arrowShape(arrow(1, 3, [120, 10], [135, 14]), { t: 300, seq: 90 }, view({ axis: 'events', scale: 10, start: 0 }), 5);
    expect([s.y1, s.y2]).toEqual([100, 140]);
  });

  it('ends a message in flight at the playhead, as far across as its flight has gone', () => {
    const s = arrowShape(arrow(1, 5, [280, 80], null, 'in-flight', 320), { t: 300, seq: 90 }, view(), 5);
    expect(s.y2).toBe(yOf(300, view()));
    expect(s.x2).toBeCloseTo(laneX(1, 5, 660) + (laneX(5, 5, 660) - laneX(1, 5, 660)) * 0.5);
    expect(s.cross).toBeNull();
  });

  it('ends a lost message in a cross where it died, never on the lane it did not reach', () => {
    const dropped = arrowShape(arrow(1, 5, [200, 50], [205, 52], 'lost', 220), { t: 300, seq: 90 }, view(), 5);
    expect(dropped.cross).toEqual({ x: dropped.x2, y: yOf(205, view()) });
    expect(dropped.x2).toBeCloseTo(laneX(1, 5, 660) + (laneX(5, 5, 660) - laneX(1, 5, 660)) * 0.25);
    // Lost on arrival: its cross stops short of the receiver's lane.
    const atArrival = arrowShape(arrow(2, 1, [200, 50], [220, 60], 'lost', 220), { t: 300, seq: 90 }, view(), 5);
    expect(Math.abs(atArrival.x2 - laneX(1, 5, 660))).toBeCloseTo(14);
    expect(atArrival.y2).toBe(yOf(220, view()));
  });

  it('finds the arrow under the pointer, and the mark under it', () => {
    const a = arrow(1, 3, [120, 10], [135, 14]);
    const b = arrow(4, 2, [121, 11], [140, 16]);
    const scene = buildScene(win([a, b], { marks: [{ t: 200, seq: 40, node: 2, kind: 'leader', label: 'leader', text: '', refused: false }] }), view(), () => 'x', () => '#000');
    const sa = scene.arrows.find((s) => s.arrow.id === a.id)!;
    const mid = pickPoint(sa, 400);
    expect(arrowAt(scene, mid.x, mid.y)?.arrow.id).toBe(a.id);
    expect(arrowAt(scene, mid.x, mid.y + 40)).toBeNull();
    expect(markAt(scene, nodeX(2, 5, 660, 0) + 3, yOf(200, view()) - 2)?.mark.kind).toBe('leader');
  });

  it('picks an arrow half out of sight by the part that shows', () => {
    const s = arrowShape(arrow(1, 3, [80, 10], [120, 14]), { t: 300, seq: 90 }, view(), 5);
    expect(s.y1).toBeLessThan(0);
    const p = pickPoint(s, 400);
    expect(p.y).toBeCloseTo(s.y2 / 2);
  });

  it('seeks a click to the clicked moment of the flight, kept within it', () => {
    const s = arrowShape(arrow(1, 3, [120, 10], [140, 14]), { t: 300, seq: 90 }, view(), 5);
    expect(seekTarget(s, yOf(130, view()), view())).toBe(130);
    expect(seekTarget(s, yOf(100, view()), view())).toBe(120);
    expect(seekTarget(s, yOf(200, view()), view())).toBe(139);
  });

  it('shades partitioned lanes by group and a cut link on its receiving end only, until the playhead', () => {
    const scene = buildScene(win([], {
      network: [{ t: 0, seq: 0, groups: null, cuts: [] }, { t: 150, seq: 30, groups: [[1, 2], [3, 4, 5]], cuts: ['3>5'] }],
      down: [{ node: 4, from: { t: 160, seq: 32 }, to: null }],
    }), view(), () => 'x', () => '#000');
    const part = scene.shades.filter((s) => s.kind === 'partition');
    expect(part.map((s) => s.group)).toEqual([0, 0, 1, 1, 1]);
    expect(part[0]).toMatchObject({ y: yOf(150, view()), h: yOf(300, view()) - yOf(150, view()) });
    // S3>S5 drops what S3 sends S5, not the reverse: S5's lane alone is banded, named with its sender.
    const cut = scene.shades.filter((s) => s.kind === 'cut');
    expect(cut).toHaveLength(1);
    expect(cut[0].x + cut[0].w / 2).toBeCloseTo(nodeX(5, 5, view().width, 0));
    expect(cut[0].deaf).toEqual({ to: 5, from: [3] });
    expect(scene.labels.find((l) => 'cut' in l.of)).toMatchObject({ text: '✕ from S3', x: nodeX(5, 5, view().width, 0) });
    expect(scene.shades.find((s) => s.kind === 'down')).toMatchObject({ y: yOf(160, view()), h: yOf(300, view()) - yOf(160, view()) });
    expect(scene.notes.map((n) => n.text)).toEqual(['partition {S1,S2} | {S3,S4,S5}; cut S3→S5']);
  });

  it('a link cut both ways bands both lanes, each naming the other; one receiver cut from two servers, one band naming both', () => {
    const scene = buildScene(win([], {
      network: [{ t: 0, seq: 0, groups: null, cuts: [] }, { t: 150, seq: 30, groups: null, cuts: ['1>2', '2>1', '4>5', '3>5'] }],
    }), view(), () => 'x', () => '#000');
    expect(scene.shades.filter((s) => s.kind === 'cut').map((s) => s.deaf)).toEqual([{ to: 1, from: [2] }, { to: 2, from: [1] }, { to: 5, from: [3, 4] }]);
    expect(scene.labels.filter((l) => 'cut' in l.of).map((l) => l.text)).toEqual(['✕ from S2', '✕ from S1', '✕ from S3,S4']);
    // The SVG export is painted by the same code: it names the direction too.
    const pen = svgPen();
    paintScene(pen, scene, null, null);
    expect(svgDocument(scene, pen.elements, 'cuts')).toContain('✕ from S3,S4');
  });

  it('tints each group\'s lanes in the colour the cluster gives that group, in either theme', () => {
    const scene = buildScene(win([], {
      network: [{ t: 0, seq: 0, groups: null, cuts: [] }, { t: 150, seq: 30, groups: [[1, 2], [3, 4, 5]], cuts: [] }],
    }), view(), () => 'x', () => '#000');
    for (const palette of [LIGHT, DARK]) {
      const fills: string[] = [];
      const pen = { ...svgPen(), rect: (_x: number, _y: number, _w: number, _h: number, fill: string) => { fills.push(fill); } };
      paintScene(pen, scene, null, null, palette);
      // The first rect is the panel; then one per partitioned lane: S1, S2, then S3, S4, S5.
      expect(fills.slice(1, 6)).toEqual([0, 0, 1, 1, 1].map((k) => groupColor(k, palette)));
      expect(groupColor(0, palette)).not.toBe(groupColor(1, palette));
    }
  });

  it('gives labels room: one that would overlap another gives way, and a crowd says so', () => {
    const same = [arrow(1, 3, [120, 10], [135, 14]), arrow(1, 3, [120, 10], [135, 14])];
    const scene = buildScene(win(same), view(), () => 'label', () => '#000');
    expect(scene.labels).toHaveLength(1);
    expect(scene.thinned).toBeNull();
    const crowd = Array.from({ length: 5 }, () => arrow(1, 3, [120, 10], [135, 14]));
    expect(buildScene(win(crowd), view(), () => 'label', () => '#000').thinned).toMatch(/4 of 5 labels hidden/);
    expect(buildScene(win(same, { total: 4000 }), view(), () => 'l', () => '#000').thinned).toMatch(/2 of 4,000 messages drawn/);
    expect(buildScene(win(same, { keptFrom: 150_000 }), view(), () => 'l', () => '#000').thinned).toMatch(/before 150.0 s are no longer kept/);
  });

  it('chooses ticks 1, 2 or 5 times a power of ten, at least 60 px apart', () => {
    expect(tickStep(2)).toBe(50);
    expect(tickStep(0.1)).toBe(1000);
    expect(tickStep(16)).toBe(5);
  });

  it('scrolls a run too long for one element by standing each pixel for several', () => {
    expect(scrollModel(10_000, 400)).toEqual({ spacerPx: 10_000, ratio: 1 });
    const long = scrollModel(40_000_000, 400);
    expect(long.spacerPx).toBe(4_000_000);
    expect((long.spacerPx - 400) * long.ratio).toBeCloseTo(40_000_000 - 400);
  });
});

describe('causal cone of a message', () => {
  // S1 -a-> S2, then S2 -b-> S3 (after a arrived), S3 -c-> S4 (after b); d: S5 -> S1 before a was sent.
  const d = arrow(5, 1, [100, 2], [110, 4]);
  const a = arrow(1, 2, [120, 6], [130, 8]);
  const b = arrow(2, 3, [140, 10], [150, 12]);
  const c = arrow(3, 4, [160, 14], [170, 16]);
  // e: S2 -> S5 sent before a arrived: unrelated to a.
  const e = arrow(2, 5, [125, 7], [135, 9]);
  // f: lost on its way from S2 after a arrived: in a's future, but carries nothing on.
  const f = arrow(2, 4, [132, 9], [140, 10], 'lost');

  it('holds what led to the send and what the delivery influenced, and nothing else', () => {
    const cone = causalCone([d, a, b, c, e, f], [], { arrow: a.id })!;
    expect([...cone.arrows].sort()).toEqual([d.id, a.id, b.id, c.id, f.id].sort());
    expect(cone.has(1, 6)).toBe(true);
    expect(cone.has(5, 2)).toBe(true);
    expect(cone.has(5, 3)).toBe(false);
    expect(cone.has(4, 16)).toBe(true);
    expect(cone.has(4, 15)).toBe(false);
    expect(cone.has(2, 7)).toBe(false);
  });

  it('a message still in flight has only a past', () => {
    const flying = arrow(3, 1, [160, 14], null);
    const cone = causalCone([d, a, b, flying], [], { arrow: flying.id })!;
    expect([...cone.arrows].sort()).toEqual([d.id, a.id, b.id, flying.id].sort());
    expect(cone.has(1, 100)).toBe(false);
  });

  describe('with clients, who are processes too', () => {
    // Client 1 asks S1 (request r at seq 20, arriving at 22); S1 replicates to S2 (l, 24 -> 26), S2 acks (k, 27 -> 29),
    // S1 replies (p, 30 -> 32); the client's next request (n) leaves at the reply's delivery (32).
    // Before r: S3 -> S1 (old, 10 -> 12), in r's reply's past but not in r's. Client 2 asks S3 at 25 (unrelated).
    const old = arrow(3, 1, [100, 10], [105, 12]);
    const l = arrow(1, 2, [130, 24], [135, 26]);
    const k = arrow(2, 1, [136, 27], [140, 29]);
    const r = clientArrow({ key: 'c1.1.1', node: 1, sent: { t: 120, seq: 20 }, end: { t: 125, seq: 22 } });
    const p = clientArrow({ key: 'c1.1.1.S1', dir: 'reply', why: null, reply: 'ok', outcome: null, node: 1, sent: { t: 142, seq: 30 }, end: { t: 150, seq: 32 } });
    const n = clientArrow({ key: 'c1.2.1', op: 2, seq: 2, node: 1, sent: { t: 150, seq: 32 }, end: { t: 155, seq: 34 } });
    const other = clientArrow({ key: 'c2.1.1', client: 2, op: 3, node: 3, sent: { t: 132, seq: 25 }, end: { t: 137, seq: 28 } });

    it('a request is before what its server did after receiving it, not after what came before', () => {
      const cone = causalCone([old, l, k], [r, p, n, other], { client: r.key })!;
      expect([...cone.arrows].sort()).toEqual([l.id, k.id].sort());
      expect([...cone.clients].sort()).toEqual([r.key, p.key, n.key].sort());
      expect(cone.has(1, 12)).toBe(false);
      expect(cone.has(1, 22)).toBe(true);
    });

    it('a reply is after what its server did before sending it, and before the client\'s next request', () => {
      const cone = causalCone([old, l, k], [r, p, n, other], { client: p.key })!;
      expect([...cone.arrows].sort()).toEqual([old.id, l.id, k.id].sort());
      expect([...cone.clients].sort()).toEqual([r.key, p.key, n.key].sort());
      expect(cone.has(3, 10)).toBe(true);
    });

    it('a server\'s message takes the clients on its chains along', () => {
      const cone = causalCone([old, l, k], [r, p, n, other], { arrow: l.id })!;
      expect([...cone.clients].sort()).toEqual([r.key, p.key, n.key].sort());
      expect(cone.arrows.has(old.id)).toBe(true);
      expect(causalCone([old, l, k], [r, p, n, other], { arrow: old.id })!.clients).toEqual(new Set([p.key, n.key]));
    });

    it('an arrow no longer in the window has no cone', () => {
      expect(causalCone([old], [r], { client: 'c9.9.9' })).toBeNull();
    });
  });
});

describe('SVG export', () => {
  it('writes a standalone, well-formed SVG of the scene, text escaped', () => {
    const lost = arrow(1, 5, [200, 50], [205, 52], 'lost', 220);
    const scene = buildScene(win([arrow(1, 3, [120, 10], [135, 14]), lost], {
      marks: [{ t: 150, seq: 30, node: 3, kind: 'request', label: 'set <x> & "y"', text: '', refused: false }],
    }), view(), (a) => a.type, () => '#7c3aed');
    const pen = svgPen();
    paintScene(pen, scene, null, null);
    const svg = svgDocument(scene, pen.elements, 'Run & <title>');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="660" height="428"');
    expect(svg).toContain('set &lt;x&gt; &amp; &quot;y&quot;');
    expect(svg).toContain('Run &amp; &lt;title&gt;');
    // Every element is closed: as many opening tags as closing ones.
    const opened = (svg.match(/<(?![?/!])[a-zA-Z]+[^>]*[^/]>/g) ?? []).length;
    const closed = (svg.match(/<\/[a-zA-Z]+>/g) ?? []).length;
    expect(opened).toBe(closed);
    // The lost message's cross: two red strokes.
    expect((svg.match(/stroke="#b91c1c" stroke-width="3"/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});

function clientArrow(over: Partial<ClientArrow>): ClientArrow {
  return {
    key: 'c1.1.1', op: 1, client: 1, seq: 1, attempt: 1, node: 2, dir: 'request', why: 'first', reply: null, label: 'set x 1',
    sent: { t: 120, seq: 10 }, deliverAt: 135, end: { t: 135, seq: 14 }, fate: 'delivered', outcome: 'answered', outcomeAt: null, ...over,
  };
}

describe('clients on the diagram', () => {
  it('gives each of up to 3 clients its own lane on the left, and more clients one shared lane', () => {
    expect(lanesOf(5, 2, 660).map((l) => l.label)).toEqual(['client 1', 'client 2', 'S1', 'S2', 'S3', 'S4', 'S5']);
    expect(lanesOf(5, 4, 660).map((l) => l.label)).toEqual(['Clients', 'S1', 'S2', 'S3', 'S4', 'S5']);
    // Three clients in a 600 px diagram: lanes too narrow for "client 1" name them as the logs do.
    expect(lanesOf(5, 3, 600).map((l) => l.label).slice(0, 3)).toEqual(['c1', 'c2', 'c3']);
    // No clients: no empty lane; the servers share the width.
    expect(lanesOf(5, 0, 660).map((l) => l.label)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    lanesOf(5, 0, 660).forEach((l, i) => expect(l.x).toBeCloseTo(GUTTER + (i + 0.5) * (660 - GUTTER) / 5));
    // A command from the timeline then comes in from the left of its server's lane, within it.
    const cmd = buildScene(win([], { marks: [{ t: 200, seq: 40, node: 1, kind: 'request', label: 'set x 1', text: '', refused: false }] }), view(), () => 'x', () => '#000').marks[0];
    expect(cmd.fromX).toBeGreaterThan(GUTTER);
    expect(cmd.fromX).toBeLessThan(cmd.x);
    expect(cmd.x).toBeCloseTo(nodeX(1, 5, 660, 0));
    const two = lanesOf(5, 2, 660);
    for (let k = 1; k < two.length; k++) expect(two[k].x - two[k - 1].x).toBeCloseTo((660 - GUTTER) / 7);
  });

  it('draws a request from its client\'s lane to the server, and the reply back', () => {
    const v = view();
    const [c1, c2, , s2] = lanesOf(5, 2, v.width);
    const req = clientShape(clientArrow({ client: 2 }), { t: 300, seq: 90 }, v, 5, 2);
    expect([req.x1, req.y1, req.x2, req.y2]).toEqual([c2.x, 40, s2.x, 70]);
    expect(req.wait).toBeNull();
    const reply = clientShape(clientArrow({ dir: 'reply', why: null, reply: 'ok', outcome: null, sent: { t: 140, seq: 20 }, end: { t: 150, seq: 22 } }), { t: 300, seq: 90 }, v, 5, 2);
    expect([reply.x1, reply.y1, reply.x2, reply.y2]).toEqual([s2.x, 80, c1.x, 100]);
  });

  it('a lost request ends in a cross short of the server; one with no reply waits beside its client\'s lane until the client stopped waiting', () => {
    const v = view();
    const [c1, s1, s2] = lanesOf(5, 1, v.width);
    const lost = clientShape(clientArrow({ fate: 'lost', deliverAt: 140, end: { t: 130, seq: 12 }, outcome: 'unknown', outcomeAt: { t: 220, seq: 40 } }), { t: 300, seq: 90 }, v, 5, 1);
    expect(lost.cross).not.toBeNull();
    expect(lost.x2).toBeLessThan(s2.x);
    expect(lost.x2).toBeGreaterThan(s1.x - 1);
    expect(lost.wait).toEqual({ x: c1.x + 6, y1: 40, y2: 240 });
    // Still waiting: the wait runs to the playhead; in flight, the arrow too.
    const waiting = clientShape(clientArrow({ fate: 'in-flight', end: null, deliverAt: 160, outcome: 'waiting' }), { t: 140, seq: 30 }, v, 5, 1);
    expect(waiting.y2).toBe(80);
    expect(waiting.x2).toBeCloseTo(c1.x + (s2.x - c1.x) / 2);
    expect(waiting.wait).toEqual({ x: c1.x + 6, y1: 40, y2: 80 });
  });

  it('a retry and a redirect are drawn distinctly, a click finds them, and the export names the clients\' lanes', () => {
    const arrows = [clientArrow({}), clientArrow({ key: 'c1.1.2', attempt: 2, why: 'retry', label: 'set x 1 (try 2)', sent: { t: 200, seq: 30 }, end: { t: 215, seq: 33 } }),
      clientArrow({ key: 'c1.1.3', attempt: 3, why: 'redirect', node: 3, sent: { t: 250, seq: 40 }, end: { t: 262, seq: 44 } })];
    const scene = buildScene(win([], { clientCount: 1, clients: arrows }), view(), (a) => a.type, () => '#7c3aed');
    const [first, retry] = scene.clients;
    expect(clientArrowAt(scene, (retry.x1 + retry.x2) / 2, (retry.y1 + retry.y2) / 2)?.arrow.key).toBe('c1.1.2');
    expect(clientArrowAt(scene, first.x1 - 30, first.y1)).toBeNull();
    const pen = svgPen();
    paintScene(pen, scene, null, null, undefined, 1);
    // The selected operation is drawn heavier; the retry long-dashed, the redirect dotted.
    expect(pen.elements.some((e) => e.includes('stroke-width="4" stroke-dasharray="9 4"'))).toBe(true);
    expect(pen.elements.some((e) => e.includes('stroke-width="4" stroke-dasharray="2 4"'))).toBe(true);
    const svg = svgDocument(scene, pen.elements, 'clients');
    expect(svg).toContain('>client 1</text>');
    expect(svg).toContain('>set x 1 (try 2)</text>');
  });
});

describe('leases on the diagram', () => {
  /** C6's S3: granted at 270, 224–359 by its slow clock, which reads 359 at 1250; true end 368. */
  const drifted = (over: Partial<LeaseSpan> = {}): LeaseSpan => ({
    node: 3, term: 1, granted: { t: 270, seq: 71 }, from: 224, to: 359, trueEnd: 368, ownEnd: 1250, end: null, endedBy: null,
    trueEndAt: { t: 368, seq: 80 }, reads: [], ...over,
  });
  const v = view({ start: 250, scale: 1, height: 500 });

  it('draws a band beside the leader\'s lane, to the playhead while it holds, red past its true end, with words where they fit', () => {
    const scene = buildScene(win([], { now: { t: 678, seq: 113 }, leases: [drifted()] }), v, (a) => a.label, () => '#000');
    const [l] = scene.leases;
    expect(l.x).toBe(nodeX(3, 5, v.width, 0) + LEASE_OFFSET);
    expect([l.y1, l.yTrue, l.y2, l.yRanOut]).toEqual([20, 118, 428, null]);
    expect(scene.labels.map((x) => x.text)).toEqual(['lease to 359 by S3\'s clock', 'true end 368 ms']);
    const pen = svgPen();
    paintScene(pen, scene, null, null);
    // Green to the true end, red and dashed from there to the playhead.
    expect(pen.elements).toContain(`<polyline points="${l.x} 20 ${l.x} 118" fill="none" stroke="${LIGHT.ok}" stroke-width="6"/>`);
    expect(pen.elements).toContain(`<polyline points="${l.x} 118 ${l.x} 428" fill="none" stroke="${LIGHT.danger}" stroke-width="6" stroke-dasharray="6 4"/>`);
  });

  it('a lease its clock ran out ends in a bar with when; a renewed one carries no words; no words past the playhead', () => {
    const ran = drifted({ trueEnd: 359, ownEnd: 359, trueEndAt: null, end: { t: 359, seq: 80 }, endedBy: 'ranOut' });
    const renewed = drifted({ node: 1, trueEndAt: null, trueEnd: 359, ownEnd: null, end: { t: 300, seq: 75 }, endedBy: 'renewed' });
    const scene = buildScene(win([], { now: { t: 447, seq: 99 }, leases: [renewed, ran] }), v, (a) => a.label, () => '#000');
    expect(scene.leases.map((l) => l.yRanOut)).toEqual([null, 109]);
    expect(scene.labels.map((x) => x.text)).toEqual(['lease to 359 ms', 'ran out 359 ms']);
    const late = buildScene(win([], { now: { t: 275, seq: 72 }, leases: [drifted({ trueEndAt: null })] }), v, (a) => a.label, () => '#000');
    expect(late.labels).not.toEqual([]);
    for (const x of late.labels) expect(x.y + 7).toBeLessThanOrEqual(late.playhead);
  });

  it('says each lease in words, with its true end where the leader\'s clock does not keep time', () => {
    const scene = buildScene(win([], { now: { t: 1015, seq: 188 }, leases: [drifted({ reads: [{ t: 1014, seq: 187 }] })] }), v, (a) => a.label, () => '#000');
    expect(leaseText(scene.leases[0])).toBe('S3\'s lease 224–359 ms by S3\'s clock, granted at 270 ms, holds now; true end 368 ms; S3\'s clock reads 359 ms at 1250 ms; 1 read answered on it');
    const kept = buildScene(win([], { leases: [drifted({ trueEnd: 359, ownEnd: 359, trueEndAt: null, end: { t: 300, seq: 75 }, endedBy: 'renewed' })] }), v, (a) => a.label, () => '#000');
    expect(leaseText(kept.leases[0])).toBe('S3\'s lease 224–359 ms by S3\'s clock, granted at 270 ms, renewed at 300 ms');
  });
});

describe('the time axis\'s labels', () => {
  // DejaVu Sans at 14 px, the widest common sans: digits 0.636 em, '.' and ' ' 0.318, 's' 0.521.
  const dejaVu = (text: string) => [...text].reduce((w, ch) => w + 14 * (ch >= '0' && ch <= '9' ? 0.636 : ch === 's' ? 0.521 : 0.318), 0);
  it('name the time whole, to the step\'s precision', () => {
    expect(secondsLabel(149_950, 50)).toBe('149.95 s');
    expect(secondsLabel(1_234_567, 1)).toBe('1234.567 s');
    expect(secondsLabel(36_000_000, 1000)).toBe('36000');
  });
  it('fit the gutter up to ten hours at every step, leading digits included', () => {
    for (const step of [1, 10, 100, 1000]) {
      for (const ms of [149_950, 999_999, 3_599_999, 9_999_999, 35_999_999]) {
        const t = ms - (ms % step);
        expect(dejaVu(secondsLabel(t, step)), `${t} ms at step ${step}`).toBeLessThanOrEqual(GUTTER - LABEL_GAP);
      }
    }
  });
});
