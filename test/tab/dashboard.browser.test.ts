/**
 * The standalone dashboard in a real browser (Debian's Chromium through playwright-core): the
 * real bot in local mode, cases opened over HTTP as Teams would, the built page, a playground
 * user picked as identity. Saves docs/images/dashboard.png and dashboard-list.png, which docs/features.md shows.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab';
import { addParty } from '../../domain/cases';
import { caseFormData } from '../helpers/caseForm';
import { activity, mention, startTestBot, type TestBot } from '../helpers/testBot';
import { PG, storeCase } from './tabFixtures';
import { openTabBrowser, type TabBrowser } from './tabBrowser';

const NOW = new Date('2026-12-03T10:00:00Z');
// page.evaluate takes expressions as strings here: the test's tsconfig has no DOM types.
const SCREENSHOT = path.resolve(__dirname, '..', '..', 'docs', 'images', 'dashboard.png');
const LIST_SCREENSHOT = path.resolve(__dirname, '..', '..', 'docs', 'images', 'dashboard-list.png');
const MAYA = { id: '29:5e4d0000-0000-4000-a000-000000000001', aadObjectId: PG.maya.aadObjectId, name: 'Maya Patel' };

jest.setTimeout(60_000);


describe('case dashboard in Chromium (local mode)', () => {
  let t: TestBot;
  let browser: TabBrowser;
  let page: Page;

  beforeAll(async () => {
    await buildTab();
    t = await startTestBot({}, { now: () => NOW });
    // Opened over HTTP the way Teams delivers it: "new case" in the channel, then the form.
    const thread = '19:cases@thread.tacv2;messageid=root-browser';
    const inThread = (fields: Record<string, unknown>) =>
      activity('channel', { ...fields, conversation: { id: thread, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true } }, MAYA);
    await t.post(inThread(mention('new case')));
    const created = await t.post({
      ...inThread({ replyToId: 'form-1' }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'case.create',
          data: caseFormData({ decisionNoticeSent: '2026-10-30' }),
        },
      },
    });
    expect(created.status).toBe(200);
    await t.bot.app.deps.background.idle();
    const opened = await t.bot.store.cases.findByThreadConversation(thread);
    if (!opened) throw new Error('the case was not stored');
    // The parties, as "Add parties" would store them.
    const withParties = await t.bot.store.cases.update(
      opened.id,
      (c) => {
        const a = addParty(c, { role: 'parent_carer', displayName: 'Sam Jones', aadObjectId: PG.sam.aadObjectId, how: 'roster' }, MAYA.aadObjectId, NOW);
        return a instanceof Error ? a : addParty(a, { role: 'la_officer', displayName: 'Priya Shah', aadObjectId: PG.priya.aadObjectId, how: 'roster' }, MAYA.aadObjectId, NOW);
      },
      { by: MAYA.aadObjectId, action: 'parties.assigned' },
      NOW,
    );
    expect(withParties.status).toBe('updated');
    // Two more, written straight to the store: one whose 30 days ran out without a meeting.
    await storeCase(t.bot.store, {
      reference: 'SM-2026-033',
      mediator: PG.maya,
      parties: [[PG.sam, 'parent_carer']],
      caseType: 'M-ASSESS',
      dates: { decisionNoticeSent: '2026-10-05', laInformed: '2026-10-20' },
      createdAt: new Date('2026-10-20T09:00:00Z'),
    });
    await storeCase(t.bot.store, {
      reference: 'SM-2026-050',
      mediator: PG.tom,
      parties: [[PG.priya, 'la_officer']],
      dates: { laInformed: '2026-12-01' },
      createdAt: new Date('2026-12-01T09:00:00Z'),
    });

    browser = await openTabBrowser('dashboard', { viewport: { width: 1100, height: 900 } });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('serves the page with a content security policy', async () => {
    const res = await fetch(`${t.bot.url}/tab/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
  });

  it("lists the picked user's cases with their next deadline, overdue in a word as well as a colour", async () => {
    await page.goto(`${t.bot.url}/tab/`);
    await page.getByLabel('View as').selectOption(PG.maya.aadObjectId);
    await page.getByRole('button', { name: 'Show' }).click();
    const cards = page.locator('li.case-card');
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    // Most urgent first: the case whose 30 days ran out.
    const first = await cards.first().innerText();
    expect(first).toContain('SM-2026-033');
    expect(first).toContain('Overdue');
    expect(first).toMatch(/Mon 30 Nov 2026|Thu 19 Nov 2026/);
    expect(await page.locator('body').innerText()).not.toContain('SM-2026-050'); // Tom's case, not Maya's
    await page.screenshot({ path: LIST_SCREENSHOT, fullPage: false });

    await page.getByLabel('Due this week or overdue').check();
    await page.locator('.count', { hasText: 'Showing 1 of 2 cases' }).waitFor();
    expect(await cards.count()).toBe(1);
  });

  it('opens a case from the keyboard and draws its timeline as an SVG chart with text labels', async () => {
    await page.getByLabel('Due this week or overdue').uncheck();
    const button = page.getByRole('button', { name: 'Case SM-2026-041' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('svg.timeline-svg').waitFor();
    const labels = await page.locator('svg.timeline-svg text.label').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(labels.join('|')).toMatch(/Referral/);
    expect(labels.join('|')).toMatch(/LA told mediation/);
    expect(labels.join('|')).toMatch(/Meeting/);
    expect(await page.locator('svg.timeline-svg .today-label').textContent()).toContain('Thu 3 Dec 2026');
    expect(await page.locator('table.timeline-table tbody tr').count()).toBe(labels.length);
    // Focus moved to the case heading, for keyboard and screen-reader users.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('case-heading');
    expect(await page.locator('#main').innerText()).toContain('Sam Jones, Parent or carer');
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('fits 320 px (Teams mobile) without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.reload();
    await page.locator('svg.timeline-svg').waitFor();
    const detail = await page.evaluate('document.documentElement.scrollWidth');
    expect(detail).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: '← All cases' }).click();
    await page.locator('li.case-card').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  });

  it("shows a parent their own cases in the personal view, with their role and next step", async () => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${t.bot.url}/tab/?view=personal`);
    await page.getByLabel('View as').selectOption(PG.sam.aadObjectId);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
    const cards = page.locator('li.case-card');
    await cards.nth(1).waitFor();
    const text = await page.locator('#main').innerText();
    expect(await cards.count()).toBe(2);
    expect(text).toContain('You: Parent or carer');
    expect(text).toContain('Your next step:');
    expect(text).not.toContain('SM-2026-050');
  });

  it('offers no local identity when Teams credentials are configured', async () => {
    const teams = await startTestBot(
      { MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: '5e4d0000-0000-4000-8000-000000000001', MicrosoftAppType: 'SingleTenant' },
      { now: () => NOW },
    );
    try {
      await page.goto(`${teams.bot.url}/tab/`);
      await page.getByText('Open this page from the Cases or My cases tab in Microsoft Teams.').waitFor();
      expect(await page.locator('#local-user').count()).toBe(0);
    } finally {
      await teams.stop();
    }
  });

  it('logged no script or CSP errors', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
