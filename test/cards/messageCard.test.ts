import { messageCard } from '../../cards/messageCard';
import { cardText, expectValidCard } from './validateCard';

describe('message card', () => {
  it.each([
    ['info', 'default'],
    ['success', 'good'],
    ['warning', 'warning'],
    ['error', 'attention'],
  ] as const)('is valid in the %s tone, shown in the %s style', (tone, style) => {
    const c = messageCard({ title: 'Saved', text: 'Roles saved.', tone, details: ['Next: send the terms.'] });
    expectValidCard(c);
    expect(c.body[0]).toMatchObject({ type: 'Container', style });
    expect(cardText(c)).toContain('Next: send the terms.');
    expect(c.fallbackText).toBe('Saved: Roles saved.');
  });
});
