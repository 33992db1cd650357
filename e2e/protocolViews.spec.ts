import { expect, type Page, test } from '@playwright/test';
import { SCENARIO_VERSION } from '../src/scenario/defaults';
import { LESSONS } from '../src/scenario/lessons';
import { node, open, pause, play, scenarioUrl, seeLogs, setSpeed, shot, watchErrors } from './helpers';

/** S1 proposes; S2 proposes while S1's value is being chosen, so S2 learns it in the middle of its own prepare. */
const DUEL = {
  protocol: 'paxos', nodes: 5,
  actions: [{ at: 100, type: 'request', node: 1, command: 'set x 2' }, { at: 135, type: 'request', node: 2, command: 'set y 3' }],
};

const proposerCell = (page: Page, id: number) => page.locator(`.paxos-table tr[data-node-id="${id}"] td.proposer`);

test.describe('Paxos and Multi-Paxos in their own words', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('the Paxos table says what became of each proposal', async ({ page }) => {
    await open(page, scenarioUrl(DUEL, 400));
    // S1's value was chosen at its ballot; four acceptors took it.
    await expect(proposerCell(page, 1)).toHaveText('done: its proposal "set x 2" is chosen at (1, S1), accepted by 4 (3 needed)');
    // S2 learned S1's value before it had promises enough to propose anything.
    await expect(proposerCell(page, 2)).toHaveText('done: "set x 2" is chosen, not its own "set y 3"');
    await expect(page.locator('.paxos-table')).not.toContainText('null');
    await expect(proposerCell(page, 3)).toHaveText('—');
    await open(page, scenarioUrl(DUEL, 131));
    await expect(proposerCell(page, 1)).toHaveText('prepare (1, S1) for "set x 2" · 2 of 3 promises');
  });

  test('Multi-Paxos details count applied slots from none', async ({ page }) => {
    await open(page, scenarioUrl({ protocol: 'multipaxos', nodes: 3, actions: [{ at: 400, type: 'request', node: 1, command: 'set x 1' }] }, 100));
    await node(page, 1).click();
    const applied = page.locator('.details dt', { hasText: /^applied/ }).locator('xpath=following-sibling::dd[1]');
    await expect(applied).toHaveText('none yet');
    await page.goto('about:blank');
    await open(page, scenarioUrl({ protocol: 'multipaxos', nodes: 3, actions: [{ at: 400, type: 'request', node: 1, command: 'set x 1' }] }, 700));
    await node(page, 1).click();
    await expect(applied).toHaveText('slot 1');
  });

  test('the Multi-Paxos legend names HeartbeatAck only in runs whose reads confirm leadership', async ({ page }) => {
    const legend = page.locator('.legend');
    for (const [url, shown] of [['./#lesson=multipaxos-stale-read', false], ['./#lesson=multipaxos-read-index', true], [scenarioUrl({ protocol: 'multipaxos', nodes: 3 }), false]] as const) {
      await open(page, url);
      await expect(legend).toContainText('Heartbeat');
      if (shown) await expect(legend).toContainText('HeartbeatAck (reads)');
      else await expect(legend).not.toContainText('HeartbeatAck');
    }
  });

  test('the timeline and cluster settings use each protocol\'s own names', async ({ page }) => {
    const keys = page.locator('.timeline-keys');
    await open(page, scenarioUrl({ protocol: 'paxos', nodes: 3 }));
    await expect(keys).toHaveText(/prepare \(new ballot\)\s*learned\s*fault/);
    await expect(keys).not.toContainText('election');
    await expect(page.getByLabel('Retry / backoff min (ms)')).toBeVisible();
    await expect(page.getByLabel(/Election timeout/)).toHaveCount(0);
    await expect(page.getByLabel('Heartbeat (ms)')).toHaveCount(0);
    await expect(page.getByLabel('Randomized backoff')).toBeVisible();

    await open(page, scenarioUrl({ protocol: 'multipaxos', nodes: 3 }));
    await expect(keys).toHaveText(/phase 1 \(candidate\)\s*new leader\s*decided\s*fault/);
    await expect(page.getByLabel('Leader timeout min (ms)')).toBeVisible();
    await expect(page.getByLabel('Heartbeat (ms)')).toBeVisible();
    await expect(page.getByLabel(/Election timeout/)).toHaveCount(0);
    await expect(page.getByLabel('No-op on election')).toHaveCount(0);

    // Choosing another protocol for the next cluster offers that protocol's settings at once.
    await page.getByLabel('Protocol').selectOption('raft');
    await expect(page.getByLabel('Election timeout min (ms)')).toBeVisible();
    await expect(page.getByLabel('No-op on election')).toBeVisible();
  });

  test('a proposed value stays inside its server\'s circle', async ({ page }) => {
    for (const nodes of [3, 9]) {
      await open(page, scenarioUrl({ protocol: 'paxos', nodes, actions: [{ at: 100, type: 'request', node: 1, command: 'set temperature 451' }] }, 400));
      await expect(page.locator('.paxos-table tr[data-learned="set temperature 451"]')).toHaveCount(nodes);
      const spill = await page.locator('g.node').evaluateAll((glyphs) => glyphs.flatMap((g) => {
        const circle = g.querySelector('circle:not(.node-focus)')!.getBoundingClientRect();
        return [...g.querySelectorAll('text.node-line')].map((t) => t.getBoundingClientRect())
          .filter((b) => b.left < circle.left || b.right > circle.right)
          .map((b) => `${g.getAttribute('data-node-id')}: ${Math.round(b.left - circle.left)}..${Math.round(b.right - circle.left)} of ${Math.round(circle.width)}`);
      }));
      expect(spill).toEqual([]);
      // And the labels under the circles ("LEARNED "set tempe…"") do not run into each other.
      const clashes = await page.locator('g.node text.node-role').evaluateAll((labels) => {
        const boxes = labels.map((t) => t.getBoundingClientRect());
        return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map(() => i + 1));
      });
      expect(clashes).toEqual([]);
    }
  });

  test('at 1280x720 a proposer\'s label is whole: on a server at the side of seven, inside the view, its phase named', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // S3 and S6 sit at the sides of seven; both propose.
    await open(page, scenarioUrl({ protocol: 'paxos', nodes: 7, actions: [{ at: 100, type: 'request', node: 3, command: 'blue' }, { at: 100, type: 'request', node: 6, command: 'red' }] }, 101));
    const role = (id: number) => node(page, id).locator('text.node-role');
    for (const id of [3, 6]) await expect(role(id)).toHaveText(/PREPARE$/);
    // The SVG clips what runs past its edge: "PROPOSER · PREPA" was all S3 showed.
    const cut = await page.locator('svg.cluster-servers').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('g.node text.node-role')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5).map(({ text, r }) => `${text} ${Math.round(r.left)}..${Math.round(r.right)} of ${Math.round(box.left)}..${Math.round(box.right)}`);
    });
    expect(cut).toEqual([]);
    await shot(page, 'paxos-seven-proposers-1280');
  });

  test('at 1280x720 a Paxos table row is one line but for the proposer\'s sentence, in every Paxos lesson; a long value is cut, whole in its title and text', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // Every cell but the proposer's keeps to one line: no wrap in a cell (wrapped, "red" at (2, S5) stood on two lines).
    const wrapped = () => page.locator('.paxos-table tbody tr').evaluateAll((rows) => rows.flatMap((tr) => [...tr.querySelectorAll('th, td:not(.proposer)')]
      .filter((c) => { const r = document.createRange(); r.selectNodeContents(c); const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.bottom))); return lines.size > 1; })
      .map((c) => `${tr.getAttribute('data-node-id')}: ${(c as HTMLElement).innerText}`)));
    for (const lesson of LESSONS.filter((l) => l.scenario.protocol === 'paxos')) {
      const id = lesson.id;
      // At its last step: every proposal made, every value accepted and learned.
      await open(page, `./#lesson=${id}&t=${lesson.scenario.narration!.at(-1)!.at}`);
      await expect(page.locator('.paxos-table tbody tr')).not.toHaveCount(0);
      expect(await wrapped(), id).toEqual([]);
    }
    const value = 'set the temperature of the lecture hall to 21';
    await open(page, scenarioUrl({ protocol: 'paxos', nodes: 5, actions: [{ at: 100, type: 'request', node: 1, command: value }] }, 400));
    const row = page.locator(`.paxos-table tr[data-node-id="1"][data-learned="${value}"]`);
    await expect(row).toHaveCount(1);
    expect(await wrapped()).toEqual([]);
    const accepted = row.locator('td.paxos-accepted');
    await expect(accepted).toHaveAttribute('title', new RegExp(`^"${value}" at `));
    await expect(accepted).toContainText(`"${value}"`);
    await expect(row.locator('td.learned')).toHaveAttribute('title', `"${value}"`);
    // Cut on screen: the value's box is narrower than its text.
    expect(await accepted.locator('.paxos-value').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await shot(page, 'paxos-table-long-value-1280');
  });

  test('a fresh Paxos cluster says it waits for a proposal, until one is made', async ({ page }) => {
    await open(page, scenarioUrl({ protocol: 'paxos', nodes: 5 }));
    await setSpeed(page, 1);
    await play(page);
    const hint = page.locator('.cluster-hint');
    await expect(hint).toContainText('Paxos waits for a proposal');
    await shot(page, 'paxos-waits');
    await node(page, 3).click();
    await page.getByRole('button', { name: 'Propose at S3' }).click();
    await expect(hint).toHaveCount(0);
    await pause(page);
  });
});

test.describe('Raft: a leader\'s inherited entries', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  // S1 leads term 1 and replicates "set x 1" but crashes before any acknowledgement returns; S2 then leads term 2.
  const INHERIT = [
    { at: 5, type: 'timeout', node: 1 }, { at: 100, type: 'request', node: 1, command: 'set x 1' },
    { at: 118, type: 'crash', node: 1 }, { at: 200, type: 'timeout', node: 2 },
  ];

  test('without the no-op, the logs say why the entry waits, until a command of the new term commits it', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 3, seed: 3, options: { noopOnElection: false }, actions: INHERIT }, 600));
    await seeLogs(page);
    const note = page.locator('.logs .table-note');
    await expect(note).toHaveText(/^Leader S2 cannot commit entry 1 \(an older term\) by counting; it commits when an entry of term 2 /);
    await expect(page.locator('.log-cell[data-node-id="2"][data-index="1"]')).toHaveAttribute('data-committed', 'false');
    await shot(page, 'raft-older-term-waits');
    await node(page, 2).click();
    await page.getByLabel('Command for S2').fill('set y 2');
    await page.getByRole('button', { name: 'Send to S2' }).click();
    await setSpeed(page, 1);
    await play(page);
    await seeLogs(page);
    await expect(page.locator('.log-cell[data-node-id="2"][data-index="1"]')).toHaveAttribute('data-committed', 'true');
    await expect(note).toHaveCount(0);
    await pause(page);
  });

  test('a new Raft cluster appends a no-op on election, so the inherited entry commits at once', async ({ page }) => {
    // A scenario of the current format that leaves the option out (version 1 meant it off).
    await open(page, scenarioUrl({ version: SCENARIO_VERSION, nodes: 3, seed: 3, actions: INHERIT }, 600));
    await seeLogs(page);
    // S1's no-op of term 1, then its "set x 1", then S2's no-op of term 2, which commits what it inherited.
    await expect(page.locator('.log-cell[data-node-id="2"][data-index="2"]')).toHaveAttribute('title', 'index 2, term 1: set x 1 (committed)');
    await expect(page.locator('.log-cell[data-node-id="2"][data-index="3"]')).toHaveAttribute('title', 'index 3, term 2: noop (committed)');
    await expect(page.locator('.logs .table-note')).toHaveCount(0);
    await open(page, './');
    await expect(page.getByLabel('No-op on election')).toBeChecked();
  });
});
