import { CASE_TYPES } from '../caseTypes';
import type { Case, Party } from '../cases/caseSchema';
import { roleLabel, type ParticipantRole } from '../cases/partyRoles';
import { TERMS_STATUS_LABELS, type PartyTermsStatus, type TermsStatus } from '../terms/termsStatus';
import { defaultCalendar, formatDate, type Calendar, type IsoDate } from '../timescales';
import type { PreparationAnswers } from './answers';
import { summariseChanges, type ChangesSummary } from './changesSummary';
import { preparationProgress } from './preparationQuestions';
import type { PreparationRecord } from './preparationRecord';
import { REQUIRED_ATTENDEE_LABELS, missingAttendees } from './requiredAttendees';
import type { RequestedChange } from './requestedChange';
import { preparationKindFor, type QuestionContext } from './subject';
import { plural } from '../plural';

/**
 * The mediator's view of who is ready for the meeting and what stands in the way. Pure: the
 * bot reads the case, the acknowledgements, the preparation records and the requested
 * changes, and this decides. Blockers are the things the docs/rules.md#case-lifecycle "meeting starts" guard names;
 * warnings are worth a look but do not stop a meeting.
 */

export type BlockerCode =
  | 'limited_authority'
  | 'changes_late'
  | 'terms_not_agreed'
  | 'attendee_missing'
  | 'yp_permission_missing'
  | 'changes_without_position';

export type WarningCode = 'authority_unconfirmed' | 'plan_not_ready' | 'changes_drafts' | 'changes_not_received';

export interface BoardIssue<C extends string> {
  readonly code: C;
  readonly partyId?: string;
  /** A few words, for the case card's one-line summary. */
  readonly short: string;
  /** A sentence that says what is wrong and, where it helps, what to do. */
  readonly detail: string;
}

export type Authority = 'full' | 'limited' | 'not_confirmed';
export type PreparationState = 'complete' | 'in_progress' | 'not_started' | 'not_needed';

export interface BoardRow {
  readonly partyId: string;
  readonly displayName: string;
  readonly role: ParticipantRole;
  readonly roleLabel: string;
  readonly terms: TermsStatus;
  readonly termsText: string;
  readonly termsAgreed: boolean;
  readonly preparation: PreparationState;
  readonly answered: number;
  readonly questions: number;
  /** LA officer and ICB representative only. */
  readonly authority?: Authority;
  /** LA officer in a plan-content case only: sent changes with a position, of all sent. */
  readonly changesReviewed?: { readonly reviewed: number; readonly total: number };
  readonly ready: boolean;
}

export interface PreparationBoard {
  readonly caseId: string;
  readonly caseReference: string;
  readonly meetingDate?: IsoDate;
  readonly rows: readonly BoardRow[];
  readonly blockers: readonly BoardIssue<BlockerCode>[];
  readonly warnings: readonly BoardIssue<WarningCode>[];
  readonly readyCount: number;
  readonly partyCount: number;
  /** Plan-content cases only. */
  readonly changes?: ChangesSummary;
}

const AUTHORITY_ROLES: ReadonlySet<ParticipantRole> = new Set<ParticipantRole>(['la_officer', 'health_icb']);
const SHORT_ROLE: Partial<Record<ParticipantRole, string>> = { la_officer: 'LA officer', health_icb: 'ICB representative' };

function contextOf(c: Case, party: Party): QuestionContext {
  return { caseType: c.caseType, isYoungPerson: c.isYoungPerson, role: party.role };
}

/** The preparation record's answer is the dedicated, later one; the terms confirmation is the fallback. */
function authorityOf(answers: PreparationAnswers | undefined, terms: PartyTermsStatus | undefined): Authority {
  if (answers?.kind === 'la' && answers.fullAuthority !== undefined) return answers.fullAuthority ? 'full' : 'limited';
  const fromTerms = terms?.acknowledgement?.authority;
  return fromTerms ?? 'not_confirmed';
}

/** What the mediators are told when a party lacks full authority (board blocker and the thread alert). */
export function limitedAuthorityText(party: Party, answers: PreparationAnswers | undefined): string {
  const who = `${party.displayName} (${roleLabel(party.role).toLowerCase()})`;
  if (answers?.kind !== 'la' || answers.fullAuthority !== false) return `${who} does not have full authority to settle the issues. Tell the family before the meeting.`;
  const limits = answers.authorityLimits ? ` Cannot decide on the day: ${answers.authorityLimits}.` : '';
  const holder = answers.authorityHolder ? ` Authority is held by: ${answers.authorityHolder}.` : '';
  return `${who} does not have full authority to settle the issues.${limits}${holder} Tell the family before the meeting.`;
}

export function preparationBoard(
  c: Case,
  terms: readonly PartyTermsStatus[],
  records: readonly PreparationRecord[],
  changes: readonly RequestedChange[],
  today: IsoDate,
  calendar: Calendar = defaultCalendar,
): PreparationBoard {
  const planContent = CASE_TYPES[c.caseType].planContent;
  const meetingDate = c.dates.meetingDate;
  const caseChanges = changes.filter((ch) => ch.caseId === c.id);
  const summary = planContent ? summariseChanges(caseChanges, meetingDate, today, calendar) : undefined;

  const limited: BoardIssue<BlockerCode>[] = [];
  const notAgreed: BoardIssue<BlockerCode>[] = [];
  const permission: BoardIssue<BlockerCode>[] = [];
  const warnings: BoardIssue<WarningCode>[] = [];

  const rows = c.parties.map((party): BoardRow => {
    const t = terms.find((s) => s.party.partyId === party.partyId);
    const termsState: TermsStatus = t?.status ?? 'not_agreed';
    const termsAgreed = termsState === 'agreed' || termsState === 'recorded_by_mediator';
    if (!termsAgreed) {
      notAgreed.push({
        code: 'terms_not_agreed',
        partyId: party.partyId,
        short: `${party.displayName} has not agreed the terms`,
        detail: `${party.displayName} (${roleLabel(party.role).toLowerCase()}): ${TERMS_STATUS_LABELS[termsState].toLowerCase()}. Everyone must agree the Terms of Engagement before the meeting starts.`,
      });
    }

    const kind = preparationKindFor(party.role);
    const record = records.find((r) => r.caseId === c.id && r.partyId === party.partyId && r.answers.kind === kind);
    const answers = record?.answers;
    let preparation: PreparationState = 'not_needed';
    let answered = 0;
    let questions = 0;
    if (kind) {
      const progress = preparationProgress(contextOf(c, party), answers ?? { kind });
      answered = progress.answered;
      questions = progress.total;
      preparation = progress.complete ? 'complete' : record ? 'in_progress' : 'not_started';
    }

    let authority: Authority | undefined;
    if (AUTHORITY_ROLES.has(party.role)) {
      authority = authorityOf(answers, t);
      const roleShort = SHORT_ROLE[party.role] ?? roleLabel(party.role);
      if (authority === 'limited') {
        limited.push({ code: 'limited_authority', partyId: party.partyId, short: `${roleShort} has limited authority`, detail: limitedAuthorityText(party, answers) });
      } else if (authority === 'not_confirmed') {
        warnings.push({
          code: 'authority_unconfirmed',
          partyId: party.partyId,
          short: `${roleShort} has not confirmed authority`,
          detail: `${party.displayName} has not yet said whether they can settle the issues on the day.`,
        });
      }
    }
    if (answers?.kind === 'la' && answers.editablePlanReady === false) {
      warnings.push({
        code: 'plan_not_ready',
        partyId: party.partyId,
        short: 'editable plan not ready',
        detail: `${party.displayName} has not confirmed an editable copy of the plan will be ready to share on screen.`,
      });
    }
    if (answers?.kind === 'family' && answers.ypVoice === 'named' && answers.ypPermission === 'not_yet') {
      // Agreeing the terms as a young person with a named speaker confirms the permission too (docs/rules.md#terms-of-engagement).
      const confirmedInTerms = t?.acknowledgement?.youngPersonVoice?.mode === 'named';
      if (!confirmedInTerms) {
        const speaker = answers.ypSpeakerName ?? 'someone else';
        permission.push({
          code: 'yp_permission_missing',
          partyId: party.partyId,
          short: 'young person\'s written permission missing',
          detail: `${speaker} is to speak for the young person, but their written permission has not been given yet. It is needed before the meeting.`,
        });
      }
    }

    const changesReviewed =
      summary && party.role === 'la_officer' ? { reviewed: summary.sent.length - summary.unset.length, total: summary.sent.length } : undefined;
    const ready =
      termsAgreed &&
      (kind === undefined || preparation === 'complete') &&
      (authority === undefined || authority === 'full') &&
      (changesReviewed === undefined || changesReviewed.reviewed === changesReviewed.total);

    return {
      partyId: party.partyId,
      displayName: party.displayName,
      role: party.role,
      roleLabel: roleLabel(party.role),
      terms: termsState,
      termsText: TERMS_STATUS_LABELS[termsState],
      termsAgreed,
      preparation,
      answered,
      questions,
      ...(authority ? { authority } : {}),
      ...(changesReviewed ? { changesReviewed } : {}),
      ready,
    };
  });

  const late: BoardIssue<BlockerCode>[] = [];
  const unset: BoardIssue<BlockerCode>[] = [];
  if (summary) {
    if (summary.late.length > 0 && summary.dates) {
      late.push({
        code: 'changes_late',
        short: 'requested changes sent late',
        detail: `${plural(summary.late.length, 'requested change', 'requested changes')} reached the LA after ${formatDate(summary.dates.latest)}, less than 3 working days before the meeting (${summary.late.map((ch) => `change ${ch.number}`).join(', ')}).`,
      });
    }
    if (summary.unsetWarning && summary.unsetWarningFrom) {
      unset.push({
        code: 'changes_without_position',
        short: `${plural(summary.unset.length, 'change has', 'changes have')} no LA position`,
        detail: `The meeting is close (from ${formatDate(summary.unsetWarningFrom)}) and the LA has no position on ${summary.unset.map((ch) => `change ${ch.number}`).join(', ')}.`,
      });
    }
    if (summary.drafts.length > 0) {
      warnings.push({
        code: 'changes_drafts',
        short: `${plural(summary.drafts.length, 'draft change', 'draft changes')} not sent`,
        detail: `${plural(summary.drafts.length, 'requested change is a draft', 'requested changes are drafts')} and not yet sent to the LA.`,
      });
    }
    if (summary.sent.length === 0 && summary.dates && today >= summary.dates.latest) {
      warnings.push({
        code: 'changes_not_received',
        short: 'no requested changes sent',
        detail: `No requested changes have been sent to the LA, and they were due by ${formatDate(summary.dates.latest)}.`,
      });
    }
  }

  const missing: BoardIssue<BlockerCode>[] = missingAttendees(
    c.caseType,
    c.parties.map((p) => p.role),
  ).map((r) => ({
    code: 'attendee_missing',
    short: `no ${REQUIRED_ATTENDEE_LABELS[r]} added`,
    detail: `This kind of case needs a ${REQUIRED_ATTENDEE_LABELS[r]}${r === 'family' ? '' : ' with authority to settle'} at the meeting: add them to the case.`,
  }));

  return {
    caseId: c.id,
    caseReference: c.caseReference,
    ...(meetingDate ? { meetingDate } : {}),
    rows,
    // The order of docs/rules.md#case-lifecycle's guard as the mediator meets it: authority, timing, terms, attendance.
    blockers: [...limited, ...late, ...notAgreed, ...missing, ...permission, ...unset],
    warnings,
    readyCount: rows.filter((r) => r.ready).length,
    partyCount: rows.length,
    ...(summary ? { changes: summary } : {}),
  };
}

/**
 * The case card's one line: "2 of 4 ready · 1 blocker: LA officer has limited authority".
 * The card already puts it under a "Preparation" heading, so it does not repeat the word.
 */
export function preparationStatusLine(board: PreparationBoard): string {
  const ready = board.partyCount === 0 ? 'No parties yet' : `${board.readyCount} of ${board.partyCount} ready`;
  const [first, ...more] = board.blockers;
  if (!first) return `${ready} · no blockers`;
  const count = plural(board.blockers.length, 'blocker', 'blockers');
  return `${ready} · ${count}: ${first.short}${more.length > 0 ? ` (+${more.length} more)` : ''}`;
}
