import { newProgress, postProgressUpdate } from '../../domain/followUp';
import type { AppStore } from '../../storage/appStore';

/** The after-the-meeting store, run against every backend by test/storage/storeContract.ts. */
export function followUpStoreContract(ctx: { readonly store: () => AppStore; readonly reopen: () => Promise<AppStore> }): void {
  const now = new Date('2026-12-03T10:00:00Z');
  const answer = (role: string, givenOn: string, fairness = 4, tenantId = 'tenant-a') => ({ tenantId, caseType: 'M-CONTENT', role, fairness, clarity: 3, wouldUseAgain: true, givenOn });

  it('opens an action once, updates it optimistically and lists the facts of several cases', async () => {
    const store = ctx.store();
    const p = newProgress('case-a', 'action-0001', '2027-01-07', '2027-01-07', now);
    expect(await store.followUp.open(p)).toBe(true);
    expect(await store.followUp.open(p)).toBe(false);
    await store.followUp.open(newProgress('case-b', 'action-0002', '2027-02-01', undefined, now));
    await store.followUp.open(newProgress('case-c', 'action-0003', '2027-03-01', undefined, now));
    const r = await store.followUp.update('case-a', 'action-0001', (x) => postProgressUpdate(x, 'aad-1', { updateId: 'update-0001', updateText: 'Started' }, now));
    expect(r.status).toBe('updated');
    expect((await store.followUp.update('case-a', 'action-0001', (x) => x)).status).toBe('unchanged');
    expect((await store.followUp.update('case-a', 'nope-00000', (x) => x)).status).toBe('not_found');
    expect((await store.followUp.get('case-a', 'action-0001'))?.version).toBe(2);
    const facts = await store.followUp.listActionProgress(['case-a', 'case-b']);
    expect(facts.map((f) => [f.caseId, f.dueDate]).sort()).toEqual([['case-a', '2027-01-07'], ['case-b', '2027-02-01']]);
    expect(await store.followUp.listForCase('case-c')).toHaveLength(1);
    expect(await store.caseRecords.count('case-a')).toMatchObject({ action_progress: 1 });
  });

  it('takes one feedback answer per person and case, keeps it apart from them, and lists by date', async () => {
    const store = ctx.store();
    expect(await store.followUp.giveFeedback('case-a', 'AAD-1', answer('parent_carer', '2026-12-03'), 'answer-0001')).toBe('stored');
    expect(await store.followUp.giveFeedback('case-a', 'aad-1', answer('parent_carer', '2026-12-03', 1), 'answer-0002')).toBe('already');
    expect(await store.followUp.hasGivenFeedback('case-a', 'aad-1')).toBe(true);
    await store.followUp.giveFeedback('case-b', 'aad-1', answer('parent_carer', '2026-12-10'), 'answer-0003');
    await store.followUp.giveFeedback('case-a', 'aad-2', answer('la_officer', '2027-01-02'), 'answer-0004');
    // Another provider's answer is never counted with this one's.
    await store.followUp.giveFeedback('case-z', 'aad-9', answer('parent_carer', '2026-12-05', 2, 'tenant-z'), 'answer-0005');
    expect(await store.followUp.listFeedback('tenant-z', '2026-12-01', '2026-12-31')).toEqual([expect.objectContaining({ fairness: 2 })]);
    const december = await store.followUp.listFeedback('TENANT-A', '2026-12-01', '2026-12-31');
    expect(december).toHaveLength(2);
    expect(await store.caseRecords.count('case-a')).toMatchObject({ feedback_given: 2 });
    expect(await store.followUp.removeFeedbackBefore('2026-12-04')).toBe(1);
    expect(await store.followUp.listFeedback('tenant-a', '2026-12-01', '2026-12-31')).toHaveLength(1);
    const reopened = await ctx.reopen();
    expect(await reopened.followUp.listFeedback('tenant-a', '2027-01-01', '2027-01-31')).toEqual([expect.objectContaining({ role: 'la_officer', fairness: 4 })]);
  });
}
