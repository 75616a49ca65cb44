import { CANCEL_REASONS, planReminderChanges, type Reminder, type StoredReminderState } from '../../domain/reminders';

const NOW = new Date('2026-12-10T12:00:00Z');

function r(id: string, sendAt: string, kind: Reminder['kind'] = 'reminder'): Reminder {
  return { reminderId: id, deadlineId: 'd', caseId: 'c', offset: id, sendAt, kind };
}
function s(id: string, status: StoredReminderState['status'], sendAt: string): StoredReminderState {
  return { reminderId: id, status, sendAt };
}

describe('planReminderChanges', () => {
  it('adds only reminders still ahead, and escalations whatever their time', () => {
    const plan = planReminderChanges([], [r('past', '2026-12-09T09:00:00.000Z'), r('ahead', '2026-12-11T09:00:00.000Z'), r('esc', '2026-12-01T09:00:00.000Z', 'escalation')], NOW);
    expect(plan.insert.map((x) => x.reminderId)).toEqual(['ahead', 'esc']);
    expect(plan.reschedule).toEqual([]);
    expect(plan.cancel).toEqual([]);
  });

  it('never loses a due pending reminder the scheduler has not reached yet', () => {
    const plan = planReminderChanges([s('due', 'pending', '2026-12-10T09:00:00.000Z')], [r('due', '2026-12-10T09:00:00.000Z')], NOW);
    expect(plan).toEqual({ insert: [], reschedule: [], cancel: [] });
  });

  it('reschedules a pending reminder whose time moved, or cancels it if the new time has passed', () => {
    const plan = planReminderChanges(
      [s('later', 'pending', '2026-12-11T09:00:00.000Z'), s('earlier', 'pending', '2026-12-11T09:00:00.000Z')],
      [r('later', '2026-12-14T09:00:00.000Z'), r('earlier', '2026-12-09T09:00:00.000Z')],
      NOW,
    );
    expect(plan.reschedule.map((x) => [x.reminderId, x.sendAt])).toEqual([['later', '2026-12-14T09:00:00.000Z']]);
    expect(plan.cancel).toEqual([{ reminderId: 'earlier', reason: CANCEL_REASONS.past }]);
  });

  it('leaves history alone and cancels pending reminders that were not computed again', () => {
    const plan = planReminderChanges(
      [
        s('sent', 'sent', '2026-12-01T09:00:00.000Z'),
        s('claimed', 'claimed', '2026-12-10T09:00:00.000Z'),
        s('failed', 'failed', '2026-12-02T09:00:00.000Z'),
        s('gone', 'pending', '2026-12-12T09:00:00.000Z'),
      ],
      [r('sent', '2026-12-15T09:00:00.000Z'), r('claimed', '2026-12-16T09:00:00.000Z'), r('failed', '2026-12-17T09:00:00.000Z')],
      NOW,
    );
    expect(plan).toEqual({ insert: [], reschedule: [], cancel: [{ reminderId: 'gone', reason: CANCEL_REASONS.gone }] });
  });

  it('brings back a cancelled reminder that applies again and is still ahead', () => {
    const plan = planReminderChanges(
      [s('back', 'cancelled', '2026-12-01T09:00:00.000Z'), s('stays', 'cancelled', '2026-12-01T09:00:00.000Z')],
      [r('back', '2026-12-20T09:00:00.000Z'), r('stays', '2026-12-01T09:00:00.000Z')],
      NOW,
    );
    expect(plan.reschedule.map((x) => x.reminderId)).toEqual(['back']);
  });
});
