import { PurgeService } from '../../bot/retention/purgeService';
import { journeyBot, journeySteps } from '../reliability/helpers/journey';
import { isRegistered } from '../reliability/helpers/coverage';
import { PEOPLE } from '../reliability/helpers/people';
import { storeSnapshot } from '../reliability/helpers/storeSnapshot';

/**
 * The purge over a real store: the journey's case A (every kind of record: acknowledgements,
 * preparation, requested changes, meetings, outcome, certificate, reminders, invitations, audit)
 * is cancelled at the end of the journey and on legal hold. Past its retention the hold keeps it;
 * released, two instances purging at once delete it once: nothing in any store file mentions the
 * case afterwards except its tombstone, and the certificate's number stays in the register.
 */
jest.setTimeout(90_000);

/**
 * Collections with their own short, automatic expiry, which the purge does not touch: processed
 * activity ids with the answers they got (2 days), rate-limit attempts (24 hours).
 */
const EXPIRING_ON_THEIR_OWN = ['processed_activities', 'rate_limits'];

describe('the daily purge', () => {
  const bot = journeyBot();

  it('keeps a held case, then deletes every record of it once, leaving a tombstone and the certificate register entry', async () => {
    const t = bot.t();
    const j = bot.j();
    for (const step of journeySteps().filter(isRegistered)) await j.run(step);
    const c = await j.caseA();
    expect(c.state).toBe('CANCELLED');
    // The parent asked to be forgotten on the way: no name, no Teams identity, the role and the acknowledgement kept.
    const former = c.parties.find((p) => p.partyId === j.id('parentPartyId'))!;
    expect(former).toMatchObject({ displayName: 'Former party', role: 'parent_carer', forgotten: { reason: 'Erasure request ER-7 of 1 Dec 2026' } });
    expect(former.aadObjectId).toBeUndefined();
    expect((await t.bot.store.acknowledgements.listForCase(c.id)).some((a) => a.partyId === former.partyId)).toBe(true);
    const changes = await t.bot.store.preparation.listChanges(c.id);
    expect(changes.filter((ch) => ch.requestedBy.partyId === former.partyId).map((ch) => ch.requestedBy.displayName)).toEqual(['Former party', 'Former party']);
    expect(await t.bot.store.conversations.findPersonalChat(PEOPLE.parent.aadObjectId)).toBeNull();
    expect(c.legalHold?.reason).toBe('Tribunal appeal lodged');
    const [certificate] = await t.bot.store.certificates.listForCase(c.id);
    expect(certificate).toBeDefined();

    const deps = t.bot.app.deps;
    const later = new Date(Date.parse(c.ending!.at) + 73 * 31 * 24 * 3600 * 1000);
    const instance = () => new PurgeService({ ...deps, now: () => later });

    // Past retention but held: nothing is deleted.
    expect(await instance().plan()).toEqual([]);
    const held = await instance().runIfDue();
    expect(held?.purged).toEqual([]);

    // Released (the admin types legal hold off): the next day's run deletes it.
    await j.post(j.activityFor({ text: 'legal hold off' }, 'thread', PEOPLE.admin, 'form-A'));
    expect((await t.bot.store.cases.get(c.id))?.legalHold).toBeUndefined();
    const nextDay = new Date(later.getTime() + 24 * 3600 * 1000);
    const racing = [0, 1].map(() => new PurgeService({ ...deps, now: () => nextDay }));
    const plan = await racing[0]!.plan();
    expect(plan.map((p) => p.caseReference)).toEqual([c.caseReference]);
    const runs = await Promise.all(racing.map((p) => p.runIfDue()));
    const ran = runs.filter((r) => r !== undefined);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.purged.map((p) => p.caseId)).toEqual([c.id]);
    // A third instance later the same day finds the day's run done.
    expect(await new PurgeService({ ...deps, now: () => nextDay }).runIfDue()).toBeUndefined();

    expect(await t.bot.store.cases.get(c.id)).toBeNull();
    const [tombstone, ...rest] = await t.bot.store.auditLog.listForCase(c.id);
    expect(rest).toEqual([]);
    expect(tombstone).toMatchObject({ action: 'case.purged', by: 'system', caseId: c.id });
    expect(tombstone!.detail).toMatch(/RETENTION_MONTHS=72 from \d{4}-\d\d-\d\d \(provider configuration\); removed cases 1, acknowledgements \d+, .*certificates 1/);
    expect(await t.bot.store.certificateRegister.find(certificate!.number)).toMatchObject({ issueDate: certificate!.issueDate, caseType: c.caseType });

    // Every store file, including collections added after this test was written.
    const snapshot = await storeSnapshot(t.config.dataDir, { includeBookkeeping: true });
    const mentions: string[] = [];
    for (const [collection, docs] of snapshot) {
      if (EXPIRING_ON_THEIR_OWN.includes(collection)) continue;
      for (const [id, doc] of docs) if (doc.includes(c.id) && id !== tombstone!.id) mentions.push(`${collection}/${id}`);
    }
    expect(mentions).toEqual([]);
    // The lead mediator is in no other case: their 1:1 chat reference is gone; the other case's people keep theirs.
    expect(await t.bot.store.conversations.findPersonalChat(PEOPLE.lead.aadObjectId)).toBeNull();
    const otherCase = await t.bot.store.cases.get(j.id('otherCaseId'));
    expect(otherCase).not.toBeNull();
  });
});
