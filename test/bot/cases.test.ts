import { removeDir } from '../helpers/tempDir';
import { activity, startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { bodyText, caseFlow } from './caseFlow';

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot();
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer, USERS.stranger];
});
afterEach(async () => {
  await t.stop();
});

async function caseWithParties() {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  return { flow, ...(await flow.addParentAndOfficer(c.id)) };
}

describe('opening a case', () => {
  it('re-shows the form with errors next to the fields and stores nothing', async () => {
    const flow = caseFlow(t);
    await flow.say('new case');
    const res = await flow.clickInThread('case.create', { caseReference: 'SM-1', childInitials: 'Jonathan' });
    expect(res.status).toBe(200);
    expect(bodyText(res)).toMatch(/Case reference|caseReference/);
    expect(bodyText(res)).toMatch(/initials/i);
    expect(await t.bot.store.cases.findByThreadConversation(flow.thread)).toBeNull();
  });

  it('anchors the case card to the form message and edits it for everyone', async () => {
    const flow = caseFlow(t);
    const c = await flow.openCase();
    expect(c.thread).toEqual({ conversationId: flow.thread, rootActivityId: 'form-1' });
    const put = t.connector.calls.find((x) => x.method === 'PUT' && x.path.endsWith('/activities/form-1'));
    expect(JSON.stringify(put?.body)).toContain('SM-2026-041');
  });

  it('refuses a case reference already used by this provider', async () => {
    await caseFlow(t, 'root-1').openCase('SM-7');
    const other = caseFlow(t, 'root-2');
    await other.say('new case');
    const res = await other.clickInThread('case.create', {
      caseReference: 'sm-7', caseType: 'M-ASSESS', childInitials: 'AB', isYoungPerson: 'false',
      localAuthority: 'Northshire County Council', meetingFormat: 'online',
    });
    expect(bodyText(res)).toMatch(/already used/);
    expect(await t.bot.store.cases.findByThreadConversation(other.thread)).toBeNull();
  });

  it('answers a second click on the same form with the case, not a second case', async () => {
    const flow = caseFlow(t);
    const c = await flow.openCase();
    const again = await flow.clickInThread('case.create', { caseReference: 'SM-OTHER' });
    expect(bodyText(again)).toContain(c.caseReference);
    expect(await t.bot.store.cases.listForUser(USERS.mediator.aadObjectId)).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('refuses mediator commands and buttons to a party and to a stranger, changing nothing, and tells a stranger nothing about the case', async () => {
    const { flow, c } = await caseWithParties();
    for (const who of [USERS.parent, USERS.stranger]) {
      t.connector.reset();
      await flow.say('send terms', who);
      const said = JSON.stringify(t.connector.messages());
      // A party knows the case; a stranger is told only that it is not for them.
      if (who === USERS.parent) expect(said).toMatch(/Only the mediators of case SM-2026-041/);
      else expect(said).toMatch(/You can't use that here\./);
      if (who === USERS.stranger) expect(said).not.toMatch(/SM-2026-041|Morgan|Pat|Lee/);
      const roles = await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${who.aadObjectId}`]: 'co_mediator' }, who);
      expect(roles.status).toBe(403);
      const send = await flow.clickInThread('terms.send', { caseId: c.id }, who);
      expect(send.status).toBe(403);
    }
    expect((await t.bot.store.cases.get(c.id))!.version).toBe(c.version);
    expect(t.connector.calls.filter((x) => x.path.endsWith('/v3/conversations'))).toHaveLength(0);
  });

  it('only lets mediators on the allow-list open cases', async () => {
    await t.stop();
    t = await startTestBot({ MEDIATOR_ALLOWLIST: USERS.officer.aadObjectId });
    const flow = caseFlow(t);
    await flow.say('new case');
    expect(JSON.stringify(t.connector.messages())).toMatch(/Only mediators on this service/);
    const res = await flow.clickInThread('case.create', { caseReference: 'SM-1' });
    expect(res.status).toBe(403);
  });
});

describe('terms of engagement', () => {
  it('sends each party the terms in a 1:1 chat, opening it when needed', async () => {
    const { flow } = await caseWithParties();
    t.connector.reset();
    await flow.say('send terms');
    const created = t.connector.calls.filter((x) => x.method === 'POST' && x.path.endsWith('/v3/conversations'));
    expect(created.map((x) => (x.body.members as { id: string }[])[0]?.id).sort()).toEqual([USERS.officer.id, USERS.parent.id].sort());
    expect(JSON.stringify(t.connector.messages())).toMatch(/I sent the Terms of Engagement to Sam Jones, Priya Shah|I sent the Terms of Engagement to Priya Shah, Sam Jones/);
  });

  it('records one acknowledgement for a double click and for a replayed invoke, with the same card each time', async () => {
    const { flow, c, parent } = await caseWithParties();
    const data = { caseId: c.id, partyId: parent.partyId, termsVersion: t.bot.app.deps.terms.version };
    const [first, second] = await Promise.all([
      flow.clickPersonal('terms.agree', data, USERS.parent),
      flow.clickPersonal('terms.agree', data, USERS.parent),
    ]);
    expect(bodyText(first)).toMatch(/You agreed on/);
    expect(bodyText(second)).toBe(bodyText(first));
    // A Teams retry: the very same activity (same id) delivered twice more.
    const retry = activity('personal', { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'terms-card', value: { action: { type: 'Action.Execute', verb: 'terms.agree', data } } }, USERS.parent);
    const replies = [await t.post(retry), await t.post(retry)];
    for (const r of replies) expect(bodyText(r)).toBe(bodyText(first));
    expect(await t.bot.store.acknowledgements.listForCase(c.id)).toHaveLength(1);
    await t.bot.app.deps.background.idle();
    const audit = (await t.bot.store.auditLog.listForCase(c.id)).filter((a) => a.action === 'terms.agreed');
    expect(audit).toEqual([expect.objectContaining({ by: USERS.parent.aadObjectId })]);
  });

  it('refuses a forged click for another party and writes nothing', async () => {
    const { flow, c, officer } = await caseWithParties();
    const res = await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: officer.partyId, termsVersion: t.bot.app.deps.terms.version, authority: 'full' }, USERS.parent);
    expect(res.status).toBe(403);
    expect(bodyText(res)).toMatch(/Only Priya Shah or a mediator/);
    const stranger = await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: officer.partyId, termsVersion: t.bot.app.deps.terms.version }, USERS.stranger);
    expect(stranger.status).toBe(403);
    expect(await t.bot.store.acknowledgements.listForCase(c.id)).toHaveLength(0);
  });

  it('lets a mediator record an agreement for a guest, with the reason, and shows it on the case card', async () => {
    const { flow, c, officer } = await caseWithParties();
    t.connector.reset();
    await flow.say('record terms');
    expect(JSON.stringify(t.connector.messages())).toMatch(/Whose agreement are you recording/);
    const pick = await flow.clickInThread('terms.recordPick', { caseId: c.id, partyId: officer.partyId }, USERS.mediator, 'picker');
    expect(bodyText(pick)).toMatch(/Why are you recording this for them/);
    const noReason = await flow.clickInThread('terms.agree', { caseId: c.id, partyId: officer.partyId, termsVersion: t.bot.app.deps.terms.version, authority: 'full' }, USERS.mediator, 'picker');
    expect(bodyText(noReason)).toMatch(/Say why you are recording/);
    const ok = await flow.clickInThread(
      'terms.agree',
      { caseId: c.id, partyId: officer.partyId, termsVersion: t.bot.app.deps.terms.version, authority: 'full', recordReason: 'Agreed by phone' },
      USERS.mediator,
      'picker',
    );
    expect(bodyText(ok)).toMatch(/Maya Patel/);
    const [ack] = await t.bot.store.acknowledgements.listForCase(c.id);
    expect(ack?.recordedByMediator).toEqual({ mediatorAadObjectId: USERS.mediator.aadObjectId, reason: 'Agreed by phone' });
    await t.bot.app.deps.background.idle();
    const put = t.connector.calls.filter((x) => x.method === 'PUT').at(-1);
    expect(JSON.stringify(put?.body)).toMatch(/recorded by/i);
  });

  it('asks again when the provider changes the terms', async () => {
    const { flow, c, parent } = await caseWithParties();
    await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: parent.partyId, termsVersion: t.bot.app.deps.terms.version }, USERS.parent);
    // Restart on the same data with a new terms file.
    const dataDir = t.config.dataDir;
    const fs = await import('node:fs/promises');
    const file = `${dataDir}/provider-terms.md`;
    await fs.writeFile(file, '# Our terms\n\n## Courtesy\n\n- Be kind.\n');
    const connector = t.connector;
    await t.bot.close();
    const restarted = await startTestBot({ DATA_DIR: dataDir, TERMS_FILE: file }, { connector });
    // Given a data dir and a connector, the restarted bot owns neither: afterEach's stop() frees them too.
    t = {
      ...restarted,
      async stop() {
        await restarted.stop();
        await connector.stop();
        await removeDir(dataDir);
      },
    };
    const again = caseFlow(t);
    await again.say('status');
    expect(JSON.stringify(t.connector.messages())).toMatch(/Sam Jones, Parent or carer: Agreed to an earlier version: needs to agree again/);
    t.connector.reset();
    await again.say('send terms');
    expect(JSON.stringify(t.connector.messages())).toMatch(/I sent the Terms of Engagement to (Priya Shah, )?Sam Jones/);
  });
});

describe('requested changes', () => {
  it('adds one change for a double click on the form', async () => {
    const flow = caseFlow(t);
    const c = await flow.openCase();
    await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer' });
    const parent = (await t.bot.store.cases.get(c.id))!.parties[0]!;
    const data = { caseId: c.id, section: 'F', location: 'Outcome 1', requestedWording: 'Weekly SaLT', reason: 'Report', requestedBy: parent.partyId };
    const [a, b] = await Promise.all([flow.clickInThread('changes.save', data), flow.clickInThread('changes.save', data)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await t.bot.store.preparation.listChanges(c.id)).toHaveLength(1);
  });
});
