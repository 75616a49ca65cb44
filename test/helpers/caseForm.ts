/**
 * A valid new-case form as a mediator submits it (card inputs arrive as strings). Tests override
 * only the fields they are about, so the rest stays valid as the form's rules change.
 */
export function caseFormData(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    caseReference: 'SM-2026-041',
    caseType: 'M-CONTENT',
    childInitials: 'JS',
    isYoungPerson: 'false',
    localAuthority: 'Northshire County Council',
    laInformed: '2026-11-16',
    meetingDate: '2026-12-10',
    meetingTime: '10:00',
    meetingFormat: 'online',
    ...overrides,
  };
}
