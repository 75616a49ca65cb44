import { PARTY_ROLES, PARTY_ROLE_LABELS, roleInputId, type RosterRole } from '../domain/cases';
import { card, container, execute, heading, text, type AdaptiveCard, type CardAction, type CardElement, type Choice } from './adaptive';
import { VERBS } from './verbs';

export interface RosterMemberView {
  readonly aadObjectId: string;
  /** From Teams' roster, not from any card. */
  readonly displayName: string;
  readonly current: RosterRole | 'lead_mediator';
}

export interface RosterCardView {
  readonly caseId: string;
  readonly caseReference: string;
  /** 0-based, already clamped (domain/cases rosterPage). */
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  /** This page's members only. */
  readonly members: readonly RosterMemberView[];
  /** e.g. "Roles saved." or why a save was refused. */
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
}

const ROLE_CHOICES: readonly [Choice, ...Choice[]] = [
  { title: 'Not part of this case', value: 'none' },
  ...PARTY_ROLES.map((r) => ({ title: PARTY_ROLE_LABELS[r], value: r })),
];

function row(member: RosterMemberView): CardElement {
  if (member.current === 'lead_mediator') return text(`**${member.displayName}**: lead mediator`, { spacing: 'medium' });
  return {
    type: 'Input.ChoiceSet',
    id: roleInputId(member.aadObjectId),
    label: member.displayName,
    choices: ROLE_CHOICES,
    style: 'compact',
    value: member.current,
    spacing: 'medium',
  };
}

/** One page of the team's members, each with a role picker; the mediator saves a page at a time. */
export function rosterCard(view: RosterCardView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Parties for case ${view.caseReference}`),
    text('Choose each person\'s role in this case. Save this page before moving to another.', { isSubtle: true }),
  ];
  if (view.notice) body.push(container([text(view.notice.text)], { style: view.notice.tone }));
  if (view.members.length === 0) {
    body.push(text('Nobody else is in this team. Add people in Teams, or send them an invitation code.'));
  } else {
    body.push(...view.members.map(row));
  }
  body.push(text(`Page ${view.page + 1} of ${view.pageCount} (${view.total} ${view.total === 1 ? 'person' : 'people'})`, { isSubtle: true, size: 'small' }));

  const actions: CardAction[] = [];
  if (view.members.some((m) => m.current !== 'lead_mediator')) {
    actions.push(execute('Save roles on this page', VERBS.caseAssignRoles, { caseId: view.caseId, page: view.page }, { style: 'positive' }));
  }
  if (view.page > 0) {
    actions.push(execute('Previous page', VERBS.caseRoster, { caseId: view.caseId, page: view.page - 1 }, { associatedInputs: 'none' }));
  }
  if (view.page + 1 < view.pageCount) {
    actions.push(execute('Next page', VERBS.caseRoster, { caseId: view.caseId, page: view.page + 1 }, { associatedInputs: 'none' }));
  }
  return card(body, actions);
}
