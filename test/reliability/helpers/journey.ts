import { activity, mention, startTestBot, type TestBot } from '../../helpers/testBot';
import { caseFormData } from '../../helpers/caseForm';
import { dueInForce } from '../../../domain/followUp';
import { londonDate } from '../../../domain/londonTime';
import { addDays, isoFromDayNumber, parseIsoDate } from '../../../domain/timescales/dates';
import { JOURNEY_ENV, PEOPLE, MEDIATORS, type Person, type Role } from './people';

/**
 * One case carried from the first install to the certificate over HTTP, as Teams would deliver
 * it, one step per kind of activity, command and card verb the product handles. The replay and
 * authorisation suites walk the same steps; the coverage check compares them with the product's
 * own registries (bot/registry.ts, bot/commandCatalog.ts, cards/verbs.ts).
 */
export type Where = 'thread' | 'otherThread' | 'personal' | 'group';

export type Payload =
  | { readonly verb: string; readonly data: Record<string, unknown> }
  | { readonly text: string }
  | { readonly fields: Record<string, unknown> };

export interface Step {
  /** Unique, used in test names. */
  readonly label: string;
  /** What the step covers: a card verb, a typed command, or another kind of activity. */
  readonly covers: { readonly verb: string } | { readonly command: string } | { readonly activity: string };
  readonly as: Role;
  readonly where: Where;
  /**
   * What the first delivery visibly does, so a replay check can never pass on a step that did
   * nothing: `writes` changes a product collection; `sends` only sends messages; `reads` answers
   * the person (a card or a reply) and nothing else.
   */
  readonly effect: 'writes' | 'sends' | 'reads';
  /**
   * Who may do it. Everyone else in PEOPLE is refused by the authorisation suite, in the same
   * place, at the same moment. Absent: open to anyone who can reach it (help, dates, join…).
   */
  readonly allowed?: readonly Role[];
  payload(j: Journey): Promise<Payload> | Payload;
  /** Picks up ids the later steps need. */
  after?(j: Journey, res: Response): Promise<void> | void;
}

export interface Response {
  readonly status: number;
  readonly body: unknown;
}

const THREAD = '19:cases@thread.tacv2;messageid=root-A';
const OTHER_THREAD = '19:cases@thread.tacv2;messageid=root-B';
const GROUP = '19:meeting-chat@thread.v2';
export const REFERENCE = 'SM-REL-0001';
export const OTHER_REFERENCE = 'SM-REL-0002';

/** Every card's action data that carries `verb`, anywhere in a response body. */
export function actionDataOf(body: unknown, verb: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.verb === verb && o.data && typeof o.data === 'object') found.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(body);
  return found;
}

export class Journey {
  /** Ids the steps pick up on the way (caseId, partyIds, meetingId…), for the steps after them. */
  readonly ids: Record<string, string> = {};
  constructor(readonly t: TestBot) {
    t.connector.members = Object.values(PEOPLE).map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  }

  id(name: string): string {
    const v = this.ids[name];
    if (!v) throw new Error(`the journey has no ${name} yet (an earlier step did not do its job)`);
    return v;
  }

  conversation(where: Where, as: Person): Record<string, unknown> {
    switch (where) {
      case 'thread':
        return { id: THREAD, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true };
      case 'otherThread':
        return { id: OTHER_THREAD, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true };
      case 'group':
        return { id: GROUP, conversationType: 'groupChat', tenantId: 'tenant-1', isGroup: true };
      case 'personal':
        return { id: `a:personal-${as.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-1' };
    }
  }

  conversationId(where: Where, as: Person): string {
    return String(this.conversation(where, as).id);
  }

  /** A fresh activity (new id) for `payload`, sent by `as` in `where`. */
  activityFor(payload: Payload, where: Where, as: Person, replyToId = 'card-1'): Record<string, unknown> {
    const kind = where === 'personal' ? 'personal' : where === 'group' ? 'groupChat' : 'channel';
    const base = { conversation: this.conversation(where, as) };
    if ('verb' in payload) {
      return activity(kind, { ...base, type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb: payload.verb, data: payload.data } } }, as);
    }
    if ('text' in payload) return activity(kind, { ...base, ...(where === 'personal' ? { text: payload.text } : mention(payload.text)) }, as);
    return activity(kind, { ...base, ...payload.fields }, as);
  }

  async post(a: Record<string, unknown>): Promise<Response> {
    const res = await this.t.post(a);
    await this.t.bot.app.deps.background.idle();
    return res;
  }

  /** Runs a step as its own actor and fails loudly when the product refused it (the journey would be meaningless after). */
  async run(step: Step): Promise<{ activity: Record<string, unknown>; res: Response }> {
    const a = this.activityFor(await step.payload(this), step.where, PEOPLE[step.as], replyTo(step));
    const res = await this.post(a);
    if (res.status !== 200) throw new Error(`step "${step.label}" answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    await step.after?.(this, res);
    return { activity: a, res };
  }

  async caseA() {
    const c = await this.t.bot.store.cases.get(this.id('caseId'));
    if (!c) throw new Error('case A vanished');
    return c;
  }

  partyId(c: { parties: readonly { aadObjectId?: string; partyId: string }[] }, who: Person): string {
    const p = c.parties.find((x) => x.aadObjectId === who.aadObjectId);
    if (!p) throw new Error(`${who.name} is not a party of the case`);
    return p.partyId;
  }

  termsVersion(): string {
    return this.t.bot.app.deps.terms.version;
  }
}

/** Card clicks name the message they came from; threads anchor on the form message. */
function replyTo(step: Step): string {
  return step.where === 'thread' ? 'form-A' : step.where === 'otherThread' ? 'form-B' : 'card-1';
}

const caseForm = (reference: string) => caseFormData({ caseReference: reference, decisionNoticeSent: '2026-11-02', meetingDate: '2027-02-10' });

const M = MEDIATORS;
/** The parties of case A once the advocate has joined. */
const PARTIES: readonly Role[] = ['parent', 'officer', 'advocate'];
/** Who enters and sends requested changes: the family side and the mediators (domain/preparation assertMayEditChanges). */
const FAMILY_AND_MEDIATORS: readonly Role[] = ['parent', 'advocate', ...MEDIATORS];
const inCase = async (j: Journey, extra: Record<string, unknown> = {}) => ({ caseId: j.id('caseId'), ...extra });
const inMeeting = async (j: Journey, extra: Record<string, unknown> = {}) => ({ caseId: j.id('caseId'), meetingId: j.id('meetingId'), ...extra });

/**
 * Case B, owned by another mediator with another family: the target of "ids of another case".
 * Not part of the steps: it only has to exist.
 */
export async function openOtherCase(j: Journey): Promise<void> {
  const mediator = PEOPLE.otherMediator;
  await j.post(j.activityFor({ text: 'new case' }, 'otherThread', mediator));
  const created = await j.post(j.activityFor({ verb: 'case.create', data: caseForm(OTHER_REFERENCE) }, 'otherThread', mediator, 'form-B'));
  if (created.status !== 200) throw new Error(`case B: ${created.status}`);
  const b = await j.t.bot.store.cases.findByThreadConversation('19:cases@thread.tacv2;messageid=root-B');
  if (!b) throw new Error('case B was not stored');
  j.ids.otherCaseId = b.id;
  await j.post(j.activityFor({ verb: 'case.assignRoles', data: { caseId: b.id, page: 0, [`role_${PEOPLE.otherParent.aadObjectId}`]: 'parent_carer' } }, 'otherThread', mediator, 'form-B'));
  const withParent = await j.t.bot.store.cases.get(b.id);
  j.ids.otherPartyId = j.partyId(withParent!, PEOPLE.otherParent);
}

/** The journey, in order. Each step's payload is computed when it runs, from what earlier steps stored. */
export function journeySteps(): Step[] {
  return [
    // Installs and greetings.
    { label: 'install in a 1:1 chat (installationUpdate)', covers: { activity: 'installationUpdate' }, as: 'lead', where: 'personal', effect: 'sends', payload: () => ({ fields: { type: 'installationUpdate', action: 'add' } }) },
    { label: 'added to the team (conversationUpdate)', covers: { activity: 'conversationUpdate' }, as: 'lead', where: 'thread', effect: 'sends', payload: () => ({ fields: { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] } }) },
    { label: 'help', covers: { command: 'help' }, as: 'parent', where: 'personal', effect: 'sends', payload: () => ({ text: 'help' }) },
    { label: 'an unrecognised message', covers: { activity: 'message (not a command)' }, as: 'parent', where: 'personal', effect: 'sends', payload: () => ({ text: 'what is this' }) },
    { label: 'dates', covers: { command: 'dates' }, as: 'stranger', where: 'personal', effect: 'sends', payload: () => ({ text: 'dates' }) },
    { label: 'dates.calculate', covers: { verb: 'dates.calculate' }, as: 'stranger', where: 'personal', effect: 'reads', payload: () => ({ verb: 'dates.calculate', data: { rule: 'APPEAL', startDate: '2026-11-02' } }) },

    // Opening the case.
    { label: 'new case', covers: { command: 'new case' }, as: 'lead', where: 'thread', effect: 'sends', payload: () => ({ text: 'new case' }) },
    {
      label: 'case.create', covers: { verb: 'case.create' }, as: 'lead', where: 'thread', effect: 'writes',
      payload: () => ({ verb: 'case.create', data: caseForm(REFERENCE) }),
      after: async (j) => {
        const c = await j.t.bot.store.cases.findByThreadConversation(THREAD);
        if (!c) throw new Error('case A was not stored');
        j.ids.caseId = c.id;
      },
    },
    { label: 'status', covers: { command: 'status' }, as: 'lead', where: 'thread', effect: 'sends', payload: () => ({ text: 'status' }) },
    { label: 'case.open', covers: { verb: 'case.open' }, as: 'lead', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'case.open', data: await inCase(j) }) },
    { label: 'case.roster', covers: { verb: 'case.roster' }, as: 'lead', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'case.roster', data: await inCase(j, { page: 0 }) }) },
    {
      label: 'case.assignRoles', covers: { verb: 'case.assignRoles' }, as: 'lead', where: 'thread', effect: 'writes', allowed: ['lead'],
      payload: async (j) => ({
        verb: 'case.assignRoles',
        data: await inCase(j, {
          page: 0,
          [`role_${PEOPLE.parent.aadObjectId}`]: 'parent_carer',
          [`role_${PEOPLE.officer.aadObjectId}`]: 'la_officer',
          [`role_${PEOPLE.co.aadObjectId}`]: 'co_mediator',
        }),
      }),
      after: async (j) => {
        const c = await j.caseA();
        j.ids.parentPartyId = j.partyId(c, PEOPLE.parent);
        j.ids.officerPartyId = j.partyId(c, PEOPLE.officer);
      },
    },
    {
      label: 'invite advocate', covers: { command: 'invite' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M,
      payload: () => ({ text: 'invite advocate' }),
      after: (j) => {
        // The last code sent: help texts carry an example code too.
        const sent = JSON.stringify(j.t.connector.messages());
        const code = [...sent.matchAll(/join ([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})/g)].at(-1)?.[1];
        if (!code) throw new Error('no invitation code was sent to the mediator');
        j.ids.inviteCode = code;
      },
    },
    {
      label: 'join with the code', covers: { command: 'join' }, as: 'advocate', where: 'personal', effect: 'writes',
      payload: (j) => ({ text: `join ${j.id('inviteCode')}` }),
      after: async (j) => {
        j.ids.advocatePartyId = j.partyId(await j.caseA(), PEOPLE.advocate);
      },
    },
    { label: 'my cases', covers: { command: 'my cases' }, as: 'parent', where: 'personal', effect: 'sends', payload: () => ({ text: 'my cases' }) },

    // Terms of Engagement.
    { label: 'send terms', covers: { command: 'send terms' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'send terms' }) },
    { label: 'terms.send', covers: { verb: 'terms.send' }, as: 'co', where: 'thread', effect: 'sends', allowed: M, payload: async (j) => ({ verb: 'terms.send', data: await inCase(j) }) },
    {
      label: 'terms.agree by the parent', covers: { verb: 'terms.agree' }, as: 'parent', where: 'personal', effect: 'writes', allowed: ['parent', ...M],
      payload: async (j) => ({ verb: 'terms.agree', data: await inCase(j, { partyId: j.id('parentPartyId'), termsVersion: j.termsVersion() }) }),
    },
    { label: 'record terms', covers: { command: 'record terms' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'record terms' }) },
    {
      label: 'terms.recordPick', covers: { verb: 'terms.recordPick' }, as: 'lead', where: 'thread', effect: 'reads', allowed: M,
      payload: async (j) => ({ verb: 'terms.recordPick', data: await inCase(j, { partyId: j.id('officerPartyId') }) }),
    },
    {
      label: 'terms.agree recorded by a mediator for the officer', covers: { verb: 'terms.agree' }, as: 'lead', where: 'thread', effect: 'writes', allowed: ['officer', ...M],
      payload: async (j) => ({
        verb: 'terms.agree',
        data: await inCase(j, { partyId: j.id('officerPartyId'), termsVersion: j.termsVersion(), authority: 'full', recordReason: 'Agreed by phone' }),
      }),
    },

    // Arranging the meeting: the case's facts edited, a date poll answered and picked.
    { label: 'edit', covers: { command: 'edit' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'edit' }) },
    { label: 'case.editForm', covers: { verb: 'case.editForm' }, as: 'co', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'case.editForm', data: await inCase(j) }) },
    {
      label: 'case.edit', covers: { verb: 'case.edit' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M,
      payload: async (j) => {
        const { caseReference: _ref, ...fields } = caseForm(REFERENCE);
        return { verb: 'case.edit', data: await inCase(j, { ...fields, localAuthority: 'Southshire Council' }) };
      },
    },
    { label: 'find a date', covers: { command: 'find a date' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'find a date' }) },
    {
      label: 'poll.create', covers: { verb: 'poll.create' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M,
      // The case's own meeting slot (after the 30-day limit, so with a reason): picking it later moves nothing the rest of the journey relies on.
      payload: async (j) => ({ verb: 'poll.create', data: await inCase(j, { slot1Date: '2027-02-10', slot1Time: '10:00', slot2Date: '2027-02-11', slot2Time: '10:00', lateReason: 'The family asked for February' }) }),
    },
    {
      label: 'poll.answer by the parent', covers: { verb: 'poll.answer' }, as: 'parent', where: 'personal', effect: 'writes', allowed: [...PARTIES, ...M],
      payload: async (j) => ({ verb: 'poll.answer', data: await inCase(j, { answer_s1: 'yes', answer_s2: 'no' }) }),
    },
    { label: 'poll.pick', covers: { verb: 'poll.pick' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M, payload: async (j) => ({ verb: 'poll.pick', data: await inCase(j, { slotId: 's1' }) }) },

    // Preparation.
    { label: 'start preparation', covers: { command: 'start preparation' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'start preparation' }) },
    { label: 'prep (board, in the thread)', covers: { command: 'prep' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'prep' }) },
    { label: 'prep.board', covers: { verb: 'prep.board' }, as: 'co', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'prep.board', data: await inCase(j) }) },
    {
      label: 'prep.start by the officer', covers: { verb: 'prep.start' }, as: 'officer', where: 'personal', effect: 'sends', allowed: ['officer', ...M],
      payload: async (j) => ({ verb: 'prep.start', data: await inCase(j, { partyId: j.id('officerPartyId') }) }),
    },
    { label: 'a typed preparation answer', covers: { activity: 'message (dialog answer)' }, as: 'officer', where: 'personal', effect: 'writes', payload: () => ({ text: 'Priya Shah' }) },
    {
      label: 'prep.answer', covers: { verb: 'prep.answer' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer', ...M],
      payload: (j) => {
        // The question card the typed answer brought up, as the officer would click it.
        const data = actionDataOf(j.t.connector.messages(), 'prep.answer').filter((d) => d.partyId === j.id('officerPartyId')).at(-1);
        if (!data) throw new Error('no preparation question card was sent');
        return { verb: 'prep.answer', data: { ...data, answer: 'SEN team manager' } };
      },
    },
    { label: 'prep.cancel', covers: { verb: 'prep.cancel' }, as: 'officer', where: 'personal', effect: 'reads', payload: async (j) => ({ verb: 'prep.cancel', data: await inCase(j, { partyId: j.id('officerPartyId') }) }) },

    // Requested changes.
    { label: 'add change', covers: { command: 'add change' }, as: 'parent', where: 'personal', effect: 'sends', payload: () => ({ text: 'add change' }) },
    { label: 'changes.new', covers: { verb: 'changes.new' }, as: 'lead', where: 'thread', effect: 'reads', allowed: FAMILY_AND_MEDIATORS, payload: async (j) => ({ verb: 'changes.new', data: await inCase(j) }) },
    {
      label: 'changes.save (first change)', covers: { verb: 'changes.save' }, as: 'lead', where: 'thread', effect: 'writes', allowed: FAMILY_AND_MEDIATORS,
      payload: async (j) => ({ verb: 'changes.save', data: await inCase(j, { section: 'F', location: 'Outcome 1', requestedWording: 'Weekly SaLT, 1 hour', reason: 'SaLT report', requestedBy: j.id('parentPartyId') }) }),
      after: async (j) => {
        const [first] = await j.t.bot.store.preparation.listChanges(j.id('caseId'));
        if (!first) throw new Error('no change stored');
        j.ids.changeId = first.changeId;
      },
    },
    { label: 'changes.edit', covers: { verb: 'changes.edit' }, as: 'lead', where: 'thread', effect: 'reads', allowed: FAMILY_AND_MEDIATORS, payload: async (j) => ({ verb: 'changes.edit', data: await inCase(j, { changeId: j.id('changeId') }) }) },
    { label: 'send changes', covers: { command: 'send changes' }, as: 'lead', where: 'thread', effect: 'writes', allowed: FAMILY_AND_MEDIATORS, payload: () => ({ text: 'send changes' }) },
    {
      label: 'changes.save (second change, by the parent)', covers: { verb: 'changes.save' }, as: 'parent', where: 'personal', effect: 'writes', allowed: FAMILY_AND_MEDIATORS,
      payload: async (j) => ({ verb: 'changes.save', data: await inCase(j, { section: 'B', location: 'Communication', requestedWording: 'Visual timetable every day', reason: 'School report' }) }),
    },
    { label: 'changes.send', covers: { verb: 'changes.send' }, as: 'parent', where: 'personal', effect: 'writes', allowed: FAMILY_AND_MEDIATORS, payload: async (j) => ({ verb: 'changes.send', data: await inCase(j) }) },
    { label: 'changes', covers: { command: 'changes' }, as: 'officer', where: 'personal', effect: 'sends', payload: () => ({ text: 'changes' }) },
    { label: 'changes.summary', covers: { verb: 'changes.summary' }, as: 'officer', where: 'personal', effect: 'reads', allowed: [...PARTIES, ...M], payload: async (j) => ({ verb: 'changes.summary', data: await inCase(j) }) },
    { label: 'changes.review', covers: { verb: 'changes.review' }, as: 'officer', where: 'personal', effect: 'reads', allowed: ['officer', ...M], payload: async (j) => ({ verb: 'changes.review', data: await inCase(j) }) },
    {
      label: 'changes.position', covers: { verb: 'changes.position' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer', ...M],
      payload: async (j) => ({ verb: 'changes.position', data: await inCase(j, { changeId: j.id('changeId'), position: 'agree', note: 'internal' }) }),
    },

    // The meeting, in its group chat.
    { label: 'link', covers: { command: 'link' }, as: 'lead', where: 'group', effect: 'writes', allowed: M, payload: () => ({ text: `link ${REFERENCE}` }) },
    { label: 'start meeting', covers: { command: 'start meeting' }, as: 'lead', where: 'group', effect: 'sends', allowed: M, payload: () => ({ text: 'start meeting' }) },
    {
      label: 'meeting.start', covers: { verb: 'meeting.start' }, as: 'lead', where: 'group', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'meeting.start', data: await inCase(j, { startedAnywayReason: 'Agreed by phone', confirmedDay: londonDate(new Date()) }) }),
      after: async (j) => {
        const m = await j.t.bot.store.meetings.current(j.id('caseId'));
        if (!m) throw new Error('no meeting started');
        j.ids.meetingId = m.meetingId;
      },
    },
    { label: 'meeting.checklist', covers: { verb: 'meeting.checklist' }, as: 'co', where: 'group', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'meeting.checklist', data: await inMeeting(j) }) },
    { label: 'meeting.tick', covers: { verb: 'meeting.tick' }, as: 'co', where: 'group', effect: 'writes', allowed: M, payload: async (j) => ({ verb: 'meeting.tick', data: await inMeeting(j, { itemId: 'opening', on: 1 }) }) },
    {
      label: 'meeting.breakStart', covers: { verb: 'meeting.breakStart' }, as: 'lead', where: 'group', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'meeting.breakStart', data: await inMeeting(j, { kind: 'all' }) }),
      after: async (j) => {
        const m = await j.t.bot.store.meetings.current(j.id('caseId'));
        const open = m?.breaks.find((b) => b.endedAt === undefined);
        if (!open) throw new Error('no break started');
        j.ids.breakId = open.breakId;
      },
    },
    { label: 'meeting.breakEnd', covers: { verb: 'meeting.breakEnd' }, as: 'lead', where: 'group', effect: 'writes', allowed: M, payload: async (j) => ({ verb: 'meeting.breakEnd', data: await inMeeting(j, { breakId: j.id('breakId') }) }) },
    { label: 'add action', covers: { command: 'add action' }, as: 'lead', where: 'group', effect: 'sends', allowed: M, payload: () => ({ text: 'add action' }) },
    { label: 'action.form', covers: { verb: 'action.form' }, as: 'lead', where: 'group', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'action.form', data: await inMeeting(j) }) },
    {
      label: 'action.save', covers: { verb: 'action.save' }, as: 'lead', where: 'group', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'action.save', data: await inMeeting(j, { actionId: 'act-keep', owner: 'body:local_authority', what: 'Issue the amended plan', category: 'amend_plan' }) }),
    },
    {
      label: 'action.save (one to remove)', covers: { verb: 'action.save' }, as: 'co', where: 'group', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'action.save', data: await inMeeting(j, { actionId: 'act-drop', owner: 'body:local_authority', what: 'Arrange an EP visit', category: 'other_la_icb' }) }),
    },
    { label: 'action.remove', covers: { verb: 'action.remove' }, as: 'lead', where: 'group', effect: 'writes', allowed: M, payload: async (j) => ({ verb: 'action.remove', data: await inMeeting(j, { actionId: 'act-drop' }) }) },
    { label: 'change.resultForm', covers: { verb: 'change.resultForm' }, as: 'lead', where: 'group', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'change.resultForm', data: await inMeeting(j) }) },
    {
      label: 'change.result', covers: { verb: 'change.result' }, as: 'lead', where: 'group', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'change.result', data: await inMeeting(j, { changeId: j.id('changeId'), result: 'agreed', agreedWording: 'Weekly SaLT, 45 minutes' }) }),
    },
    { label: 'meeting.readBack', covers: { verb: 'meeting.readBack' }, as: 'lead', where: 'group', effect: 'sends', allowed: M, payload: async (j) => ({ verb: 'meeting.readBack', data: await inMeeting(j) }) },
    { label: 'meeting.closeForm', covers: { verb: 'meeting.closeForm' }, as: 'lead', where: 'group', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'meeting.closeForm', data: await inMeeting(j) }) },
    { label: 'meeting.close', covers: { verb: 'meeting.close' }, as: 'lead', where: 'group', effect: 'writes', allowed: M, payload: async (j) => ({ verb: 'meeting.close', data: await inMeeting(j, { outcome: 'partial' }) }) },

    // Outcome and certificate.
    { label: 'outcome', covers: { command: 'outcome' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'outcome' }) },
    { label: 'outcome.draft', covers: { verb: 'outcome.draft' }, as: 'lead', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'outcome.draft', data: await inCase(j) }) },
    {
      label: 'outcome.publish', covers: { verb: 'outcome.publish' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'outcome.publish', data: await inCase(j, { outcomeVersion: 1, overview: 'Both sides worked through section F.' }) }),
    },
    { label: 'outcome.view', covers: { verb: 'outcome.view' }, as: 'parent', where: 'thread', effect: 'reads', allowed: [...PARTIES, ...M], payload: async (j) => ({ verb: 'outcome.view', data: await inCase(j) }) },
    { label: 'outcome.content', covers: { verb: 'outcome.content' }, as: 'parent', where: 'personal', effect: 'writes', allowed: PARTIES, payload: async (j) => ({ verb: 'outcome.content', data: await inCase(j, { outcomeVersion: 1 }) }) },
    {
      label: 'outcome.correction', covers: { verb: 'outcome.correction' }, as: 'officer', where: 'personal', effect: 'writes', allowed: PARTIES,
      payload: async (j) => ({ verb: 'outcome.correction', data: await inCase(j, { outcomeVersion: 1, correctionReason: 'Action 1 owner is the SEN team' }) }),
    },
    { label: 'outcome.revise', covers: { verb: 'outcome.revise' }, as: 'lead', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'outcome.revise', data: await inCase(j, { outcomeVersion: 1 }) }) },
    {
      label: 'outcome.amendedPlan', covers: { verb: 'outcome.amendedPlan' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer', ...M],
      payload: async (j) => ({ verb: 'outcome.amendedPlan', data: await inCase(j, { amendedPlanUrl: 'https://la.example.gov.uk/plans/SM-REL-0001.docx' }) }),
    },
    { label: 'certificate', covers: { command: 'certificate' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'certificate' }) },
    { label: 'certificate.form', covers: { verb: 'certificate.form' }, as: 'lead', where: 'thread', effect: 'reads', allowed: M, payload: async (j) => ({ verb: 'certificate.form', data: await inCase(j) }) },
    { label: 'certificate.issue', covers: { verb: 'certificate.issue' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M, payload: async (j) => ({ verb: 'certificate.issue', data: await inCase(j, { variant: 'after_mediation' }) }) },

    // Deadlines and reminders (bot/reminders). The agreed action's deadline exists once the meeting has closed.
    { label: 'reminders', covers: { command: 'reminders' }, as: 'lead', where: 'thread', effect: 'sends', allowed: [...PARTIES, ...M], payload: () => ({ text: 'reminders' }) },
    { label: 'reminders.list', covers: { verb: 'reminders.list' }, as: 'lead', where: 'thread', effect: 'reads', allowed: [...PARTIES, ...M], payload: async (j) => ({ verb: 'reminders.list', data: await inCase(j) }) },
    {
      label: 'reminder.done', covers: { verb: 'reminder.done' }, as: 'lead', where: 'thread', effect: 'writes', allowed: ['officer', ...M],
      payload: async (j) => ({ verb: 'reminder.done', data: await inCase(j, { deadlineId: `${j.id('caseId')}|action|act-keep|LA_AMEND_PLAN` }) }),
    },

    // The records layer: the case's audit log (bot/audit).
    { label: 'audit', covers: { command: 'audit' }, as: 'co', where: 'thread', effect: 'sends', allowed: [...M, 'admin'], payload: () => ({ text: 'audit' }) },
    { label: 'audit.page', covers: { verb: 'audit.page' }, as: 'lead', where: 'thread', effect: 'reads', allowed: [...M, 'admin'], payload: async (j) => ({ verb: 'audit.page', data: await inCase(j) }) },

    // After the meeting (bot/followUp): the LA officer follows the agreed action through, the parent answers delays and gives feedback.
    { label: 'actions', covers: { command: 'actions' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'actions' }) },
    {
      label: 'progress.update', covers: { verb: 'progress.update' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer'],
      payload: async (j) => ({ verb: 'progress.update', data: await inCase(j, { actionId: 'act-keep', updateId: 'update-rel-1', updateText: 'The draft went to panel today' }) }),
    },
    {
      label: 'progress.delay', covers: { verb: 'progress.delay' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer'],
      payload: async (j) => ({ verb: 'progress.delay', data: await inCase(j, { actionId: 'act-keep', delayId: 'delay-rel-1', newDate: await afterDue(j, 14), delayReason: 'The EP report is late' }) }),
    },
    {
      label: 'progress.delayAgree', covers: { verb: 'progress.delayAgree' }, as: 'parent', where: 'personal', effect: 'writes', allowed: ['parent'],
      payload: async (j) => ({ verb: 'progress.delayAgree', data: await inCase(j, { actionId: 'act-keep', delayId: 'delay-rel-1' }) }),
    },
    {
      label: 'progress.delay (a second one)', covers: { verb: 'progress.delay' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer'],
      payload: async (j) => ({ verb: 'progress.delay', data: await inCase(j, { actionId: 'act-keep', delayId: 'delay-rel-2', newDate: await afterDue(j, 14), delayReason: 'Panel postponed' }) }),
    },
    {
      label: 'progress.delayDecline', covers: { verb: 'progress.delayDecline' }, as: 'parent', where: 'personal', effect: 'writes', allowed: ['parent'],
      payload: async (j) => ({ verb: 'progress.delayDecline', data: await inCase(j, { actionId: 'act-keep', delayId: 'delay-rel-2' }) }),
    },
    {
      label: 'progress.done', covers: { verb: 'progress.done' }, as: 'officer', where: 'personal', effect: 'writes', allowed: ['officer'],
      payload: async (j) => ({ verb: 'progress.done', data: await inCase(j, { actionId: 'act-keep', doneOn: londonDate(new Date()) }) }),
    },
    {
      label: 'feedback.submit', covers: { verb: 'feedback.submit' }, as: 'parent', where: 'personal', effect: 'writes', allowed: PARTIES,
      payload: async (j) => ({ verb: 'feedback.submit', data: await inCase(j, { fairness: '4', clarity: '5', wouldUseAgain: 'yes', comment: 'Clear and calm.' }) }),
    },
    { label: 'feedback', covers: { command: 'feedback' }, as: 'admin', where: 'personal', effect: 'sends', allowed: ['admin'], payload: () => ({ text: 'feedback' }) },

    // Subject access (bot/export): one-time links to everything stored about the case.
    { label: 'export', covers: { command: 'export' }, as: 'lead', where: 'thread', effect: 'writes', allowed: ['lead', 'admin'], payload: () => ({ text: 'export' }) },
    { label: 'export person', covers: { command: 'export person' }, as: 'admin', where: 'personal', effect: 'writes', allowed: ['admin'], payload: () => ({ text: `export person ${PEOPLE.parent.aadObjectId}` }) },
    // Erasure (bot/actions/partyForget.ts): the parent asked to be forgotten.
    { label: 'forget party', covers: { command: 'forget party' }, as: 'admin', where: 'thread', effect: 'sends', allowed: ['admin'], payload: () => ({ text: 'forget party' }) },
    {
      label: 'party.forget', covers: { verb: 'party.forget' }, as: 'admin', where: 'thread', effect: 'writes', allowed: ['admin'],
      payload: async (j) => ({ verb: 'party.forget', data: await inCase(j, { partyId: j.id('parentPartyId'), reason: 'Erasure request ER-7 of 1 Dec 2026' }) }),
    },

    // Retention (bot/retention): the provider admin holds the case and asks what the purge would delete.
    { label: 'legal hold', covers: { command: 'legal hold' }, as: 'admin', where: 'thread', effect: 'writes', allowed: ['admin'], payload: () => ({ text: 'legal hold Tribunal appeal lodged' }) },
    { label: 'purge --dry-run', covers: { command: 'purge' }, as: 'admin', where: 'personal', effect: 'sends', allowed: ['admin'], payload: () => ({ text: 'purge --dry-run' }) },

    // The end of the case (bot/caseEnd): a withdrawal, the close after it, its undo, then a cancellation.
    { label: 'withdraw', covers: { command: 'withdraw' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'withdraw' }) },
    {
      label: 'case.end (withdraw)', covers: { verb: 'case.end' }, as: 'co', where: 'thread', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'case.end', data: await inCase(j, { kind: 'withdraw', reason: 'not_proceeding', withdrawnOn: '2026-12-01' }) }),
    },
    { label: 'close case', covers: { command: 'close case' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'close case' }) },
    {
      label: 'case.end (close)', covers: { verb: 'case.end' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'case.end', data: await inCase(j, { kind: 'close', reason: 'after_withdrawal' }) }),
      after: async (j) => {
        j.ids.endedAt = (await j.caseA()).ending?.at ?? '';
      },
    },
    {
      label: 'case.endUndo', covers: { verb: 'case.endUndo' }, as: 'co', where: 'thread', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'case.endUndo', data: await inCase(j, { endedAt: j.id('endedAt'), kind: 'close' }) }),
    },
    { label: 'cancel', covers: { command: 'cancel' }, as: 'lead', where: 'thread', effect: 'sends', allowed: M, payload: () => ({ text: 'cancel' }) },
    {
      label: 'case.end (cancel)', covers: { verb: 'case.end' }, as: 'lead', where: 'thread', effect: 'writes', allowed: M,
      payload: async (j) => ({ verb: 'case.end', data: await inCase(j, { kind: 'cancel', reason: 'duplicate' }) }),
    },
  ];
}

/** A date `days` after the agreed action's date in force: a new date the officer may propose. */
async function afterDue(j: Journey, days: number): Promise<string> {
  const p = await j.t.bot.store.followUp.get(j.id('caseId'), 'act-keep');
  if (!p) throw new Error('the agreed action is not being followed (outcome.publish did not start it)');
  return isoFromDayNumber(addDays(parseIsoDate(dueInForce(p)), days));
}

/**
 * For a describe block: a bot with case B already opened (the target of "ids of another case"),
 * started before the block's tests and stopped after them.
 */
export function journeyBot(): { readonly t: () => TestBot; readonly j: () => Journey } {
  let t: TestBot | undefined;
  let j: Journey | undefined;
  beforeAll(async () => {
    t = await startTestBot(JOURNEY_ENV);
    j = new Journey(t);
    await openOtherCase(j);
  });
  afterAll(async () => {
    await t?.stop();
  });
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the journey bot has not started');
    return v;
  };
  return { t: () => need(t), j: () => need(j) };
}
