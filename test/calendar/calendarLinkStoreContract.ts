import { CALENDAR_LINKS_KEPT, newCalendarLink } from '../../domain/calendar';
import { hashAccessToken } from '../../domain/certificate';
import type { AppStore } from '../../storage/appStore';

/** The calendar link store's part of the storage contract (test/storage/storeContract.ts runs it on every backend). */
export function calendarLinkStoreContract(ctx: { readonly store: () => AppStore; readonly reopen: () => Promise<AppStore> }): void {
  const t0 = new Date('2026-12-01T10:00:00Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  it('finds a link by its token hash only, across a reopen, and stores no token', async () => {
    const { token, link } = newCalendarLink('case-1', { kind: 'party', partyId: 'p1' }, t0);
    await ctx.store().calendarLinks.save(link);
    const store = await ctx.reopen();
    expect(await store.calendarLinks.findByTokenHash(hashAccessToken(token))).toEqual({ tokenHash: link.tokenHash, caseId: 'case-1', holder: 'party:p1', createdAt: t0 });
    expect(JSON.stringify(await store.calendarLinks.findByTokenHash(link.tokenHash))).not.toContain(token);
    expect(await store.calendarLinks.findByTokenHash('not-a-hash')).toBeNull();
    expect(await store.calendarLinks.findByTokenHash(hashAccessToken('other'))).toBeNull();
  });

  it('keeps each person only their newest links, and nobody else’s are touched', async () => {
    const made = [];
    for (let i = 0; i < CALENDAR_LINKS_KEPT + 2; i++) {
      const l = newCalendarLink('case-2', { kind: 'mediator', aadObjectId: 'AAD-M' }, at(i));
      await ctx.store().calendarLinks.save(l.link);
      made.push(l.token);
    }
    const other = newCalendarLink('case-2', { kind: 'party', partyId: 'p9' }, at(0));
    await ctx.store().calendarLinks.save(other.link);
    const found = await Promise.all(made.map((t) => ctx.store().calendarLinks.findByTokenHash(hashAccessToken(t))));
    expect(found.map((f) => f !== null)).toEqual([false, false, true, true, true, true, true]);
    expect(found[2]?.holder).toBe('mediator:aad-m');
    expect(await ctx.store().calendarLinks.findByTokenHash(hashAccessToken(other.token))).not.toBeNull();
    expect(await ctx.store().calendarLinks.countForCase('case-2')).toBe(CALENDAR_LINKS_KEPT + 1);
  });
}
