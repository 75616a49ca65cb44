import { certificateCard } from '../../cards/certificateCard';
import { toCertificateView } from '../../cards/certificateViews';
import { canTransition, moveCase, type Case } from '../../domain/cases';
import { prepareCertificate, type Certificate, type CertificateFormInput } from '../../domain/certificate';
import { latestVersion } from '../../domain/outcome';
import { tellMediatorsUnreachable } from '../cases/unreachable';
import { cardActivity, postInThread, refreshRootCard } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import type { Caller } from '../turnInfo';
import { certificateUrl } from './certificateLinks';
import { advanceFollowUp } from '../followUp/startFollowUp';

export type IssueOutcome =
  | { readonly kind: 'issued'; readonly certificate: Certificate; readonly printUrl: string }
  | { readonly kind: 'existing'; readonly certificate: Certificate }
  | { readonly kind: 'refused'; readonly error: Error };

/**
 * Issues the certificate (one per variant; a repeated click returns it), from the concluded
 * meeting and the latest published outcome's issue results, and sends it out: to the case
 * thread and to the parent or young person, with the link to the printable page.
 */
export async function issueCertificate(c: Case, caller: Caller, form: CertificateFormInput, deps: BotDeps): Promise<IssueOutcome> {
  const now = deps.now();
  const sessions = await deps.store.meetings.listForCase(c.id);
  const outcome = await deps.store.outcomes.get(c.id);
  const issues = outcome ? latestVersion(outcome)?.content.issues : undefined;
  const changes = await deps.store.preparation.listChanges(c.id);
  const meeting = sessions.at(-1);
  const r = await deps.store.certificates.issue(c.id, (existing) =>
    prepareCertificate(
      c,
      existing,
      caller.aadObjectId ?? '',
      {
        ...form,
        issuer: { name: caller.name, role: form.variant === 'after_mediation' ? 'mediator' : 'adviser' },
        providerName: deps.config.providerName,
        ...(meeting ? { meeting } : {}),
        sessions,
        ...(issues ? { issues } : {}),
        changes,
      },
      now,
      { calendar: deps.calendar },
    ),
  );
  if (r.status === 'rejected') return { kind: 'refused', error: r.error };
  if (r.status === 'conflict') return { kind: 'refused', error: new Error('Another certificate is being issued. Please try again.') };
  if (r.status === 'existing') return { kind: 'existing', certificate: r.certificate };
  const printUrl = certificateUrl(deps, r.accessToken);
  deps.background.run('deliver certificate', async () => {
    const card = certificateCard(toCertificateView(r.certificate, { printUrl }));
    await postInThread(c, deps, cardActivity(certificateCard(toCertificateView(r.certificate, { printUrl, showTimeliness: true }))));
    for (const party of c.parties.filter((p) => p.role === 'parent_carer' || p.role === 'young_person')) {
      if (!c.thread || (!party.aadObjectId && !party.teamsUserId)) continue;
      await deps.proactive
        .sendToPerson({ aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId }, c.thread.conversationId, cardActivity(card))
        .catch((err: unknown) => tellMediatorsUnreachable(c, deps, party.displayName, `Certificate ${r.certificate.number}`, err));
    }
    const moved = await deps.store.cases.update(c.id, (x) => (canTransition(x.state, 'CERTIFICATE_ISSUED') ? moveCase(x, 'CERTIFICATE_ISSUED') : x), { by: caller.aadObjectId ?? '', action: 'certificate.issued', detail: r.certificate.number }, now);
    if (moved.status === 'updated') await refreshRootCard(moved.case, deps);
    // Agreed actions already under way move the case on (docs/after-the-meeting.md).
    await advanceFollowUp(c.id, deps);
  });
  return { kind: 'issued', certificate: r.certificate, printUrl };
}
