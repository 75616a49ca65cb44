import { inviteCard } from '../../cards/inviteCard';
import { createInvite } from '../../domain/invites';
import { roleLabel } from '../../domain/cases';
import { NOW } from '../domain/caseFixtures';
import { cardText, expectValidCard } from './validateCard';

describe('invite card', () => {
  it('shows the code, the role, the expiry with its weekday, and exactly what to send', () => {
    const { code, invite } = createInvite('case-1', 'la_officer', NOW, 'aad-lead');
    const card = inviteCard({ caseReference: 'SM-1', roleLabel: roleLabel(invite.role), code, expiresAt: invite.expiresAt.toISOString() });
    const parts = expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain(`Code: ${code}`);
    expect(text).toContain('Role: Local authority officer');
    expect(text).toContain('Expires: Tue 15 Dec 2026 at 10:00');
    expect(parts.textBlocks.find((t) => t.fontType === 'monospace')?.text).toBe(`join ${code}`);
    expect(text).toMatch(/privately/);
    expect(parts.executes).toEqual([]);
  });
});
