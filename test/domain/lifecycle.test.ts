import { advanceState, anchorThread, canTransition, CASE_STATES, CASE_STATE_LABELS, isCaseError, moveCase, withAdvancedState } from '../../domain/cases';
import { makeCase } from './caseFixtures';

describe('lifecycle', () => {
  it('labels every state', () => {
    for (const s of CASE_STATES) expect(CASE_STATE_LABELS[s]).toBeTruthy();
    expect(CASE_STATES).toHaveLength(25);
  });

  it('allows only the documented moves, and cancelling from any open state', () => {
    expect(canTransition('INTAKE', 'MEDIATION_REQUESTED')).toBe(true);
    expect(canTransition('SCHEDULING', 'PREPARATION')).toBe(true);
    expect(canTransition('PREPARATION', 'SCHEDULING')).toBe(false);
    expect(canTransition('MEETING', 'CANCELLED')).toBe(true);
    expect(canTransition('CLOSED', 'CANCELLED')).toBe(false);
    expect(canTransition('CANCELLED', 'CANCELLED')).toBe(false);
  });

  it('advances with new facts but never goes back', () => {
    expect(advanceState('INTAKE', { isDrs: false, laInformed: '2026-11-20' })).toBe('MEDIATION_REQUESTED');
    expect(advanceState('MEDIATION_REQUESTED', { isDrs: false, laInformed: '2026-11-20', meetingDate: '2026-12-17' })).toBe('SCHEDULING');
    expect(advanceState('PREPARATION', { isDrs: false })).toBe('PREPARATION');
    expect(advanceState('MEETING', { isDrs: false, meetingDate: '2026-12-17', meetingTime: '10:00' })).toBe('MEETING');
  });

  it('moves a case or says why not', () => {
    const c = makeCase();
    expect(moveCase(c, 'CANCELLED')).toMatchObject({ state: 'CANCELLED' });
    expect(moveCase(c, c.state)).toBe(c);
    const refused = moveCase(c, 'INTAKE');
    expect(isCaseError(refused) && refused.message).toMatch(/"Preparing for the meeting", so it cannot move to "Intake"/);
  });

  it('catches the state up after dates are added, and anchors the thread idempotently', () => {
    const c = makeCase({ meetingDate: '', meetingTime: '' });
    expect(withAdvancedState({ ...c, dates: { ...c.dates, meetingDate: '2026-12-17', meetingTime: '10:00' } }).state).toBe('PREPARATION');
    expect(withAdvancedState(c)).toBe(c);
    const anchored = anchorThread(c, { conversationId: 'conv', rootActivityId: 'root' });
    expect(anchored.thread).toEqual({ conversationId: 'conv', rootActivityId: 'root' });
    expect(anchorThread(anchored, { conversationId: 'conv', rootActivityId: 'root' })).toBe(anchored);
  });
});
