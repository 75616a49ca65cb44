import {
  EVIDENCE_REF_MAX,
  EVIDENCE_REFS_MAX,
  LOCATION_MAX,
  PLAN_SECTIONS,
  PLAN_SECTION_LABELS,
  REASON_MAX,
  WORDING_MAX,
  type ChangeErrors,
  type ChangeField,
  type ChangeFormValues,
  type RequestedChange,
} from '../domain/preparation';
import { card, container, execute, fieldError, fieldProblemCount, heading, nonEmptyChoices, problemsBanner, text, type AdaptiveCard, type CardElement, type CardInput, type Choice } from './adaptive';
import { VERBS } from './verbs';

/** Enter or edit one requested change (docs/rules.md#preparation-and-requested-changes); shown again with messages beside the fields. */
export interface ChangeFormView {
  readonly caseId: string;
  readonly caseReference: string;
  /** Editing an existing change. */
  readonly changeId?: string;
  readonly number?: number;
  /** The change has already gone to the LA: saving re-sends it. */
  readonly sent?: boolean;
  readonly values?: ChangeFormValues;
  readonly errors?: ChangeErrors;
  /** Only for a mediator entering a change for someone: the family parties to choose from. */
  readonly requesters?: readonly { readonly partyId: string; readonly displayName: string }[];
}

/** The stored change as form values, to edit it. */
export function changeFormValuesOf(change: RequestedChange): ChangeFormValues {
  return {
    section: change.section,
    location: change.location,
    currentWording: change.currentWording,
    requestedWording: change.requestedWording,
    reason: change.reason,
    evidenceRefs: change.evidenceRefs.join('; '),
    requestedBy: change.requestedBy.partyId,
  };
}

const SECTION_CHOICES = nonEmptyChoices(PLAN_SECTIONS.map((s) => ({ title: `${s}: ${PLAN_SECTION_LABELS[s]}`, value: s })), 'plan sections');

function fields(view: ChangeFormView): CardElement[] {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const value = (f: ChangeField) => (v[f] !== undefined ? { value: v[f] } : {});
  const inputs: [ChangeField, CardInput][] = [
    ['section', {
      type: 'Input.ChoiceSet', id: 'section', label: 'Section of the plan', choices: SECTION_CHOICES,
      style: 'compact', placeholder: 'Choose a section', wrap: true, isRequired: true,
      errorMessage: 'Choose the section of the plan the change is in.', ...value('section'),
    }],
    ['location', {
      type: 'Input.Text', id: 'location', label: 'Where in the section', placeholder: 'e.g. paragraph 3, or outcome 2',
      maxLength: LOCATION_MAX, isRequired: true, errorMessage: 'Say where in the section the change is.', ...value('location'),
    }],
    ['currentWording', {
      type: 'Input.Text', id: 'currentWording', label: 'Current wording (leave empty if the change adds new text)',
      isMultiline: true, maxLength: WORDING_MAX, ...value('currentWording'),
    }],
    ['requestedWording', {
      type: 'Input.Text', id: 'requestedWording', label: 'Wording you would like instead', isMultiline: true,
      maxLength: WORDING_MAX, isRequired: true, errorMessage: 'Enter the wording you would like in the plan.', ...value('requestedWording'),
    }],
    ['reason', {
      type: 'Input.Text', id: 'reason', label: 'Why (optional)', isMultiline: true, maxLength: REASON_MAX,
      placeholder: 'e.g. the speech and language report recommends weekly therapy', ...value('reason'),
    }],
    ['evidenceRefs', {
      type: 'Input.Text', id: 'evidenceRefs', label: `Evidence, such as reports (optional; up to ${EVIDENCE_REFS_MAX}, separated by semicolons)`,
      maxLength: EVIDENCE_REFS_MAX * (EVIDENCE_REF_MAX + 2), placeholder: 'e.g. SALT report, March 2026; EP report', ...value('evidenceRefs'),
    }],
  ];
  const [firstRequester, ...otherRequesters] = (view.requesters ?? []).map((r): Choice => ({ title: r.displayName, value: r.partyId }));
  if (firstRequester) {
    inputs.push(['requestedBy', {
      type: 'Input.ChoiceSet', id: 'requestedBy', label: 'Who is asking for this change', choices: [firstRequester, ...otherRequesters],
      style: 'expanded', wrap: true, isRequired: true, errorMessage: 'Choose who is asking for this change.',
      value: v.requestedBy ?? firstRequester.value,
    }]);
  }
  return inputs.flatMap(([field, input]) => [input, ...fieldError(e[field])]);
}

export function changeFormCard(view: ChangeFormView): AdaptiveCard {
  const editing = view.changeId !== undefined;
  const body: CardElement[] = [
    heading(editing ? `Edit change ${view.number ?? ''}`.trim() : 'Add a requested change'),
    text(`Case ${view.caseReference}. One change per form: the local authority officer gives a position on each.`, { isSubtle: true }),
  ];
  if (view.sent) {
    body.push(container([text('This change has already been sent to the local authority. Saving sends the new version; if you change the wording, their position on it is cleared.')], { style: 'warning' }));
  }
  body.push(...problemsBanner(fieldProblemCount(view.errors), view.errors?.form), ...fields(view));
  const data = { caseId: view.caseId, ...(view.changeId ? { changeId: view.changeId } : {}) };
  return card(body, [execute(editing ? 'Save the change' : 'Add the change', VERBS.changesSave, data, { style: 'positive' })], {
    fallbackText: `Requested change form for case ${view.caseReference}. If you cannot use the form, send the change to the mediator.`,
  });
}
