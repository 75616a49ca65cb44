import { card, execute, facts, heading, text } from '../../cards/adaptive';
import { expectValidCard } from './validateCard';

describe('card primitives', () => {
  it('builds a 1.5 card with wrapped text and a heading', () => {
    const c = card([heading('Title'), text('Body', { isSubtle: true }), facts([['A', 'b']])], [execute('Go', 'test.go', { caseId: 'abc', page: 1 })]);
    expectValidCard(c);
    expect(c).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(c.body[0]).toEqual({ type: 'TextBlock', text: 'Title', wrap: true, style: 'heading', size: 'medium', weight: 'bolder' });
    expect(c.body[2]).toEqual({ type: 'FactSet', facts: [{ title: 'A', value: 'b' }] });
    expect(c.actions).toEqual([{ type: 'Action.Execute', title: 'Go', verb: 'test.go', data: { caseId: 'abc', page: 1 } }]);
  });

  it('leaves out empty actions and options', () => {
    expect(Object.keys(card([heading('x')]))).toEqual(['type', '$schema', 'version', 'body']);
  });

  it('is caught by the shared validator when data carries more than ids', () => {
    const bad = card([heading('x')], [execute('Go', 'test.go', { note: 'free text with spaces' })]);
    expect(() => expectValidCard(bad)).toThrow();
  });
});
