import { formatLondonDateTime } from '../londonTime';
import type { Case } from '../cases';
import type { Meeting } from '../meeting';
import { outcomeDueAt, publishTimeliness, timeLeftText } from './outcomeDue';
import { latestVersion } from './outcomeRecord';
import type { OutcomeRecord } from './outcomeSchema';
import { partyAnswers } from './responses';

/**
 * One line for the case card about the outcome statement: before publishing, when it is due
 * and how long is left (T8, 24 hours from the close); after, which version is out, whether
 * it went out on time and how the parties have answered. Undefined before the final close.
 */
export function outcomeStatusLine(c: Case, meeting: Meeting | null | undefined, record: OutcomeRecord | null | undefined, now: Date): string | undefined {
  const close = meeting?.close;
  if (!close || close.outcome === 'adjourned') return undefined;
  const dueAt = outcomeDueAt(close.closedAt);
  const latest = record ? latestVersion(record) : undefined;
  if (!record || !latest) return `Outcome statement due by ${formatLondonDateTime(dueAt)} (${timeLeftText(now, dueAt)}).`;
  const first = record.versions[0]!;
  const answers = partyAnswers(c, record);
  const count = (status: string) => answers.filter((a) => a.status === status).length;
  const timing = publishTimeliness(close.closedAt, first.publishedAt).text;
  return (
    `Outcome version ${latest.version} published ${formatLondonDateTime(new Date(latest.publishedAt))} ` +
    `(first version ${timing}). Content: ${count('content')}, correction asked: ${count('correction')}, no answer yet: ${count('none')}.`
  );
}
