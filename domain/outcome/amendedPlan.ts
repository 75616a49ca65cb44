import { cardSubmission } from '../cardSubmission';
import { CaseError, isMediator, partyFor, type Case } from '../cases';
import { isPlainText, singleLine } from '../meeting/plainText';
import { assertRecordOfCase } from './outcomeRecord';
import { AMENDED_PLAN_NAME_MAX, AMENDED_PLAN_URL_MAX, AMENDED_PLANS_MAX, type AmendedPlan, type OutcomeRecord } from './outcomeSchema';

/**
 * The amended plan for plan-content mediations (docs/rules.md#timescale-rules T9, provider practice): the LA officer
 * sends it straight after the meeting and it is appended to the outcome. The product keeps
 * a link to it, never the document: a link the LA officer shares from their own system (or a
 * file they share in Teams), so access stays under the LA's control.
 */
export const AMENDED_PLAN_URL_INPUT = 'amendedPlanUrl';

export type AmendedPlanInput =
  | { readonly kind: 'link'; readonly url: string }
  | { readonly kind: 'file'; readonly name: string; readonly url: string };

/**
 * Query parameters that carry a key. A link with its own key (a SAS signature, Teams'
 * short-lived `tempauth` download link) opens the plan for anyone who sees the outcome,
 * which is shared beyond the meeting (docs/rules.md#what-the-product-never-records); a plain link asks the reader to sign in.
 */
const CREDENTIAL_PARAMS: ReadonlySet<string> = new Set([
  'access_token',
  'token',
  'tempauth',
  'sig',
  'signature',
  'password',
  'passwd',
  'pwd',
  'apikey',
  'api_key',
  'secret',
  'x-amz-signature',
  'x-amz-credential',
  'x-goog-signature',
  'x-goog-credential',
]);

const NOT_HTTPS = 'Enter the link to the amended plan: it starts with https:// (copy it from your document system or from "Copy link" in Teams).';

/** A well-formed https link without credentials, up to 2000 characters; the normalised link or why not. */
export function checkPlanUrl(raw: string): string | CaseError {
  const value = raw.trim();
  if (value === '') return new CaseError('invalid_input', NOT_HTTPS);
  if (value.length > AMENDED_PLAN_URL_MAX) return new CaseError('invalid_input', `That link is longer than ${AMENDED_PLAN_URL_MAX} characters. Use the document's shorter sharing link.`);
  if (/[\s\p{Cc}]/u.test(value)) return new CaseError('invalid_input', 'A link cannot contain spaces or line breaks.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return new CaseError('invalid_input', NOT_HTTPS);
  }
  if (url.protocol !== 'https:' || url.hostname === '') return new CaseError('invalid_input', NOT_HTTPS);
  if (url.username !== '' || url.password !== '') {
    return new CaseError('invalid_input', 'That link has a user name or password in it. Share a link that asks people to sign in instead.');
  }
  for (const key of url.searchParams.keys()) {
    if (CREDENTIAL_PARAMS.has(key.toLowerCase())) {
      return new CaseError('invalid_input', 'That link carries its own access key, so anyone who sees the outcome could open the plan. Share a link that asks people to sign in instead.');
    }
  }
  const href = url.href;
  if (href.length > AMENDED_PLAN_URL_MAX) return new CaseError('invalid_input', `That link is longer than ${AMENDED_PLAN_URL_MAX} characters. Use the document's shorter sharing link.`);
  return href;
}

/** Reads the `outcome.amendedPlan` card submission. */
export function parseAmendedPlanLink(data: unknown): AmendedPlanInput | CaseError {
  const submitted = cardSubmission(data);
  const raw = Object.hasOwn(submitted, AMENDED_PLAN_URL_INPUT) ? submitted[AMENDED_PLAN_URL_INPUT] : undefined;
  const url = checkPlanUrl(typeof raw === 'string' ? raw : '');
  return url instanceof CaseError ? url : { kind: 'link', url };
}

/**
 * A file the LA officer shared in Teams: its name and its SharePoint or OneDrive address
 * (the attachment's `contentUrl`, not the short-lived `downloadUrl`, which carries a key).
 */
export function parseAmendedPlanFile(file: { readonly name: unknown; readonly url: unknown }): AmendedPlanInput | CaseError {
  const name = typeof file.name === 'string' ? singleLine(file.name) : '';
  if (name === '' || name.length > AMENDED_PLAN_NAME_MAX || !isPlainText(name) || /[\\/]/.test(name)) {
    return new CaseError('invalid_input', `The file needs a plain name of up to ${AMENDED_PLAN_NAME_MAX} characters.`);
  }
  const url = checkPlanUrl(typeof file.url === 'string' ? file.url : '');
  return url instanceof CaseError ? url : { kind: 'file', name, url };
}

/**
 * Appends the amended plan to the outcome record: the case's LA officer, or a mediator for
 * them. The same link again changes nothing (a repeated click).
 */
export function attachAmendedPlan(c: Case, record: OutcomeRecord, actor: string, input: AmendedPlanInput, now: Date): OutcomeRecord | CaseError {
  const notOurs = assertRecordOfCase(c, record);
  if (notOurs) return notOurs;
  const officer = partyFor(c, actor)?.role === 'la_officer';
  const mediator = isMediator(c, actor);
  if (!officer && !mediator) {
    return new CaseError('not_allowed', `Only the local authority officer or a mediator of case ${c.caseReference} can attach the amended plan.`);
  }
  if (!record.planContent) {
    return new CaseError('invalid_input', `Case ${c.caseReference} is not about the wording of the plan, so no amended plan is attached to its outcome.`);
  }
  if (record.amendedPlans.some((p) => p.url === input.url)) return record;
  if (record.amendedPlans.length >= AMENDED_PLANS_MAX) {
    return new CaseError('invalid_input', `The outcome already has ${AMENDED_PLANS_MAX} plan documents attached, the most it can hold.`);
  }
  const plan: AmendedPlan = {
    kind: input.kind,
    url: input.url,
    ...(input.kind === 'file' ? { name: input.name } : {}),
    suppliedAt: now.toISOString(),
    suppliedBy: actor,
    ...(officer ? {} : { onBehalf: true }),
  };
  return { ...record, amendedPlans: [...record.amendedPlans, plan] };
}
