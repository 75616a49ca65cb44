import {
  ACTIONS_MAX,
  MeetingSchema,
  actionNumber,
  addAction,
  closeMeeting,
  editAction,
  removeAction,
  saveAction,
  type ActionInput,
} from '../../domain/meeting';
import { CO, LEAD, PARENT, later, meetingCase, ok, runningMeeting } from './meetingFixtures';

const c = meetingCase();
const amend: ActionInput = { owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan', category: 'amend_plan' };

describe('agreed actions', () => {
  it('adds under the form\'s id; the same submission again changes nothing', () => {
    const m = runningMeeting(c);
    const added = ok(addAction(c, m, LEAD.aadObjectId, 'action-0001', amend, later(40)));
    expect(added.actions).toEqual([{ actionId: 'action-0001', ...amend, addedAt: later(40).toISOString(), addedBy: LEAD.aadObjectId }]);
    expect(addAction(c, added, LEAD.aadObjectId, 'action-0001', amend, later(41))).toBe(added);
    expect(addAction(c, added, LEAD.aadObjectId, 'action-0001', { ...amend, what: 'Other' }, later(41))).toMatchObject({ code: 'invalid_input' });
    expect(MeetingSchema.safeParse(added).success).toBe(true);
  });

  it('edits, keeping who added it and recording who changed it; an identical edit changes nothing', () => {
    const added = ok(addAction(c, runningMeeting(c), LEAD.aadObjectId, 'action-0001', amend, later(40)));
    const edited = ok(editAction(c, added, CO.aadObjectId, 'action-0001', { ...amend, agreedDueDate: '2027-01-19' }, later(45)));
    expect(edited.actions[0]).toEqual({
      actionId: 'action-0001',
      ...amend,
      agreedDueDate: '2027-01-19',
      addedAt: later(40).toISOString(),
      addedBy: LEAD.aadObjectId,
      updatedAt: later(45).toISOString(),
      updatedBy: CO.aadObjectId,
    });
    expect(editAction(c, edited, LEAD.aadObjectId, 'action-0001', { ...amend, agreedDueDate: '2027-01-19' }, later(46))).toBe(edited);
    expect(editAction(c, edited, LEAD.aadObjectId, 'missing-0001', amend, later(46))).toMatchObject({ code: 'not_found' });
  });

  it('saves as an add the first time and an edit after', () => {
    const m = runningMeeting(c);
    const first = ok(saveAction(c, m, LEAD.aadObjectId, 'action-0001', amend, later(40)));
    const second = ok(saveAction(c, first, LEAD.aadObjectId, 'action-0001', { ...amend, what: 'Issue the plan' }, later(41)));
    expect(second.actions).toHaveLength(1);
    expect(second.actions[0]?.what).toBe('Issue the plan');
    expect(actionNumber(second, 'action-0001')).toBe(1);
    expect(actionNumber(second, 'nope')).toBeUndefined();
  });

  it('removes; removing again changes nothing', () => {
    const added = ok(addAction(c, runningMeeting(c), LEAD.aadObjectId, 'action-0001', amend, later(40)));
    const removed = ok(removeAction(c, added, LEAD.aadObjectId, 'action-0001'));
    expect(removed.actions).toEqual([]);
    expect(removeAction(c, removed, LEAD.aadObjectId, 'action-0001')).toBe(removed);
  });

  it('is for mediators only, while the meeting is open, with a well-formed id, and up to the limit', () => {
    const m = runningMeeting(c);
    expect(addAction(c, m, PARENT.aadObjectId, 'action-0001', amend, later(40))).toMatchObject({ code: 'not_allowed' });
    expect(removeAction(c, m, PARENT.aadObjectId, 'action-0001')).toMatchObject({ code: 'not_allowed' });
    expect(addAction(c, m, LEAD.aadObjectId, 'bad id!', amend, later(40))).toMatchObject({ code: 'invalid_input' });
    const added = ok(addAction(c, m, LEAD.aadObjectId, 'action-0001', amend, later(40)));
    const closed = ok(closeMeeting(c, added, LEAD.aadObjectId, { outcome: 'full' }, later(60)));
    expect(addAction(c, closed, LEAD.aadObjectId, 'action-0002', amend, later(61))).toMatchObject({ code: 'invalid_transition' });
    expect(editAction(c, closed, LEAD.aadObjectId, 'action-0001', { ...amend, what: 'x' }, later(61))).toMatchObject({ code: 'invalid_transition' });
    expect(removeAction(c, closed, LEAD.aadObjectId, 'action-0001')).toMatchObject({ code: 'invalid_transition' });

    let full = m;
    for (let i = 0; i < ACTIONS_MAX; i++) full = ok(addAction(c, full, LEAD.aadObjectId, `action-${String(i).padStart(4, '0')}`, amend, later(40)));
    expect(addAction(c, full, LEAD.aadObjectId, 'action-9999', amend, later(41))).toMatchObject({ code: 'invalid_input' });
    expect(MeetingSchema.safeParse(full).success).toBe(true);
  });
});
