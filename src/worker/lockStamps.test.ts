import { describe, expect, it } from 'vitest';
import { lessonById, lessonScenario } from '../scenario/lessons';
import { parseScenario } from '../scenario/validate';
import type { ScenarioInput } from '../scenario/schema';
import { Controller } from './controller';

function controller(input: ScenarioInput): Controller {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(p.errors.join('; '));
  return new Controller(p.scenario);
}

/** The lock leases the History panel gets at true time `t`. */
function leasesAt(c: Controller, t: number) {
  c.seekTime(t);
  return c.snapshot().clients!.leases;
}

describe('lock leases in true time', () => {
  const c7 = lessonScenario(lessonById('raft-fencing')!);

  it('C7: S1\'s clock keeps time, so client 1\'s lease is 163–463 ms by its stamp and in true time alike', () => {
    expect(leasesAt(controller(c7), 852)[0]).toMatchObject({ client: 1, token: 2, from: 163, until: 463, clock: { node: 1, from: 163, until: 463 } });
  });

  it('C7 with S1\'s clock at half speed from 100 ms: the stamp reads less than true time, and the lease ends later in true time than its stamp says', () => {
    const slow = controller({ ...c7, actions: [{ at: 100, type: 'drift', node: 1, rate: 0.5 }, ...c7.actions!] });
    const [lease] = leasesAt(slow, 700);
    expect(lease.client).toBe(1);
    const clock = lease.clock!;
    expect(clock.node).toBe(1);
    // Stamped when S1's clock read 100 + (true - 100) / 2 (rounded); it reads the end 300 ms of its own later, about 600 ms of true time.
    expect(clock.from).toBe(Math.round(100 + (lease.from - 100) / 2));
    expect(clock.until - clock.from).toBe(300);
    expect(lease.until).toBe(100 + (clock.until - 100) * 2);
    expect(lease.until - lease.from).toBeGreaterThan(599);
  });
});
