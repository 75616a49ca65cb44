import { startProduct, type ProductSession } from './productSession';
import { visibleText, type BotMessage } from './playgroundDriver';

/**
 * The first real journey, through the Agents Playground: a mediator opens a case in the
 * Cases channel, adds parties from the team roster, invites someone from outside, sends the
 * terms, and the parties agree with card buttons.
 */
let s: ProductSession;
beforeAll(async () => {
  s = await startProduct();
});
afterAll(async () => {
  await s?.stop();
});

const cardValue = (r: { value?: unknown }) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: r.value }] });

describe('a case from the channel to agreed terms', () => {
  let thread: string;
  let caseCardMsg: BotMessage;

  it('opens a case from the form in a channel thread', async () => {
    const post = await s.pg.say('channel', 'new case');
    thread = post.conversationId;
    const form = await s.pg.waitForBotMessage((m) => m.conversationId === thread && /Case reference/.test(visibleText(m)));

    // Missing and invalid fields come back on the form, next to the fields; nothing is stored.
    const bad = await s.pg.clickAction(form, 'Open the case', { inputs: { caseReference: 'SM-2026-041', childInitials: 'Samuel' } });
    expect(bad.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardValue(bad)).toMatch(/initials/i);
    expect(await s.bot.store.cases.findByThreadConversation(thread)).toBeNull();

    const ok = await s.pg.clickAction(form, 'Open the case', {
      inputs: {
        caseReference: 'SM-2026-041',
        caseType: 'M-CONTENT',
        childInitials: 'JS',
        isYoungPerson: 'false',
        localAuthority: 'Northshire County Council',
        decisionNoticeSent: '2026-11-02',
        laInformed: '2026-11-16',
        meetingDate: '2026-12-10',
        meetingTime: '10:00',
        meetingFormat: 'online',
      },
    });
    expect(cardValue(ok)).toContain('SM-2026-041');
    // Everyone sees the case card: the form message itself is edited.
    caseCardMsg = await s.pg.waitForBotMessage((m) => m.kind === 'update' && m.messageId === form.messageId);
    const text = visibleText(caseCardMsg);
    expect(text).toContain('Northshire County Council');
    expect(text).toMatch(/Wed 16 Dec 2026/); // ARRANGE_MEDIATION: 30 days after Mon 16 Nov 2026
  });

  it('adds the parent and the LA officer from the team roster', async () => {
    const roster = await s.pg.clickAction(caseCardMsg, 'Add parties');
    expect(cardValue(roster)).toContain('Sam Jones (Parent)');
    const sam = s.pg.user('Parent');
    const priya = s.pg.user('LA officer');
    const saved = await s.pg.invoke({ conversationId: thread }, caseCardMsg.messageId, {
      action: {
        type: 'Action.Execute',
        verb: 'case.assignRoles',
        data: { caseId: (await s.bot.store.cases.findByThreadConversation(thread))!.id, page: 0, [`role_${sam.aadObjectId}`]: 'parent_carer', [`role_${priya.aadObjectId}`]: 'la_officer' },
      },
      trigger: 'manual',
    });
    expect(cardValue(saved)).toMatch(/Sam Jones \(Parent\)/);
    const c = await s.bot.store.cases.findByThreadConversation(thread);
    expect(c?.parties.map((p) => p.role).sort()).toEqual(['la_officer', 'parent_carer']);
  });

  it('sends the terms to each party in their 1:1 chat', async () => {
    await s.pg.say({ conversationId: thread }, 'send terms');
    const report = await s.pg.waitForBotMessage((m) => m.conversationId === thread && /I sent the Terms of Engagement/.test(visibleText(m)));
    expect(visibleText(report)).toMatch(/Sam Jones \(Parent\)/);
    const sam = s.pg.user('Parent');
    const termsForSam = await s.pg.waitForBotMessage((m) => m.privateTo === sam.id && /I agree to these terms/.test(visibleText(m)), { since: 0 });
    expect(visibleText(termsForSam)).toMatch(/Confidentiality/i);
  });

  it('records one agreement for a double click, and updates the case card in the channel', async () => {
    const sam = s.pg.user('Parent');
    const terms = await s.pg.waitForBotMessage((m) => m.privateTo === sam.id && /I agree to these terms/.test(visibleText(m)), { since: 0 });
    const [first, second] = await Promise.all([
      s.pg.clickAction(terms, 'I agree to these terms', { as: sam.id }),
      s.pg.clickAction(terms, 'I agree to these terms', { as: sam.id }),
    ]);
    expect(cardValue(first)).toMatch(/You agreed on \w{3} \d{1,2} \w{3} \d{4} at \d{2}:\d{2}/);
    expect(cardValue(second)).toBe(cardValue(first));
    const c = (await s.bot.store.cases.findByThreadConversation(thread))!;
    expect(await s.bot.store.acknowledgements.listForCase(c.id)).toHaveLength(1);
    const updated = await s.pg.waitForBotMessage(
      (m) => m.kind === 'update' && m.messageId === caseCardMsg.messageId && /Sam Jones \(Parent\)[^\n]*\n?[^\n]*Agreed/.test(visibleText(m)),
      { since: 0 },
    );
    expect(visibleText(updated)).toMatch(/Priya Shah \(LA officer\)[^\n]*Not yet agreed/);
  });

  it('refuses a forged click (another party’s id in the card data), and writes nothing', async () => {
    const sam = s.pg.user('Parent');
    const c0 = (await s.bot.store.cases.findByThreadConversation(thread))!;
    const priyaParty = c0.parties.find((p) => p.role === 'la_officer')!;
    const samTerms = await s.pg.waitForBotMessage((m) => m.privateTo === sam.id && /I agree to these terms/.test(visibleText(m)), { since: 0 });
    const forged = await s.pg.invoke({ conversationId: samTerms.conversationId }, samTerms.messageId, {
      action: { type: 'Action.Execute', verb: 'terms.agree', data: { caseId: c0.id, partyId: priyaParty.partyId, termsVersion: s.bot.app.deps.terms.version, authority: 'full' } },
      trigger: 'manual',
    }, { as: sam.id });
    // The bot answers 403 with a Universal Actions error body; the playground wraps it in a 502.
    expect(JSON.stringify(forged)).toMatch(/"statusCode":403,"type":"application\/vnd.microsoft.error"/);
    expect(JSON.stringify(forged)).toMatch(/Only Priya Shah \(LA officer\) or a mediator/);
    const c = (await s.bot.store.cases.findByThreadConversation(thread))!;
    expect(await s.bot.store.acknowledgements.listForCase(c.id)).toHaveLength(1);
  });

  it('alerts the mediators in the thread when the LA officer has limited authority', async () => {
    const priya = s.pg.user('LA officer');
    const terms = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /I agree to these terms/.test(visibleText(m)), { since: 0 });
    const missing = await s.pg.clickAction(terms, 'I agree to these terms', { as: priya.id });
    expect(cardValue(missing)).toMatch(/Say whether you can settle the issues/);
    const agreed = await s.pg.clickAction(terms, 'I agree to these terms', { as: priya.id, inputs: { authority: 'limited' } });
    expect(cardValue(agreed)).toMatch(/You agreed/);
    const alert = await s.pg.waitForBotMessage((m) => m.conversationId === thread && /Limited authority/.test(visibleText(m)));
    expect(visibleText(alert)).toMatch(/family must be told before the meeting/);
  });

  it('invites someone from outside the team with a one-time code', async () => {
    await s.pg.say({ conversationId: thread }, 'invite advocate');
    await s.pg.waitForBotMessage((m) => m.conversationId === thread && /sent you a one-time code/.test(visibleText(m)));
    const codeCard = await s.pg.waitForBotMessage((m) => /join [0-9A-Z]{4}-/.test(visibleText(m)), { since: 0 });
    expect(codeCard.conversationId).not.toBe(thread);
    const code = /join ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(visibleText(codeCard))![1]!;

    const advocate = s.pg.user('Advocate');
    const dm = await s.pg.openPersonalChat(advocate.id);
    await s.pg.say({ conversationId: dm }, `join ${code}`, { as: advocate.id });
    await s.pg.waitForBotMessage((m) => m.conversationId === dm && /You have joined case SM-2026-041/.test(visibleText(m)));

    // The code works once: someone else who got hold of it is refused.
    const senco = s.pg.user('SENCO');
    const sencoDm = await s.pg.openPersonalChat(senco.id);
    await s.pg.say({ conversationId: sencoDm }, `join ${code}`, { as: senco.id });
    await s.pg.waitForBotMessage((m) => m.conversationId === sencoDm && /already been used/.test(visibleText(m)));
    const c = (await s.bot.store.cases.findByThreadConversation(thread))!;
    expect(c.parties.find((p) => p.aadObjectId === advocate.aadObjectId)?.role).toBe('advocate');
    expect(c.parties.some((p) => p.role === 'school')).toBe(false);
  });
});

