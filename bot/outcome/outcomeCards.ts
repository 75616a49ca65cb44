import { outcomeCard } from '../../cards/outcomeCard';
import { outcomeDraftCard } from '../../cards/outcomeDraftCard';
import { toOutcomeCardView, toOutcomeDraftView } from '../../cards/outcomeViews';
import type { AdaptiveCard } from '../../cards/adaptive';
import { isCaseError, type Case } from '../../domain/cases';
import { draftOutcome, latestVersion, type OutcomeDraftErrors, type OutcomeDraftFormValues, type OutcomeContent, type OutcomeRecord } from '../../domain/outcome';
import type { BotDeps } from '../deps';

/** Everything a draft is built from, read fresh: the final session, every session, changes, acknowledgements. */
export async function draftFor(c: Case, record: OutcomeRecord, actor: string, deps: BotDeps): Promise<OutcomeContent | Error> {
  const sessions = await deps.store.meetings.listForCase(c.id);
  const meeting = sessions.find((m) => m.meetingId === record.meetingId) ?? sessions.at(-1);
  if (!meeting) return new Error('This case has no meeting yet.');
  const [changes, acknowledgements] = await Promise.all([deps.store.preparation.listChanges(c.id), deps.store.acknowledgements.listForCase(c.id)]);
  const previous = latestVersion(record)?.content;
  return draftOutcome({ case: c, meeting, sessions, changes, acknowledgements, calendar: deps.calendar, ...(previous ? { previous } : {}) }, actor);
}

export async function draftCardFor(
  c: Case,
  record: OutcomeRecord,
  actor: string,
  deps: BotDeps,
  form: { values?: OutcomeDraftFormValues; errors?: OutcomeDraftErrors } = {},
): Promise<AdaptiveCard | Error> {
  const draft = await draftFor(c, record, actor, deps);
  if (draft instanceof Error || isCaseError(draft)) return draft;
  return outcomeDraftCard(toOutcomeDraftView(c, draft, record, { now: deps.now(), ...form }));
}

/** The published outcome as `viewer` sees it (no viewer: the shared post in the thread). */
export function publishedCardFor(c: Case, record: OutcomeRecord, viewer?: string): AdaptiveCard | undefined {
  const view = toOutcomeCardView(c, record, viewer ? { viewer } : {});
  return view ? outcomeCard(view) : undefined;
}
