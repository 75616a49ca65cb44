import { USERS } from '../helpers/testBot';
import { caseFormData } from '../helpers/caseForm';
import { onlyEvent } from '../calendar/icsParse';
import { caseFlow, perTestBot } from './caseFlow';

/** `my cases` links each person to the meeting's calendar invitation, served behind an unguessable token. */
const ctx = perTestBot('2026-12-01T10:00:00Z');

const LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

async function caseWithParent() {
  const flow = caseFlow(ctx.t);
  await flow.say('new case');
  await flow.clickInThread('case.create', caseFormData({ caseType: 'M-ASSESS', meetingJoinUrl: LINK }));
  await ctx.t.bot.app.deps.background.idle();
  const c = (await ctx.t.bot.store.cases.findByThreadConversation(flow.thread))!;
  await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer' });
  await ctx.t.bot.app.deps.background.idle();
  return { flow, c: (await ctx.t.bot.store.cases.get(c.id))! };
}

async function calendarLinkInMyCases(flow: ReturnType<typeof caseFlow>): Promise<string> {
  ctx.t.connector.reset();
  await flow.sayPersonal('my cases', USERS.parent);
  const card = JSON.stringify(ctx.t.connector.messages());
  expect(card).toContain('Thu 10 Dec 2026 at 10:00 (online)');
  expect(card).toContain('Join the Teams meeting');
  return /"title":"Add to calendar","url":"([^"]+)"/.exec(card)![1]!;
}

describe('calendar invitation', () => {
  it('serves a valid invitation to the link in my cases, no-store, and a new SEQUENCE after the meeting moves', async () => {
    const { flow, c } = await caseWithParent();
    const url = await calendarLinkInMyCases(flow);
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const first = onlyEvent(await res.text());
    expect(first.start.toISOString()).toBe('2026-12-10T10:00:00.000Z');
    expect(first.url).toMatchObject({ val: LINK });
    expect(String(first.summary)).not.toContain('JS');

    await flow.clickInThread('case.edit', { caseId: c.id, ...caseFormData({ caseType: 'M-ASSESS', meetingJoinUrl: LINK, meetingTime: '13:30' }) });
    const moved = onlyEvent(await (await fetch(url)).text());
    expect(moved.uid).toBe(first.uid);
    expect(Number(moved.sequence)).toBe(Number(first.sequence) + 1);
    expect(moved.start.toISOString()).toBe('2026-12-10T13:30:00.000Z');
  });

  it('answers an unknown or malformed token with 404 and says nothing about any case', async () => {
    const { flow } = await caseWithParent();
    const url = await calendarLinkInMyCases(flow);
    const forged = url.replace(/\/calendar\/[^/]+$/, `/calendar/${'A'.repeat(43)}.ics`);
    for (const bad of [forged, url.replace(/\.ics$/, 'x.ics'), `${ctx.t.bot.url}/calendar/..%2f..%2fetc.ics`]) {
      const res = await fetch(bad);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/SM-2026|Northshire/);
    }
  });
});
