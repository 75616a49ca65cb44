import { card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement, type TextColor } from './adaptive';
import type { CaseCardView, PartyView } from './caseView';
import { VERBS } from './verbs';

export type { CaseCardView } from './caseView';

/** Only the red of "not agreed" reads well on white; the words say the status either way. */
const STATUS_COLOR: Readonly<Record<PartyView['status'], TextColor>> = {
  agreed: 'default',
  recorded_by_mediator: 'default',
  agreed_older_version: 'default',
  not_agreed: 'attention',
};

function summary(view: CaseCardView): CardElement[] {
  return [
    heading(`Case ${view.caseReference}`, 'large'),
    facts([
      ['About', view.caseTypeLabel],
      [view.isYoungPerson ? 'Young person' : 'Child', view.childInitials],
      ['Local authority', view.localAuthority],
      ['Stage', view.stateLabel],
      ['Mediators', view.mediators.map((m) => (m.lead ? `${m.displayName} (lead)` : m.displayName)).join(', ')],
    ]),
  ];
}

function datesSection(view: CaseCardView): CardElement[] {
  const out: CardElement[] = [heading('Key dates', 'default'), facts(view.keyDates.map((d) => [d.label, d.text]))];
  out.push(heading('Statutory and practice deadlines', 'default'));
  if (view.deadlineError) out.push(text(view.deadlineError, { color: 'attention' }));
  else if (view.deadlines.length === 0 && view.isDrs) out.push(text('No statutory deadlines apply: disagreement resolution has no statutory timescales.'));
  else if (view.deadlines.length === 0) out.push(text('None yet: they appear as the dates above are filled in.', { isSubtle: true }));
  for (const d of view.deadlines) {
    const last = d.lastWorkingDayText ? ` (last working day on or before: ${d.lastWorkingDayText})` : '';
    out.push(text(`**${d.dueText}**${last}: ${d.title} (${d.tNumber}). Responsible: ${d.responsible}.`, { spacing: 'small' }));
  }
  out.push(text('Dates are guidance, not legal advice.', { isSubtle: true, size: 'small' }));
  return out;
}

function partiesSection(view: CaseCardView): CardElement[] {
  const out: CardElement[] = [heading('Parties and Terms of Engagement', 'default')];
  if (view.parties.length === 0) out.push(text('No parties added yet.', { isSubtle: true }));
  for (const p of view.parties) {
    out.push(text(`${p.displayName}, ${p.roleLabel}: ${p.statusText}`, { color: STATUS_COLOR[p.status], spacing: 'small' }));
  }
  if (view.alerts.length > 0) {
    out.push(container(view.alerts.map((a) => text(a)), { style: 'warning', spacing: 'small' }));
  }
  return out;
}

/** The case's root post in its channel; later posts reply in its thread. */
export function caseCard(view: CaseCardView): AdaptiveCard {
  const body: CardElement[] = [...summary(view), ...datesSection(view), ...partiesSection(view)];
  if (!view.meetingHeld) body.push(heading('Preparation', 'default'), text(view.preparationStatus ?? 'Nothing to report yet.', { isSubtle: !view.preparationStatus }));
  if (view.outcomeStatus || view.certificateStatus) {
    body.push(heading('Outcome and certificate', 'default'));
    if (view.outcomeStatus) body.push(text(view.outcomeStatus, { spacing: 'small' }));
    if (view.certificateStatus) {
      const late = /OVERDUE|: late/.test(view.certificateStatus);
      body.push(text(view.certificateStatus, { spacing: 'small', ...(late ? { color: 'attention' as const } : {}) }));
    }
  }
  const actions: CardAction[] = view.showMediatorActions
    ? [
        execute('Add parties', VERBS.caseRoster, { caseId: view.caseId, page: 0 }),
        execute('Send terms', VERBS.termsSend, { caseId: view.caseId }),
        execute('Edit case', VERBS.caseEditForm, { caseId: view.caseId }),
      ]
    : [];
  if (view.joinUrl) actions.push({ type: 'Action.OpenUrl', title: 'Join the Teams meeting', url: view.joinUrl });
  if (view.hasOutcome) actions.push(execute('Show the outcome', VERBS.outcomeView, { caseId: view.caseId }));
  if (view.dashboardUrl) actions.push({ type: 'Action.OpenUrl', title: 'Open in dashboard', url: view.dashboardUrl });
  return card(body, actions, {
    fallbackText: caseCardText(view),
    ...(view.refreshUserIds
      ? { refresh: { action: execute('Refresh', VERBS.caseOpen, { caseId: view.caseId }), userIds: view.refreshUserIds } }
      : {}),
  });
}

/** The same information as plain text, for people whose Teams client cannot show the card (guests). */
export function caseCardText(view: CaseCardView): string {
  const lines = [
    `Case ${view.caseReference}: ${view.caseTypeLabel}`,
    `${view.isYoungPerson ? 'Young person' : 'Child'}: ${view.childInitials}. Local authority: ${view.localAuthority}. Stage: ${view.stateLabel}.`,
    ...view.keyDates.map((d) => `${d.label}: ${d.text}`),
  ];
  if (view.deadlineError) lines.push(`Deadlines: ${view.deadlineError}`);
  for (const d of view.deadlines) {
    lines.push(`Due ${d.dueText}${d.lastWorkingDayText ? ` (last working day ${d.lastWorkingDayText})` : ''}: ${d.title}, ${d.responsible}`);
  }
  lines.push(view.parties.length === 0 ? 'No parties yet.' : 'Parties:');
  for (const p of view.parties) lines.push(`- ${p.displayName}, ${p.roleLabel}: ${p.statusText}`);
  lines.push(...view.alerts);
  if (view.preparationStatus) lines.push(`Preparation: ${view.preparationStatus}`);
  if (view.outcomeStatus) lines.push(view.outcomeStatus);
  if (view.certificateStatus) lines.push(view.certificateStatus);
  if (view.joinUrl) lines.push(`Join the Teams meeting: ${view.joinUrl}`);
  return lines.join('\n');
}
