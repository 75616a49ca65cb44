import {
  AMENDED_PLANS_MAX,
  OutcomeRecordSchema,
  attachAmendedPlan,
  checkPlanUrl,
  parseAmendedPlanFile,
  parseAmendedPlanLink,
  startOutcomeRecord,
  type OutcomeRecord,
} from '../../domain/outcome';
import { CLOSE_AT, CO, LEAD, OFFICER, PARENT, caseOfType, closedMeeting, later, ok, otherCase, publishedFixture } from './outcomeFixtures';

const SHAREPOINT = 'https://surreycc.sharepoint.com/:w:/r/sites/SEN/Shared%20Documents/JS%20amended%20plan.docx?d=w123&csf=1&web=1&e=AbCd12';

describe('checkPlanUrl', () => {
  it('accepts an https link and returns it normalised', () => {
    expect(checkPlanUrl(` ${SHAREPOINT} `)).toBe(SHAREPOINT);
    expect(checkPlanUrl('https://Docs.Example.org/plan')).toBe('https://docs.example.org/plan');
  });

  it.each([
    ['', /starts with https/],
    ['http://docs.example.org/plan', /starts with https/],
    ['javascript:alert(1)', /starts with https/],
    ['ftp://docs.example.org/plan', /starts with https/],
    ['docs.example.org/plan', /starts with https/],
    ['https://docs.example.org/a plan', /spaces/],
    ['https://user:secret@docs.example.org/plan', /user name or password/],
    ['https://user@docs.example.org/plan', /user name or password/],
    ['https://x.sharepoint.com/_layouts/15/download.aspx?UniqueId=1&tempauth=eyJ0eXAi', /access key/],
    ['https://store.blob.core.windows.net/plans/p.pdf?sv=2020&sig=abc', /access key/],
    ['https://docs.example.org/p?Access_Token=abc', /access key/],
    [`https://docs.example.org/${'a'.repeat(2000)}`, /longer than 2000/],
  ])('refuses %s', (url, message) => {
    const r = checkPlanUrl(url);
    expect(r).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
  });
});

describe('parseAmendedPlanLink and parseAmendedPlanFile', () => {
  it('reads the card input', () => {
    expect(parseAmendedPlanLink({ amendedPlanUrl: SHAREPOINT, caseId: 'x' })).toEqual({ kind: 'link', url: SHAREPOINT });
    expect(parseAmendedPlanLink({})).toMatchObject({ code: 'invalid_input' });
    expect(parseAmendedPlanLink({ amendedPlanUrl: 42 })).toMatchObject({ code: 'invalid_input' });
    expect(parseAmendedPlanLink(null)).toMatchObject({ code: 'invalid_input' });
  });

  it('takes a shared file\'s name and address', () => {
    expect(parseAmendedPlanFile({ name: ' JS amended plan.docx ', url: SHAREPOINT })).toEqual({ kind: 'file', name: 'JS amended plan.docx', url: SHAREPOINT });
    expect(parseAmendedPlanFile({ name: '../plan.docx', url: SHAREPOINT })).toMatchObject({ code: 'invalid_input' });
    expect(parseAmendedPlanFile({ name: '', url: SHAREPOINT })).toMatchObject({ code: 'invalid_input' });
    expect(parseAmendedPlanFile({ name: 'plan.docx', url: 'http://x.org' })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('attachAmendedPlan', () => {
  const link = { kind: 'link', url: SHAREPOINT } as const;

  it('appends the LA officer\'s link to the outcome record; the same link again changes nothing', () => {
    const { c, record } = publishedFixture();
    const r = ok(attachAmendedPlan(c, record, OFFICER.aadObjectId, link, later(30, CLOSE_AT)));
    expect(r.amendedPlans).toEqual([{ kind: 'link', url: SHAREPOINT, suppliedAt: later(30, CLOSE_AT).toISOString(), suppliedBy: OFFICER.aadObjectId }]);
    expect(attachAmendedPlan(c, r, OFFICER.aadObjectId, link, later(31, CLOSE_AT))).toBe(r);
    expect(OutcomeRecordSchema.parse(r)).toEqual(r);
    // The published versions are untouched: the plan is appended to the record, not to a version.
    expect(r.versions).toBe(record.versions);
  });

  it('lets a mediator attach it for the officer, and nobody else', () => {
    const { c, record } = publishedFixture();
    expect(ok(attachAmendedPlan(c, record, CO.aadObjectId, { kind: 'file', name: 'Plan.docx', url: SHAREPOINT }, CLOSE_AT)).amendedPlans[0]).toMatchObject({
      kind: 'file',
      name: 'Plan.docx',
      onBehalf: true,
    });
    expect(attachAmendedPlan(c, record, PARENT.aadObjectId, link, CLOSE_AT)).toMatchObject({ code: 'not_allowed' });
    expect(attachAmendedPlan(otherCase(), record, LEAD.aadObjectId, link, CLOSE_AT)).toMatchObject({ code: 'not_found' });
  });

  it('is only for plan-content cases, and holds a bounded number of documents', () => {
    const assess = caseOfType('M-ASSESS');
    const plain = ok(startOutcomeRecord(assess, closedMeeting(assess), LEAD.aadObjectId, CLOSE_AT));
    expect(attachAmendedPlan(assess, plain, OFFICER.aadObjectId, link, CLOSE_AT)).toMatchObject({ code: 'invalid_input' });

    const { c, record } = publishedFixture();
    let r: OutcomeRecord = record;
    for (let i = 0; i < AMENDED_PLANS_MAX; i++) r = ok(attachAmendedPlan(c, r, OFFICER.aadObjectId, { kind: 'link', url: `https://docs.example.org/plan-${i}` }, CLOSE_AT));
    expect(attachAmendedPlan(c, r, OFFICER.aadObjectId, { kind: 'link', url: 'https://docs.example.org/one-more' }, CLOSE_AT)).toMatchObject({ code: 'invalid_input' });
  });
});
