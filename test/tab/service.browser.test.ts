/**
 * The service view in a real browser (Debian's Chromium through playwright-core): the real bot in
 * local mode, the real page, case list, case view and identity; the service endpoints answered by
 * page.route() from test/tab/serviceFixture.ts until the server side lands. Opens the view in the
 * three Teams themes at full width and at 320 px, checks the charts' text alternatives, numbers,
 * contrast and width, and saves docs/images/service-*.png.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab';
import type { ServiceAnswer } from '../../domain/service/types';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { CSV, DEFAULT_QUERY, serveServiceApi, serviceAnswer, type KnownCase, type ServedRequest } from './serviceFixture';
import { PG, storeCase } from './tabFixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NOW = new Date('2026-12-03T10:00:00Z');
const IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');
const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDE = { width: 1100, height: 1000 };

jest.setTimeout(90_000);

if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (CI does this in .ci/run)`);

/**
 * WCAG contrast of an element's text (or, for a shape, its fill or stroke) against the page
 * background, computed in the page from the colours the browser resolved. A string: the test's
 * tsconfig has no DOM types.
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

describe('service view in Chromium (local mode, service API from the fixture)', () => {
  let t: TestBot;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let served: ServedRequest[];
  let known: KnownCase[] = [];
  let expected: ServiceAnswer;
  const consoleErrors: string[] = [];

  const contrast = (selector: string, property: 'color' | 'fill' | 'stroke'): Promise<number> => page.evaluate(`${CONTRAST}(${JSON.stringify([selector, property])})`);
  const scrollWidth = (): Promise<number> => page.evaluate('document.documentElement.scrollWidth');
  const lastRequest = (pathEnd: string): ServedRequest | undefined => [...served].reverse().find((r) => r.url.pathname.endsWith(pathEnd));

  async function signInAs(userId: string, query = ''): Promise<void> {
    await page.goto(`${t.bot.url}/tab/${query}`);
    await page.getByLabel('View as').selectOption(userId);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
  }

  beforeAll(async () => {
    await buildTab();
    t = await startTestBot({}, { now: () => NOW });
    const late = await storeCase(t.bot.store, {
      reference: 'SM-2026-033',
      mediator: PG.maya,
      parties: [[PG.sam, 'parent_carer']],
      caseType: 'M-ASSESS',
      dates: { decisionNoticeSent: '2026-10-05', laInformed: '2026-10-20' },
      createdAt: new Date('2026-10-20T09:00:00Z'),
    });
    const other = await storeCase(t.bot.store, {
      reference: 'SM-2026-041',
      mediator: PG.maya,
      parties: [[PG.sam, 'parent_carer']],
      createdAt: new Date('2026-11-16T09:00:00Z'),
    });
    known = [
      { caseId: late.id, caseReference: late.caseReference },
      { caseId: other.id, caseReference: other.caseReference },
    ];
    // The answer the page must show: the fixture today; with the real API, fetch it from the bot
    // as Maya (x-dashboard-user) and compare the page with that instead.
    expected = serviceAnswer(DEFAULT_QUERY, known);

    profile = mkdtempSync(path.join(os.tmpdir(), 'service-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: WIDE,
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(8000);
    page.on('console', (m) => {
      // A refused service probe (403 for a parent) is the server's answer, not a page error.
      if (m.type() === 'error' && !(m.text().startsWith('Failed to load resource') && m.location().url.includes('/tab/api/service'))) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    served = await serveServiceApi(page, [PG.maya.aadObjectId], () => known);
  });

  afterAll(async () => {
    await context?.close();
    await t?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('gives a parent no Service entry, and a calm word if they open its address', async () => {
    await signInAs(PG.sam.aadObjectId, '?section=service');
    await page.getByText('The service view is for the mediation service’s mediators and administrators.').waitFor();
    expect(await page.locator('#nav').isHidden()).toBe(true);
    expect(await page.locator('#main [role="alert"]').count()).toBe(0);
    expect(lastRequest('/tab/api/service')?.user).toBe(PG.sam.aadObjectId);
  });

  it('shows a mediator every chart as a labelled picture with its summary and its numbers beside it', async () => {
    await signInAs(PG.maya.aadObjectId);
    await page.locator('li.case-card').first().waitFor();
    await page.locator('#nav').getByRole('button', { name: 'Service', exact: true }).click();
    await page.locator('svg[data-chart="timeliness"]').waitFor();
    expect(await page.locator('#nav [aria-current="page"]').textContent()).toBe('Service');
    expect(await page.locator('#service-period-label').textContent()).toBe('December 2026: 18 cases.');
    for (const chart of expected.charts) {
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
      // The picture draws the same numbers: a bar per counted cell, its words beside it.
      if (chart.kind === 'percent_bars' || chart.kind === 'count_bars') {
        const measured = chart.rows.flatMap((r) => r.cells).filter((c) => c.value !== null).length;
        expect(await svg.locator('rect.bar').count()).toBe(measured + (chart.columns.length > 1 ? chart.columns.length : 0));
        const words = await svg.locator('text.value').allTextContents();
        for (const cell of chart.rows.flatMap((r) => r.cells)) expect(words).toContain(cell.text);
      }
      if (chart.kind === 'lines') expect(await svg.locator('path.series-line').count()).toBe(chart.columns.length);
    }
    const timeliness = page.locator('svg[data-chart="timeliness"] g[data-row="mediation_30_days"] rect.bar');
    const track = page.locator('svg[data-chart="timeliness"] g[data-row="mediation_30_days"] rect.track');
    const ratio = Number(await timeliness.getAttribute('width')) / Number(await track.getAttribute('width'));
    expect(ratio).toBeCloseTo(0.86, 2);
    expect(await page.locator('.late-case').allInnerTexts()).toEqual([expect.stringContaining('Case SM-2026-033'), expect.stringContaining('1 working day late')]);
  });

  it('opens the cases behind a figure from the keyboard, and a case from that list', async () => {
    const figure = page.locator('table[data-chart="timeliness"] tr[data-row="mediation_30_days"] .figure');
    expect(await figure.getAttribute('aria-label')).toBe('Mediation held within 30 days: 12 of 14 (86%). Show the cases');
    await figure.focus();
    await page.keyboard.press('Enter');
    await page.locator('#service-cases-heading', { hasText: 'Cases behind timeliness.mediation_30_days' }).waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('service-cases-heading');
    const asked = lastRequest('/tab/api/service/cases');
    expect(asked?.url.searchParams.get('figure')).toBe('timeliness.mediation_30_days');
    expect(asked?.url.searchParams.get('from')).toBe('2026-12-01');
    expect(asked?.user).toBe(PG.maya.aadObjectId);
    await page.locator('#service-cases').getByRole('button', { name: 'Case SM-2026-033' }).click();
    // The real case view, from the real API.
    await page.locator('#case-heading', { hasText: 'Case SM-2026-033' }).waitFor();
    await page.locator('#nav').getByRole('button', { name: 'Service', exact: true }).click();
    await page.locator('svg[data-chart="timeliness"]').waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('service-heading');
  });

  it('asks the API for the chosen period and filters', async () => {
    expect(await page.getByLabel('Month', { exact: true }).locator('option').first().textContent()).toBe('December 2026');
    await page.getByLabel('Period', { exact: true }).selectOption('quarter');
    await page.locator('#service-period-label', { hasText: 'Q4 2026' }).waitFor();
    expect(Object.fromEntries(lastRequest('/tab/api/service')?.url.searchParams ?? [])).toEqual({ period: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    await page.getByLabel('Local authority', { exact: true }).selectOption('Southby Borough Council');
    await page.locator('#service-period-label', { hasText: '9 cases' }).waitFor();
    expect(lastRequest('/tab/api/service')?.url.searchParams.get('localAuthority')).toBe('Southby Borough Council');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('service-la');

    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2026-12-10');
    await page.getByLabel('To', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await page.getByText('The period must start on or before the day it ends.').waitFor();
    await page.getByLabel('From', { exact: true }).fill('2026-06-01');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await page.locator('#service-period-label', { hasText: '2026-06-01 to 2026-12-01' }).waitFor();
    expect(Object.fromEntries(lastRequest('/tab/api/service')?.url.searchParams ?? [])).toEqual({
      period: 'custom',
      from: '2026-06-01',
      to: '2026-12-01',
      localAuthority: 'Southby Borough Council',
    });
    // To the cases and back: the view keeps the period and filters chosen.
    await page.locator('#nav').getByRole('button', { name: 'Cases', exact: true }).click();
    await page.locator('li.case-card').first().waitFor();
    await page.locator('#nav').getByRole('button', { name: 'Service', exact: true }).click();
    await page.locator('#service-period-label', { hasText: '2026-06-01 to 2026-12-01' }).waitFor();
    expect(await page.getByLabel('Local authority', { exact: true }).inputValue()).toBe('Southby Borough Council');
  });

  it("downloads the CSV with the caller's credentials", async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#service-csv').click()]);
    expect(download.suggestedFilename()).toBe('service-2026-06-01-to-2026-12-01.csv');
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toBe(CSV);
    const asked = lastRequest('/tab/api/service.csv');
    expect(asked?.user).toBe(PG.maya.aadObjectId);
    expect(asked?.url.searchParams.get('from')).toBe('2026-06-01');
    await page.getByText('The CSV is downloaded.').waitFor();
  });

  it.each(THEMES)('follows the Teams %s theme at full width and at 320 px, readable and without sideways scrolling', async (theme) => {
    await page.setViewportSize(WIDE);
    await page.goto(`${t.bot.url}/tab/?view=channel&section=service`);
    await page.locator('svg[data-chart="results"]').waitFor();
    // The same function the Teams theme handler calls.
    await page.getByLabel('Theme').selectOption(theme);
    expect(await page.evaluate('document.body.dataset.theme')).toBe(theme);
    const token = await page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--colorNeutralBackground1').trim()");
    expect(token).toBe({ default: '#ffffff', dark: '#292929', contrast: '#000000' }[theme]);
    // Text 4.5:1, bars and lines 3:1 against the theme's background.
    expect(await contrast('svg[data-chart="timeliness"] text.value', 'fill')).toBeGreaterThanOrEqual(4.5);
    expect(await contrast('svg[data-chart="timeliness"] .row-label', 'fill')).toBeGreaterThanOrEqual(4.5);
    expect(await contrast('.summary', 'color')).toBeGreaterThanOrEqual(4.5);
    expect(await contrast('.nav-entry', 'color')).toBeGreaterThanOrEqual(4.5);
    expect(await contrast('svg[data-chart="timeliness"] rect.bar', 'fill')).toBeGreaterThanOrEqual(3);
    for (const s of [0, 1, 2]) expect(await contrast(`svg[data-chart="flow"] path.series-line.s${s}`, 'stroke')).toBeGreaterThanOrEqual(3);
    expect(await contrast('svg[data-chart="results"] rect.bar.patterned', 'stroke')).toBeGreaterThanOrEqual(3);
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.screenshot({ path: path.join(IMAGES, `service-${theme}.png`) });

    await page.setViewportSize({ width: 320, height: 700 });
    // The charts are redrawn for the new width after the resize settles.
    await waitUntil(async () => Number(await page.locator('svg[data-chart="flow"]').getAttribute('width')) <= 320);
    expect(await scrollWidth()).toBeLessThanOrEqual(320);
    for (const chart of expected.charts) {
      const box = await page.locator(`svg[data-chart="${chart.id}"]`).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(320);
    }
    // On a phone the charts start below the controls: the picture shows the first of them.
    await page.evaluate("document.getElementById('h-chart-timeliness').scrollIntoView()");
    await page.screenshot({ path: path.join(IMAGES, `service-${theme}-320.png`) });
    expect(existsSync(path.join(IMAGES, `service-${theme}-320.png`))).toBe(true);
  });

  it("keeps the charts readable in Windows' high contrast mode (forced colours)", async () => {
    await page.setViewportSize(WIDE);
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await page.reload();
      await page.locator('svg[data-chart="flow"]').waitFor();
      expect(await contrast('svg[data-chart="timeliness"] rect.bar', 'fill')).toBeGreaterThanOrEqual(3);
      expect(await contrast('svg[data-chart="timeliness"] text.value', 'fill')).toBeGreaterThanOrEqual(4.5);
      expect(await contrast('svg[data-chart="flow"] path.series-line.s1', 'stroke')).toBeGreaterThanOrEqual(3);
      // One colour for all lines: the dashes tell them apart.
      const dashes: string[] = await page.evaluate(`[...document.querySelectorAll('svg[data-chart="flow"] path.series-line')].map((e) => getComputedStyle(e).strokeDasharray)`);
      expect(new Set(dashes).size).toBe(3);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('logged no script or CSP errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
