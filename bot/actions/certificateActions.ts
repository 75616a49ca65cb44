import { certificateCard } from '../../cards/certificateCard';
import { certificateFormCard } from '../../cards/certificateFormCard';
import { toCertificateFormView, toCertificateView } from '../../cards/certificateViews';
import { VERBS } from '../../cards/verbs';
import { isCaseError, type Case } from '../../domain/cases';
import { certificateFormValues, validateCertificateSubmission, type CertificateErrors, type CertificateFormValues } from '../../domain/certificate';
import { londonDate } from '../../domain/londonTime';
import type { AdaptiveCard } from '../../cards/adaptive';
import { issueCertificate } from '../certificate/issue';
import type { BotDeps } from '../deps';
import { cardResponse, refusal } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

/** The certificate form (which certificate, and the dates it needs), or why there can be none (DRS). */
export async function certificateFormFor(
  c: Case,
  deps: BotDeps,
  form: { values?: CertificateFormValues; errors?: CertificateErrors } = {},
): Promise<AdaptiveCard | Error> {
  const [certificates, sessions] = await Promise.all([deps.store.certificates.listForCase(c.id), deps.store.meetings.listForCase(c.id)]);
  const meeting = sessions.at(-1);
  const view = toCertificateFormView(c, certificates, { today: londonDate(deps.now()), calendar: deps.calendar, ...(meeting ? { meeting } : {}), ...form });
  return isCaseError(view) ? view : certificateFormCard(view);
}

export const certificateFormAction: CardAction = {
  verb: VERBS.certificateForm,
  async handle(ctx: ActionContext) {
    const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, 'mediator', ctx.caseRead);
    if (!loaded.ok) return loaded.response;
    const card = await certificateFormFor(loaded.c, ctx.deps);
    return card instanceof Error ? refusal(card) : cardResponse(card);
  },
};

/** Issues the certificate; a repeated click shows the one already issued. */
export const certificateIssueAction: CardAction = {
  verb: VERBS.certificateIssue,
  async handle(ctx: ActionContext) {
    const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, 'mediator', ctx.caseRead);
    if (!loaded.ok) return loaded.response;
    const form = validateCertificateSubmission(ctx.data, londonDate(ctx.deps.now()));
    if (!form.ok) {
      const card = await certificateFormFor(loaded.c, ctx.deps, { values: certificateFormValues(ctx.data), errors: form.errors });
      return card instanceof Error ? refusal(card) : cardResponse(card);
    }
    const outcome = await issueCertificate(loaded.c, ctx.caller, form.value, ctx.deps);
    if (outcome.kind === 'refused') return refusal(outcome.error);
    const view = toCertificateView(outcome.certificate, { showTimeliness: true, ...(outcome.kind === 'issued' ? { printUrl: outcome.printUrl } : {}) });
    return cardResponse(certificateCard(view));
  },
};
