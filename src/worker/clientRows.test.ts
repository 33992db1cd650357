import { describe, expect, it } from 'vitest';
import { CLIENT_LESSONS } from '../scenario/clientLessons';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';
import type { SpaceTimeQuery } from './spacetime';

const whole = (to: number): SpaceTimeQuery => ({ axis: 'time', from: 0, to, limit: 10_000 });
const brief = (a: { dir: string; client: number; node: number; why: string | null; reply: string | null; fate: string; outcome: string | null }) =>
  `${a.dir === 'request' ? `c${a.client}->S${a.node} ${a.why}` : `S${a.node}->c${a.client} ${a.reply}`} ${a.fate}${a.outcome !== null ? ` ${a.outcome}` : ''}`;

describe('clients on the space-time diagram', () => {
  // Lesson C4: the reply to incr n is lost, the client retries at S2, is redirected to S1, and S1 answers from its session.
  const lesson = CLIENT_LESSONS.find((l) => l.id === 'raft-exactly-once')!;
  const parsed = parseScenario(lesson.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));

  it('draws a request, its lost reply, the retry after the timeout, the redirect and the answer, in the order they were sent', () => {
    const c = new Controller(parsed.scenario);
    c.seekTime(420);
    const w = c.spaceTimeWindow(whole(420));
    expect(w.clientCount).toBe(1);
    expect(w.clients.map(brief)).toEqual([
      'c1->S1 first delivered unknown',
      'S1->c1 ok lost',
      'c1->S2 retry delivered answered',
      'S2->c1 redirect delivered',
      'c1->S1 redirect delivered answered',
      'S1->c1 ok delivered',
    ]);
    const [first, lostReply, retry, , redirected] = w.clients;
    // The first attempt is unknown to the client from its timeout (sent at 200, timeout 100 ms).
    expect(first.sent.t).toBe(200);
    expect(first.outcomeAt?.t).toBe(300);
    expect(retry.sent).toEqual(first.outcomeAt);
    // The redirected request leaves as the redirect arrives.
    expect(redirected.sent).toEqual(w.clients[3].end);
    // A reply names the operation of the request it answers, and every arrow has its own key.
    expect(new Set(w.clients.map((a) => a.op))).toEqual(new Set([1]));
    expect(new Set(w.clients.map((a) => a.key)).size).toBe(w.clients.length);
    expect(lostReply.label).toBe('ok: 1');
    expect(retry.label).toBe('incr n (try 2)');
  });

  it('gives the History tab every attempt of the operation, each as it is sent, on its way or arrived', () => {
    const c = new Controller(parsed.scenario);
    const tries = (t: number) => {
      c.seekTime(t);
      return c.snapshot().clients!.attempts.map((a) => `${a.op}#${a.attempt} ${a.why} S${a.to} ${a.at}`);
    };
    expect(tries(250)).toEqual(['1#1 first S1 200']);
    expect(tries(301)).toEqual(['1#1 first S1 200', '1#2 retry S2 300']);
    const all = tries(420);
    expect(all).toHaveLength(3);
    expect(all.slice(0, 2)).toEqual(['1#1 first S1 200', '1#2 retry S2 300']);
    expect(all[2]).toMatch(/^1#3 redirect S1 3\d\d$/);
    // Back in time, the later attempts are gone again.
    expect(tries(250)).toEqual(['1#1 first S1 200']);
  });

  it('as the run stood at an earlier moment: the request waits, its reply still on its way or not yet sent', () => {
    const c = new Controller(parsed.scenario);
    c.seekTime(420);
    c.seekTime(230);
    const w = c.spaceTimeWindow(whole(230));
    expect(w.clients.map(brief)).toEqual(['c1->S1 first delivered waiting']);
    expect(w.clients[0].outcomeAt).toBeNull();
    c.seekTime(201);
    expect(c.spaceTimeWindow(whole(201)).clients.map(brief)).toEqual(['c1->S1 first in-flight waiting']);
  });

  it('a client that gets no reply gives up: each attempt lost at a server that is down, the last one drawn as given up', () => {
    const r = parseScenario({
      version: 2, protocol: 'raft', nodes: 3, seed: 1, clients: { count: 1, timeout: 100, tries: 2 },
      actions: [{ at: 5, type: 'crash', node: 1 }, { at: 5, type: 'crash', node: 2 }, { at: 5, type: 'crash', node: 3 }, { at: 50, type: 'invoke', client: 1, op: 'set x 1', node: 1 }],
    });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const c = new Controller(r.scenario);
    c.seekTime(400);
    const w = c.spaceTimeWindow(whole(400));
    expect(w.clients.map(brief)).toEqual(['c1->S1 first lost unknown', 'c1->S2 retry lost gave up']);
    expect(w.clients[1].outcomeAt?.t).toBe(250);
    // Going back before the give-up, and acting there, forgets it: the second attempt waits again.
    c.seekTime(200);
    expect(c.spaceTimeWindow(whole(200)).clients.map(brief)).toEqual(['c1->S1 first lost unknown', 'c1->S2 retry lost waiting']);
  });
});
