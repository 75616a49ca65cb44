/**
 * The service view in a real browser (Debian's Chromium through playwright-core): the real bot in
 * local mode, the real page, service API, case list, case view and identity. Every check compares
 * the page with the answers the page itself received from the server.
 * Opens the view in the three Teams themes at full width and at 320 px, checks the charts' text
 * alternatives, numbers, contrast and width, and saves docs/images/service-*.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab';
import type { ServiceAnswer, ServiceCasesAnswer } from '../../domain/service/types';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { startMeeting } from '../../domain/meeting';
import { GUARDS_OK } from '../meeting/meetingFixtures';
import { PG, storeCase } from './tabFixtures';
import { openTabBrowser, type TabBrowser } from './tabBrowser';

const NOW = new Date('2026-12-03T10:00:00Z');
const IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');
const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDE = { width: 1100, height: 1000 };

jest.setTimeout(90_000);


/**
 * WCAG contrast of the first element matching `selector` (its text colour, or a shape's fill or
 * stroke) against the page background, from the colours the browser resolved; -1 when there is no
 * such element. A string: the test's tsconfig has no DOM types.
 */
const CONTRAST = `(([selector, property]) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const el = document.querySelector(selector);
  if (!el) return -1;
  const fg = lum(rgb(getComputedStyle(el)[property]));
  const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
})`;

/** page.waitForFunction evaluates its string with eval, which the page's CSP rightly refuses. */
async function waitUntil(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function casesText(n: number): string {
  return n === 1 ? '1 case' : `${n} cases`;
}

describe('service view in Chromium (local mode)', () => {
  let t: TestBot;
  let browser: TabBrowser;
  let page: Page;
  /** The answer on screen, as the page received it. */
  let shown: ServiceAnswer;

  const contrast = (selector: string, property: 'color' | 'fill' | 'stroke'): Promise<number> => page.evaluate(`${CONTRAST}(${JSON.stringify([selector, property])})`);
  const scrollWidth = (): Promise<number> => page.evaluate('document.documentElement.scrollWidth');
  const focusedId = (): Promise<string> => page.evaluate('document.activeElement && document.activeElement.id');
  /** The next answer of one API path the page receives (from the server). */
  const answerOf = (pathname: string, user?: string): Promise<Response> =>
    page.waitForResponse((r) => new URL(r.url()).pathname === pathname && (user === undefined || r.request().headers()['x-dashboard-user'] === user));
  const serviceAfter = async (action: () => Promise<unknown>): Promise<{ res: Response; answer: ServiceAnswer }> => {
    const [res] = await Promise.all([answerOf('/tab/api/service'), action()]);
    expect(res.status()).toBe(200);
    const answer = (await res.json()) as ServiceAnswer;
    await page.locator('#service-period-label', { hasText: `${answer.periodLabel}: ${casesText(answer.caseCount)}.` }).waitFor();
    return { res, answer };
  };
  const sent = (res: Response) => ({ user: res.request().headers()['x-dashboard-user'], query: Object.fromEntries(new URL(res.url()).searchParams) });
  const navTo = (name: 'Cases' | 'Service') => page.locator('#nav').getByRole('button', { name, exact: true }).click();

  async function signInAs(userId: string, query = ''): Promise<void> {
    await page.goto(`${t.bot.url}/tab/${query}`);
    await page.getByLabel('View as').selectOption(userId);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
  }

  beforeAll(async () => {
    await buildTab();
    t = await startTestBot({}, { now: () => NOW });
    await storeCase(t.bot.store, {
      reference: 'SM-2026-033',
      mediator: PG.maya,
      parties: [[PG.sam, 'parent_carer']],
      caseType: 'M-ASSESS',
      dates: { decisionNoticeSent: '2026-10-05', laInformed: '2026-10-20' },
      createdAt: new Date('2026-10-20T09:00:00Z'),
    });
    const held = await storeCase(t.bot.store, {
      reference: 'SM-2026-041',
      mediator: PG.maya,
      parties: [[PG.sam, 'parent_carer']],
      dates: { laInformed: '2026-11-16', meetingDate: '2026-12-02' },
      createdAt: new Date('2026-11-16T09:00:00Z'),
    });
    // Held on 2 December, 16 days after the LA was told: on time, and a lead time to show.
    await t.bot.store.meetings.start(held.id, (previous) => startMeeting(held, previous, PG.maya.aadObjectId, { guards: GUARDS_OK }, new Date('2026-12-02T10:00:00Z')));
    // Told on 1 November and never held: the 30-day limit passed on 1 December, late.
    await storeCase(t.bot.store, {
      reference: 'SM-2026-036',
      mediator: PG.maya,
      parties: [[PG.sam, 'parent_carer']],
      dates: { laInformed: '2026-11-01' },
      createdAt: new Date('2026-11-01T09:00:00Z'),
    });

    browser = await openTabBrowser('service', { viewport: WIDE, acceptDownloads: true });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('gives a parent no Service entry, and a calm word if they open its address', async () => {
    const [refused] = await Promise.all([answerOf('/tab/api/service/access', PG.sam.aadObjectId), signInAs(PG.sam.aadObjectId, '?section=service')]);
    expect(refused.status()).toBe(200);
    expect(await refused.json()).toEqual({ allowed: false });
    expect(sent(refused).user).toBe(PG.sam.aadObjectId);
    await page.getByText('The service view is for the mediation service’s mediators and administrators.').waitFor();
    expect(await page.locator('#nav').isHidden()).toBe(true);
    expect(await page.locator('#main [role="alert"]').count()).toBe(0);
  });

  it('shows a mediator every chart as a labelled picture with its summary and its numbers beside it', async () => {
    // The page opens as the last user picked (the parent) before the pick changes: Maya's probe is the one.
    const [probe] = await Promise.all([answerOf('/tab/api/service/access', PG.maya.aadObjectId), signInAs(PG.maya.aadObjectId)]);
    expect(await probe.json()).toEqual({ allowed: true });
    await page.locator('li.case-card').first().waitFor();
    ({ answer: shown } = await serviceAfter(() => navTo('Service')));
    expect(await page.locator('#nav [aria-current="page"]').textContent()).toBe('Service');
    expect(shown.charts.length).toBeGreaterThan(0);
    for (const chart of shown.charts) {
      const svg = page.locator(`svg[data-chart="${chart.id}"]`);
      expect(await svg.getAttribute('role')).toBe('img');
      // The picture's name and description, as a screen reader gets them.
      const labelId = await svg.getAttribute('aria-labelledby');
      const describedBy = await svg.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${labelId}"]`).textContent()).toBe(chart.title);
      expect(await page.locator(`figcaption[id="${describedBy}"]`).textContent()).toBe(chart.summary);
      const table = page.locator(`table[data-chart="${chart.id}"]`);
      expect(await table.locator('thead th').allTextContents()).toEqual([chart.kind === 'lines' ? 'Month' : '', ...chart.columns]);
      for (const row of chart.rows) {
        const cells = await table.locator(`tr[data-row="${row.id}"] td`).allInnerTexts();
        expect(cells.map((c) => c.trim())).toEqual(row.cells.map((c) => c.text));
      }
      // The picture draws the same numbers: a bar per measured share (the row's first cell) or per
      // measured count, its words beside it.
      if (chart.kind === 'percent_bars' || chart.kind === 'count_bars') {
        const drawn = chart.kind === 'percent_bars' ? chart.rows.map((r) => r.cells[0]!) : chart.rows.flatMap((r) => r.cells);
        expect(await svg.locator('g.row rect.bar').count()).toBe(drawn.filter((c) => c.value !== null).length);
        const words = await svg.locator('text.value').allTextContents();
        for (const cell of drawn) expect(words.join(' ')).toContain(cell.text);
      }
      if (chart.kind === 'lines') expect(await svg.locator('path.series-line').count()).toBe(chart.columns.length);
    }
    // A share's bar is that share of its track.
    const shares = shown.charts.filter((c) => c.kind === 'percent_bars').flatMap((c) => c.rows.map((r) => ({ c, r, cell: r.cells[0] })));
    const share = shares.find((x) => x.cell?.value !== null && x.cell?.value !== undefined);
    if (!share?.cell || share.cell.value === null) throw new Error('the answer has no share to check');
    const row = page.locator(`svg[data-chart="${share.c.id}"] g[data-row="${share.r.id}"]`);
    const ratio = Number(await row.locator('rect.bar').getAttribute('width')) / Number(await row.locator('rect.track').getAttribute('width'));
    expect(ratio).toBeCloseTo(share.cell.value / 100, 2);
    const late = await page.locator('.late-case').allInnerTexts();
    expect(late).toEqual(shown.late.map((l) => expect.stringContaining(`Case ${l.caseReference}`)));
    if (shown.late.length === 0) await page.getByText('No case missed a statutory limit in this period.').waitFor();
  });

  it('opens the cases behind a figure from the keyboard, and a case from that list', async () => {
    const target = shown.charts.flatMap((c) => c.rows.flatMap((r) => r.cells.map((cell) => ({ c, r, cell })))).find((x) => x.cell.figure && x.c.columns.length === 1);
    if (!target) throw new Error('the answer has no figure with cases behind it');
    const figure = page.locator(`table[data-chart="${target.c.id}"] tr[data-row="${target.r.id}"] .figure`).first();
    expect(await figure.getAttribute('aria-label')).toBe(`${target.r.label}: ${target.cell.text}. Show the cases`);
    await figure.focus();
    const [res] = await Promise.all([answerOf('/tab/api/service/cases'), page.keyboard.press('Enter')]);
    const cases = (await res.json()) as ServiceCasesAnswer;
    expect(sent(res)).toEqual({ user: PG.maya.aadObjectId, query: { figure: target.cell.figure, period: shown.query.period, from: shown.query.from, to: shown.query.to } });
    await page.locator('#service-cases-heading', { hasText: cases.title }).waitFor();
    expect(await focusedId()).toBe('service-cases-heading');
    expect(await page.locator('#service-cases li').count()).toBe(cases.cases.length);
    const first = cases.cases[0];
    if (!first) throw new Error('the figure has no cases');
    await page.locator('#service-cases').getByRole('button', { name: `Case ${first.caseReference}` }).click();
    // The real case view, from the real API.
    await page.locator('#case-heading', { hasText: `Case ${first.caseReference}` }).waitFor();
    await serviceAfter(() => navTo('Service'));
    expect(await focusedId()).toBe('service-heading');
  });

  it('asks the API for the chosen period and filters, and keeps them', async () => {
    const months = await page.getByLabel('Month', { exact: true }).locator('option').allTextContents();
    expect(months.slice(0, 2)).toEqual(['December 2026', 'November 2026']);
    const quarter = await serviceAfter(() => page.getByLabel('Period', { exact: true }).selectOption('quarter'));
    expect(sent(quarter.res).query).toEqual({ period: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    const la = quarter.answer.options.localAuthorities[0];
    if (!la) throw new Error('the answer offers no local authority');
    const filtered = await serviceAfter(() => page.getByLabel('Local authority', { exact: true }).selectOption(la));
    expect(sent(filtered.res).query).toEqual({ period: 'quarter', from: '2026-10-01', to: '2026-12-31', localAuthority: la });
    expect(await focusedId()).toBe('service-la');
    expect(await page.locator('#announce').textContent()).toBe(`${filtered.answer.periodLabel}: ${casesText(filtered.answer.caseCount)}.`);

    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2026-12-10');
    await page.getByLabel('To', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await page.getByText('The period must start on or before the day it ends.').waitFor();
    await page.getByLabel('From', { exact: true }).fill('2026-06-01');
    const custom = await serviceAfter(() => page.getByRole('button', { name: 'Show these dates' }).click());
    expect(sent(custom.res).query).toEqual({ period: 'custom', from: '2026-06-01', to: '2026-12-01', localAuthority: la });
    shown = custom.answer;

    // To the cases and back: the view keeps the period and filters chosen.
    await navTo('Cases');
    await page.locator('li.case-card').first().waitFor();
    const back = await serviceAfter(() => navTo('Service'));
    expect(sent(back.res).query).toEqual(sent(custom.res).query);
    expect(await page.getByLabel('Local authority', { exact: true }).inputValue()).toBe(la);
  });

  it("downloads the CSV with the caller's credentials", async () => {
    const [download, res] = await Promise.all([page.waitForEvent('download'), answerOf('/tab/api/service.csv'), page.locator('#service-csv').click()]);
    // What the API answers for that address (playwright keeps no body of a download's response).
    const text: string = await page.evaluate(`fetch(${JSON.stringify(shown.csvUrl)}, { headers: { 'x-dashboard-user': ${JSON.stringify(PG.maya.aadObjectId)} } }).then((r) => r.text())`);
    expect(res.status()).toBe(200);
    expect(res.url()).toBe(new URL(shown.csvUrl, t.bot.url).toString());
    expect(sent(res).user).toBe(PG.maya.aadObjectId);
    expect(download.suggestedFilename()).toBe('service-2026-06-01-to-2026-12-01.csv');
    expect(text).not.toBe('');
    // The file starts with a byte-order mark (so Excel reads it as UTF-8); fetch's text() drops it.
    const saved = readFileSync(await download.path(), 'utf8');
    expect(saved.startsWith('\uFEFF')).toBe(true);
    expect(saved.slice(1)).toBe(text);
    await page.getByText('The CSV is downloaded.').waitFor();
  });

  it.each(THEMES)('follows the Teams %s theme at full width and at 320 px, readable and without sideways scrolling', async (theme) => {
    await page.setViewportSize(WIDE);
    ({ answer: shown } = await serviceAfter(() => page.goto(`${t.bot.url}/tab/?view=channel&section=service`)));
    // The same function the Teams theme handler calls.
    await page.getByLabel('Theme').selectOption(theme);
    expect(await page.evaluate('document.body.dataset.theme')).toBe(theme);
    const token = await page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--colorNeutralBackground1').trim()");
    expect(token).toBe({ default: '#ffffff', dark: '#292929', contrast: '#000000' }[theme]);
    // Text 4.5:1, bars and lines 3:1 against the theme's background.
    for (const selector of ['svg.service-svg text.value', 'svg.service-svg .row-label', '.summary', '.nav-entry', '.chart-table td'])
      expect(await contrast(selector, selector.startsWith('svg') ? 'fill' : 'color')).toBeGreaterThanOrEqual(4.5);
    expect(await contrast('svg.service-svg rect.bar.solid', 'fill')).toBeGreaterThanOrEqual(3);
    const series = Math.max(...shown.charts.map((c) => Math.min(4, c.columns.length)));
    // Each series' line, or the outline of its patterned bars.
    for (let s = 0; s < series; s++) expect(await contrast(`svg.service-svg path.series-line.s${s}, svg.service-svg rect.bar.patterned.s${s}`, 'stroke')).toBeGreaterThanOrEqual(3);
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.screenshot({ path: path.join(IMAGES, `service-${theme}.png`) });

    await page.setViewportSize({ width: 320, height: 700 });
    // The charts are redrawn for the new width after the resize settles.
    await waitUntil(async () => (await page.locator('svg.service-svg').evaluateAll((els) => els.every((e) => Number(e.getAttribute('width')) <= 320))) === true);
    expect(await scrollWidth()).toBeLessThanOrEqual(320);
    for (const chart of shown.charts) {
      const box = await page.locator(`svg[data-chart="${chart.id}"]`).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(320);
    }
    // On a phone the charts start below the controls: the picture shows the first of them.
    await page.evaluate("document.querySelector('.service-chart').scrollIntoView()");
    await page.screenshot({ path: path.join(IMAGES, `service-${theme}-320.png`) });
    expect(existsSync(path.join(IMAGES, `service-${theme}-320.png`))).toBe(true);
  });

  it("keeps the charts readable in Windows' high contrast mode (forced colours)", async () => {
    await page.setViewportSize(WIDE);
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await serviceAfter(() => page.reload());
      expect(await contrast('svg.service-svg rect.bar.solid', 'fill')).toBeGreaterThanOrEqual(3);
      expect(await contrast('svg.service-svg text.value', 'fill')).toBeGreaterThanOrEqual(4.5);
      // One colour for every line: the dashes tell them apart.
      const lines = shown.charts.find((c) => c.kind === 'lines');
      if (lines) {
        const dashes: string[] = await page.evaluate(`[...document.querySelectorAll('svg[data-chart="${lines.id}"] path.series-line')].map((e) => getComputedStyle(e).strokeDasharray)`);
        expect(new Set(dashes).size).toBe(Math.min(4, lines.columns.length));
        expect(await contrast(`svg[data-chart="${lines.id}"] path.series-line`, 'stroke')).toBeGreaterThanOrEqual(3);
      }
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('logged no script or CSP errors', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
