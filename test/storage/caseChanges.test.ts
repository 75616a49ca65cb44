import { announcing, announcingWhenChanged, CaseChangeFeed } from '../../storage/caseChanges';

describe('the case change feed', () => {
  it('announces every write of an announcing method, even one that failed, and survives a throwing listener', async () => {
    const feed = new CaseChangeFeed();
    const heard: string[] = [];
    feed.subscribe(() => {
      throw new Error('a broken listener');
    });
    feed.subscribe((id) => heard.push(id));
    const write = announcing(feed, async (id: string, ok: boolean) => {
      if (!ok) throw new Error('refused');
      return id;
    }, (id) => id);
    await write('case-1', true);
    await expect(write('case-2', false)).rejects.toThrow('refused');
    expect(heard).toEqual(['case-1', 'case-2']);
  });

  it('announces an update as changed only when what listeners read has changed, the first of a case as unseen, and never when nothing was written', async () => {
    const feed = new CaseChangeFeed();
    const heard: string[] = [];
    const stop = feed.subscribe((id, reason) => heard.push(`${id} ${reason}`));
    type Result = { status: 'updated'; meetingDate: string; before: string; audit: number } | { status: 'unchanged' };
    const update = announcingWhenChanged(
      feed,
      async (_id: string, r: Result) => r,
      (id) => id,
      (r) => (r.status === 'updated' ? { now: r.meetingDate, before: r.before } : undefined),
    );
    await update('a', { status: 'updated', meetingDate: '2026-12-10', before: '2026-12-10', audit: 1 }); // first seen, nothing moved
    await update('a', { status: 'updated', meetingDate: '2026-12-10', before: '2026-12-10', audit: 2 }); // only the audit grew
    await update('a', { status: 'unchanged' });
    await update('b', { status: 'updated', meetingDate: '2026-12-10', before: '2026-12-01', audit: 1 }); // another case, its date moved
    await update('a', { status: 'updated', meetingDate: '2026-12-14', before: '2026-12-10', audit: 3 }); // the date moved
    expect(heard).toEqual(['a unseen', 'b changed', 'a changed']);
    stop();
    await update('a', { status: 'updated', meetingDate: '2026-12-15', before: '2026-12-14', audit: 4 });
    expect(heard).toHaveLength(3);
  });
});
