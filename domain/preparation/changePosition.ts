import { z } from 'zod';
import { isMediator, partyFor } from '../cases/authorisation';
import { CaseError } from '../cases/caseError';
import type { Case } from '../cases/caseSchema';
import { changesClosed } from './meetingStart';
import { LA_POSITIONS, POSITION_HISTORY_MAX, POSITION_NOTE_MAX, type LaPosition, type RequestedChange } from './requestedChange';

export interface PositionInput {
  readonly position: LaPosition;
  /** Internal note; absent clears it (the card sends the note it showed, edited or not). */
  readonly note?: string;
}

const PositionDataSchema = z.object({
  position: z.enum(LA_POSITIONS),
  note: z.string().optional(),
});

/** Reads a `changes.position` click: the button's position and the note input. */
export function parsePositionInput(data: unknown): PositionInput | CaseError {
  const parsed = PositionDataSchema.safeParse(data);
  if (!parsed.success) return new CaseError('invalid_input', 'Choose agree, decline or discuss.');
  const note = (parsed.data.note ?? '').replace(/\s+/g, ' ').trim();
  if (note.length > POSITION_NOTE_MAX) return new CaseError('invalid_input', `Keep the note under ${POSITION_NOTE_MAX} characters.`);
  return { position: parsed.data.position, ...(note !== '' ? { note } : {}) };
}

/**
 * The LA officer's position on a change, until the meeting starts (docs/rules.md#preparation-and-requested-changes). A mediator may
 * record it for an officer who cannot use the card; the history says so. Every change of
 * position is kept in the history, which is the audit of how the LA's view moved.
 */
export function setLaPosition(c: Case, change: RequestedChange, input: PositionInput, actor: string, now: Date): RequestedChange | CaseError {
  if (change.caseId !== c.id) return new CaseError('not_found', 'That change belongs to another case.');
  const self = partyFor(c, actor);
  const officer = self?.role === 'la_officer';
  if (!officer && !isMediator(c, actor)) {
    return new CaseError('not_allowed', `Only the local authority officer or a mediator of case ${c.caseReference} can record the local authority's position.`);
  }
  if (change.sentAt === undefined) return new CaseError('invalid_input', 'This change has not been sent to the local authority yet.');
  const closed = changesClosed(c, now);
  if (closed) return closed;
  if (change.laPosition === input.position && change.laPositionNote === input.note) return change;

  const at = now.toISOString();
  const { laPositionNote: _old, ...rest } = change;
  return {
    ...rest,
    laPosition: input.position,
    ...(input.note !== undefined ? { laPositionNote: input.note } : {}),
    positionHistory: [
      ...change.positionHistory,
      {
        position: input.position,
        ...(input.note !== undefined ? { note: input.note } : {}),
        by: actor,
        at,
        ...(officer ? {} : { onBehalf: true }),
        reason: 'set' as const,
      },
    ].slice(-POSITION_HISTORY_MAX),
    updatedAt: at,
  };
}
