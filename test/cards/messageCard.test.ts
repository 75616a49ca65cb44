import { messageCard } from '../../cards/messageCard';
import { cardText, expectValidCard } from './validateCard';

describe('message card', () => {
  it.each(['info', 'success', 'warning', 'error'] as const)('is valid in the %s tone', (tone) => {
    const c = messageCard({ title: 'Saved', text: 'Roles saved.', tone, details: ['Next: send the terms.'] });
    expectValidCard(c);
    expect(cardText(c)).toContain('Next: send the terms.');
    expect(c.fallbackText).toBe('Saved: Roles saved.');
  });
});
