import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText } from './playgroundDriver';

/**
 * Preparation through the Agents Playground: the LA officer answers the preparation questions
 * in a 1:1 chat and says they do not have full authority (the mediators are alerted in the
 * thread); three requested changes are sent late (the warning shows); the officer reviews them
 * and the mediator's summary and board show the result.
 */
let s: ProductSession;
let k: OpenedCase;
beforeAll(async () => {
  s = await startProduct();
  // One working day before the meeting: any send today is later than the 3-working-day limit.
  k = await openCaseWithParties(s, 'SM-2026-052', workingDaysFromToday(1));
});
afterAll(async () => {
  await s?.stop();
});

it('sends the preparation questions to the LA officer and the family in their 1:1 chats', async () => {
  await s.pg.say({ conversationId: k.thread }, 'start preparation');
  const report = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /started the preparation questions/.test(visibleText(m)));
  expect(visibleText(report)).toMatch(/Sam Jones \(Parent\)/);
  expect(visibleText(report)).toMatch(/Priya Shah \(LA officer\)/);
});

it('alerts the mediators at once when the LA officer says they do not have full authority', async () => {
  const priya = s.pg.user('LA officer');
  const first = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Name of the person attending/.test(visibleText(m)), { since: 0 });
  const dm = first.conversationId;
  const answer = async (text: string, next: RegExp) => {
    await s.pg.say({ conversationId: dm }, text, { as: priya.id });
    return s.pg.waitForBotMessage((m) => m.conversationId === dm && next.test(visibleText(m)));
  };
  await answer('Priya Shah', /Their role/);
  // A typed reply that is not one of the choices gets the question again with a hint.
  await answer('SEN team manager', /know the family/i);
  await answer('perhaps', /know the family/i);
  await answer('yes', /full authority/i);
  await answer('no', /cannot be decided/i);
  await answer('Funding above the section F banding', /Who holds that authority/);
  // The alert goes to the thread as soon as the officer says "no", before the follow-up answers.
  const alert = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Limited authority/.test(visibleText(m)), { since: 0 });
  expect(visibleText(alert)).toMatch(/Priya Shah \(LA officer\) \(local authority officer\) does not have full authority/);
  await answer('The SEN funding panel', /health or social care/i);

  // `cancel` stops with the answers kept; `prep` carries on at the next unanswered question.
  await answer('cancel', /saved/i);
  await answer('prep', /health or social care/i);
});

it('warns the mediator when the requested changes are sent late, and the officer reviews all three', async () => {
  const sam = s.bot.store.cases.get(k.c.id).then((c) => c!.parties.find((p) => p.role === 'parent_carer')!);
  const requestedBy = (await sam).partyId;
  const wordings = ['Weekly speech and language therapy, 1 hour, delivered by a qualified SaLT', '1:1 support for 25 hours a week', 'Named school: Riverside Academy'];
  for (const [i, requestedWording] of wordings.entries()) {
    await s.pg.say({ conversationId: k.thread }, 'add change');
    const form = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Section of the plan/.test(visibleText(m)));
    const saved = await s.pg.clickAction(form, 'Add the change', {
      inputs: { section: i === 2 ? 'I' : 'F', location: `Outcome ${i + 1}`, currentWording: '', requestedWording, reason: 'SaLT report, March 2026', requestedBy },
    });
    expect(saved.status).toBe(200);
  }
  expect(await s.bot.store.preparation.listChanges(k.c.id)).toHaveLength(3);

  await s.pg.say({ conversationId: k.thread }, 'send changes');
  const sent = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /3 changes were sent/.test(visibleText(m)));
  expect(visibleText(sent)).toMatch(/Sent late: changes should reach the LA ideally by \w{3} \d+ \w{3} \d{4} and at the latest by \w{3} \d+ \w{3} \d{4}/);

  const priya = s.pg.user('LA officer');
  const review = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Weekly speech and language therapy/.test(visibleText(m)));
  const changes = await s.bot.store.preparation.listChanges(k.c.id);
  const positions = ['agree', 'decline', 'discuss'] as const;
  for (const [i, change] of changes.entries()) {
    const r = await s.pg.invoke({ conversationId: review.conversationId }, review.messageId, {
      action: { type: 'Action.Execute', verb: 'changes.position', data: { caseId: k.c.id, changeId: change.changeId, position: positions[i]!, note: 'internal' } },
      trigger: 'manual',
    }, { as: priya.id });
    expect(r.status).toBe(200);
  }

  await s.pg.say({ conversationId: k.thread }, 'changes');
  const summary = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /To discuss at the meeting/.test(visibleText(m)));
  const text = visibleText(summary);
  expect(text).toMatch(/Agree 1/);
  expect(text).toMatch(/Decline 1/);
  expect(text).toMatch(/Discuss at the meeting 1/);
  expect(text).toMatch(/Change 3: section I/);
});

it('shows the blockers first on the mediator’s preparation board', async () => {
  await s.pg.say({ conversationId: k.thread }, 'prep');
  const board = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Preparation: case /.test(visibleText(m)) && /Blockers \(/.test(visibleText(m)));
  const text = visibleText(board);
  expect(text).toMatch(/Cannot decide on the day: Funding above the section F banding\. Authority is held by: The SEN funding panel/);
  expect(text.indexOf('does not have full authority')).toBeGreaterThan(-1);
  expect(text.indexOf('does not have full authority')).toBeLessThan(text.indexOf('Sam Jones'));
});
