import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { leaders, node, open, pause, play, scenarioUrl, setSpeed, shot, theLeader, watchErrors } from './helpers';

const cell = (page: Page, id: number, index: number) => page.locator(`.log-cell[data-node-id="${id}"][data-index="${index}"]`);

/** What each lesson shows at its end, read off the screen. */
/** Atomic commit: where a participant stands on t1, from the transactions table. */
const standing = (page: Page, id: number) => page.locator(`[data-protocol-table] tr[data-row="t1"] td[data-col="S${id}"]`);
async function allParticipants(page: Page, tone: string): Promise<void> {
  for (const id of [2, 3, 4]) await expect(standing(page, id)).toHaveAttribute('data-tone', tone);
}

const OUTCOMES: Record<string, (page: Page) => Promise<void>> = {
  'atomic-2pc-commit': (page) => allParticipants(page, 'committed'),
  'atomic-2pc-no': (page) => allParticipants(page, 'aborted'),
  'atomic-2pc-blocking': (page) => allParticipants(page, 'committed'),
  'atomic-3pc-crash': (page) => allParticipants(page, 'aborted'),
  'atomic-2pc-locks': async (page) => {
    const cellOf = (tx: string, id: number) => page.locator(`[data-protocol-table] tr[data-row="${tx}"] td[data-col="S${id}"]`);
    for (const id of [2, 3, 4]) {
      await expect(cellOf('t1', id)).toHaveAttribute('data-tone', 'committed');
      await expect(cellOf('t2', id)).toHaveAttribute('data-tone', 'aborted');
      await expect(cellOf('t3', id)).toHaveAttribute('data-tone', 'committed');
    }
  },
  'atomic-3pc-partition': async (page) => {
    await expect(standing(page, 2)).toHaveAttribute('data-tone', 'committed');
    for (const id of [3, 4]) await expect(standing(page, id)).toHaveAttribute('data-tone', 'aborted');
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'false');
  },
  'atomic-raft-contrast': async (page) => {
    const leader = await theLeader(page);
    expect(leader.id).not.toBe(1);
    expect(leader.term).toBeGreaterThan(1);
  },
  'raft-election': async (page) => {
    expect(await theLeader(page)).toEqual({ id: 3, term: 1 });
  },
  // The network by hand (issue 15): what the adversary's script leaves, as the Node test reads it.
  'raft-split-forever': async (page) => {
    await expect(leaders(page)).toHaveCount(0);
    for (let id = 1; id <= 4; id++) await expect(node(page, id)).toContainText('term 3');
  },
  'raft-any-order': async (page) => {
    expect(await theLeader(page)).toEqual({ id: 5, term: 1 });
  },
  'raft-three-way': async (page) => {
    await expect(leaders(page)).toHaveCount(1);
  },
  'paxos-flp': async (page) => {
    await expect(page.locator('g.node[data-role="learned"]')).toHaveCount(0);
  },
  'raft-split-vote': async (page) => {
    expect((await theLeader(page)).term).toBeGreaterThanOrEqual(2);
  },
  'raft-replication': async (page) => {
    for (let id = 1; id <= 5; id++) await expect(cell(page, id, 1)).toHaveAttribute('data-committed', 'true');
    await expect(page.locator('.log-row[data-node-id] .log-kv')).toHaveText(Array(5).fill('x=1'));
  },
  'raft-leader-crash': async (page) => {
    await expect(node(page, 1)).toHaveAttribute('data-up', 'false');
    const l = await theLeader(page);
    expect(l.id).not.toBe(1);
    expect(l.term).toBeGreaterThan(1);
  },
  'raft-split-brain': async (page) => {
    expect((await theLeader(page)).term).toBeGreaterThanOrEqual(2);
    for (let id = 1; id <= 5; id++) {
      await expect(cell(page, id, 1)).toHaveAttribute('title', /set kept 1 \(committed\)/);
      await expect(cell(page, id, 2)).toHaveCount(0);
    }
  },
  'raft-persistence': async (page) => {
    await expect(node(page, 2)).toHaveAttribute('data-up', 'true');
    await expect(cell(page, 2, 2)).toHaveAttribute('data-committed', 'true');
    await node(page, 2).click();
    await expect(page.getByRole('region', { name: 'S2 details' })).toContainText('votedForS1');
  },
  'raft-figure8': async (page) => {
    expect(await theLeader(page)).toEqual({ id: 5, term: 4 });
    await expect(cell(page, 5, 1)).toHaveAttribute('title', /set y 2/);
  },
  'raft-lossy-network': async (page) => {
    await expect(leaders(page)).toHaveCount(1);
  },
  'paxos-basic': async (page) => {
    await expect(page.locator('tr[data-learned="blue"]')).toHaveCount(5);
    await expect(page.locator('g.node[data-role="learned"]')).toHaveCount(5);
  },
  'paxos-acceptor-failure': async (page) => {
    await expect(node(page, 4)).toHaveAttribute('data-up', 'false');
    await expect(page.locator('tr[data-learned="blue"]')).toHaveCount(4);
  },
  'paxos-livelock': async (page) => {
    await expect(page.locator('tr[data-learned=""]')).toHaveCount(5);
  },
  'paxos-backoff': async (page) => {
    const learned = await page.locator('tr[data-learned]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-learned')));
    expect(learned).toHaveLength(5);
    expect(new Set(learned).size).toBe(1);
    expect(learned[0]).not.toBe('');
  },
  'multipaxos-failover': async (page) => {
    await expect(node(page, 4)).toHaveAttribute('data-role', 'leader');
    for (const id of [2, 3, 4]) {
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-slot="2"]`)).toHaveAttribute('data-value', 'noop');
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-slot="3"]`)).toHaveAttribute('data-value', 'set c 3');
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-slot="4"]`)).toHaveAttribute('data-decided', 'true');
    }
  },
  'raft-majority': async (page) => {
    expect(await theLeader(page)).toEqual({ id: 1, term: 1 });
    await expect(node(page, 3)).toHaveAttribute('data-up', 'false');
    for (const id of [1, 2]) await expect(cell(page, id, 4)).toHaveAttribute('data-committed', 'true');
  },
  'raft-false-suspicion': async (page) => {
    expect(await theLeader(page)).toEqual({ id: 3, term: 2 });
    await expect(page.locator('g.node[data-up="true"]')).toHaveCount(5);
    await expect(cell(page, 1, 4)).toHaveAttribute('title', /set b 2 \(committed\)/);
  },
  'raft-transfer': async (page) => {
    expect(await theLeader(page)).toEqual({ id: 4, term: 3 });
    await expect(node(page, 3)).toHaveAttribute('data-up', 'false');
    await expect(cell(page, 1, 2)).toHaveAttribute('title', /set a 1 \(committed\)/);
  },
  'paxos-proposer-early-failure': async (page) => {
    await expect(node(page, 1)).toHaveAttribute('data-up', 'false');
    await expect(page.locator('tr[data-learned="green"]')).toHaveCount(4);
  },
  'paxos-learner-catchup': async (page) => {
    await expect(page.locator('tr[data-learned="blue"]')).toHaveCount(5);
    await node(page, 4).click();
    await expect(page.getByRole('region', { name: 'S4 details' })).toContainText('proposal (proposer)"blue"');
  },
  'multipaxos-pipelining': async (page) => {
    for (let id = 1; id <= 5; id++) {
      for (const slot of [1, 2, 3, 4]) await expect(page.locator(`.log-cell[data-node-id="${id}"][data-slot="${slot}"]`)).toHaveAttribute('data-decided', 'true');
    }
  },
  'paxos-proposer-failure': async (page) => {
    await expect(page.locator('tr[data-learned="red"]')).toHaveCount(3);
    await expect(page.locator('tr[data-learned="green"]')).toHaveCount(0);
    await node(page, 5).click();
    await expect(page.getByRole('region', { name: 'S5 details' })).toContainText('proposal (proposer)"red"');
  },
  'raft-stale-read': async (page) => {
    await expect(page.locator('.hist-bar[data-stale="true"]')).toHaveAttribute('aria-label', /Client 2: get x → 1, ok/);
    await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'false');
  },
  'raft-read-log': async (page) => {
    await expect(page.locator('.hist-bar', { hasText: 'get x → 2' })).toHaveAttribute('aria-label', /S4 · log index 5/);
  },
  'raft-read-index': async (page) => {
    await expect(page.locator('.hist-bar', { hasText: 'get x → 2' })).toHaveAttribute('aria-label', /S4 · read index/);
  },
  'raft-read-lease': async (page) => {
    await expect(page.locator('.hist-bar', { hasText: 'get x → 2' })).toHaveAttribute('aria-label', /S1 · on its lease, index/);
    await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'true');
  },
  'raft-lease-drift': async (page) => {
    await expect(page.locator('.hist-bar[data-stale="true"]')).toHaveAttribute('aria-label', /Client 2: get x → 1, ok, 1000 to 1025 ms; S3 · on its lease, index/);
    await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'false');
  },
  'raft-fencing': async (page) => {
    await expect(page.locator('.hist-bar', { hasText: 'write x 3 → failed' })).toHaveAttribute('aria-label', /token 2 is lower than 4/);
    await expect(page.getByRole('group', { name: 'Storage node' }).locator('[data-storage-key="x"]')).toHaveAttribute('data-value', '2');
  },
  'raft-fencing-off': async (page) => {
    await expect(page.getByRole('group', { name: 'Storage node' }).locator('[data-storage-key="x"]')).toHaveAttribute('data-value', '3');
    await expect(page.locator('[data-check="fencing"]')).toHaveAttribute('data-ok', 'false');
  },
  'multipaxos-stale-read': async (page) => {
    await expect(page.locator('.hist-bar[data-stale="true"]')).toHaveAttribute('aria-label', /Client 2: get x → 1, ok, 1100 to 1125 ms; S1/);
    await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'false');
  },
  'multipaxos-read-index': async (page) => {
    await expect(page.locator('.hist-bar', { hasText: 'get x → 2' })).toHaveAttribute('aria-label', /S5 · read index/);
    await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'true');
  },
  'raft-exactly-once': async (page) => {
    await expect(page.locator('.hist-bar[data-outcome="ok"]')).toHaveText(['incr n → 1', 'incr n → 2']);
    await expect(page.locator('section.logs .log-kv')).toHaveText(['state machine', 'n=2', 'n=2', 'n=2', 'n=2', 'n=2']);
  },
};

/**
 * The lessons' outcomes share one page per Playwright worker, as the lesson walks of
 * projector.spec.ts do: each lesson opens by its link in the page already open (the hash
 * changes, the app loads the lesson). A new context and a cold start of the app cost more
 * than the seek and the checks. (A failed test ends its worker, and with it this page.)
 */
const lessonTest = test.extend<object, { lessonTab: Page }>({
  lessonTab: [async ({ browser }, use, workerInfo) => {
    const { baseURL, serviceWorkers, viewport } = workerInfo.project.use;
    const context = await browser.newContext({ baseURL, serviceWorkers, viewport });
    const page = await context.newPage();
    await open(page);
    await use(page);
    await context.close();
  }, { scope: 'worker' }],
  page: async ({ lessonTab }, use) => {
    // What one lesson's checks selected (a server) is let go before the next opens.
    await use(lessonTab);
    await lessonTab.keyboard.press('Escape');
  },
});

/** Opens a lesson at a moment in the page already open, and waits until the page shows it there. */
async function openLessonAt(page: Page, lesson: (typeof LESSONS)[number], t: number): Promise<void> {
  await page.goto(`./#lesson=${lesson.id}&t=${t}`);
  await page.waitForFunction(({ title, t, nodes }) => document.querySelector('header h1')?.getAttribute('title')?.endsWith(` · ${title}`)
    && document.querySelector('[data-virtual-time]')?.getAttribute('data-virtual-time') === String(t)
    && document.querySelectorAll('g.node').length === nodes,
  { title: lesson.scenario.title!, t, nodes: lesson.scenario.nodes }, { polling: 'raf', timeout: 15_000 });
}

test.describe('lessons, links and bad input', () => {
  // Every test opens its own page: both workers may share the file's forty-odd lessons.
  test.describe.configure({ mode: 'parallel' });
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  for (const lesson of LESSONS) {
    lessonTest(`lesson ${lesson.id} opens from its link and reaches its outcome`, async ({ page }) => {
      await openLessonAt(page, lesson, lesson.endsAt);
      await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', String(lesson.endsAt));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(lesson.scenario.title!);
      await OUTCOMES[lesson.id](page);
      // Safe, unless the lesson sets out to show a check failing (3PC under a partition).
      await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', String(lesson.violates === undefined));
      await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(lesson.violates?.length ?? 0);
      await shot(page, `lesson-${lesson.id}`);
    });
  }

  test('narration: Page Down plays to the next step and pauses there; Page Up goes back', async ({ page }) => {
    await open(page, './#lesson=raft-election');
    await setSpeed(page, 1);
    const text = page.locator('.narration-text');
    await expect(text).toContainText('Five servers start as followers');
    await page.keyboard.press('PageDown');
    await expect(text).toContainText('we make S3 time out');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '101');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(text).toContainText('A follower grants its vote');
    await page.keyboard.press('PageUp');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '101');
  });

  test('a lecturer writes narration and it travels in the share link', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Add narration…' }).click();
    await page.getByLabel('New narration step').fill('<b>Not bold</b> <script>alert(1)</script>');
    await page.getByRole('button', { name: /Add a step at/ }).click();
    await page.getByRole('button', { name: 'Share…' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    await page.goto(link);
    await expect(page.locator('.narration-text')).toHaveText('<b>Not bold</b> <script>alert(1)</script>');
    await expect(page.locator('.narration-text b')).toHaveCount(0);
  });

  test('a broken link opens a working default cluster with a message saying what was wrong', async ({ page }) => {
    await open(page, './#s=N4Ig-this-is-not-a-scenario');
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    await expect(page.locator('g.node')).toHaveCount(5);
    await setSpeed(page, 1);
    await play(page);
    await theLeader(page);
    await shot(page, 'broken-link');
  });

  test('a link cut short says so and opens a default cluster; a version-1 link still opens its run', async ({ page }) => {
    const link = scenarioUrl({ nodes: 3, title: 'Cut on its way' });
    await open(page, link.slice(0, -12));
    await expect(page.getByRole('alert')).toContainText('the link is damaged: it was cut short');
    await expect(page.locator('g.node')).toHaveCount(5);
    await shot(page, 'link-cut-short');
    const corpus: { linkVersion: number; name: string; link: string }[] = JSON.parse(readFileSync(join(import.meta.dirname, '../src/scenario/linkCorpus.json'), 'utf8'));
    const old = corpus.find((c) => c.linkVersion === 1 && c.name === 'lesson paxos-livelock')!;
    await page.goto('about:blank');
    await open(page, `./${old.link.slice(old.link.indexOf('#'))}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Dueling proposers: livelock without backoff');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a hostile link cannot inject markup', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 3, title: '<img src=x onerror=alert(1)>', narration: [{ at: 0, text: '<img src=x onerror=alert(2)>' }] }));
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('.narration-text')).toHaveText('<img src=x onerror=alert(2)>');
  });

  test('opening a bad link while a run is open keeps the run', async ({ page }) => {
    await open(page, './#lesson=raft-replication&t=500');
    await page.evaluate(() => { window.location.hash = 's=%%%'; });
    await expect(page.getByRole('alert')).toContainText('The current run is kept');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '500');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Log replication');
  });

  test('a shared link reproduces the same run: same trace hash after reload, and in npm run sim', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 5, seed: 21, network: { dropRate: 0.1, duplicateRate: 0.1 } }));
    await setSpeed(page, 1);
    await play(page);
    const { id } = await theLeader(page);
    await node(page, id).click();
    await page.getByRole('button', { name: `Crash S${id}` }).click();
    await page.waitForTimeout(400);
    await pause(page);
    const hash = await page.locator('[data-trace-hash]').getAttribute('data-trace-hash');
    await page.getByRole('button', { name: 'Share…' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    const t = Number(/&t=(\d+)$/.exec(link)![1]);
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', String(t));
    await expect(page.locator('[data-trace-hash]')).toHaveAttribute('data-trace-hash', hash!);
    await expect(node(page, id)).toHaveAttribute('data-up', 'false');
    const sim = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', link, '--until', String(t)], { encoding: 'utf8' });
    expect(JSON.parse(sim.stdout.trim().split('\n').at(-1)!).summary.traceHash).toBe(hash);
  });
});
