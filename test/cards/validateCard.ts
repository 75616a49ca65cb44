import * as AC from 'adaptivecards';
import type { AdaptiveCard, CardAction, CardElement, CardInput, ExecuteAction, NestedCard, TextBlock } from '../../cards/adaptive';

/** Teams refuses or truncates larger cards (docs/architecture.md#what-teams-does-to-a-bot). */
export const MAX_CARD_BYTES = 25 * 1024;

/** Ids only: ours are URL-safe random ids, role codes, verbs' page numbers and hex versions. */
const ID_LIKE = /^[A-Za-z0-9_\-.:|]{1,128}$/;

export interface CardParts {
  readonly elements: CardElement[];
  readonly inputs: CardInput[];
  readonly actions: CardAction[];
  readonly executes: ExecuteAction[];
  readonly textBlocks: TextBlock[];
}

function walkActions(actions: readonly CardAction[] | undefined, parts: CardParts): void {
  for (const action of actions ?? []) {
    parts.actions.push(action);
    if (action.type === 'Action.Execute') parts.executes.push(action);
    if (action.type === 'Action.ShowCard') walkCard(action.card, parts);
  }
}

function walkElements(elements: readonly CardElement[], parts: CardParts): void {
  for (const element of elements) {
    parts.elements.push(element);
    switch (element.type) {
      case 'TextBlock':
        parts.textBlocks.push(element);
        break;
      case 'Container':
        walkElements(element.items, parts);
        break;
      case 'ColumnSet':
        for (const column of element.columns) walkElements(column.items, parts);
        break;
      case 'ActionSet':
        walkActions(element.actions, parts);
        break;
      case 'FactSet':
        break;
      default:
        parts.inputs.push(element);
    }
  }
}

function walkCard(c: AdaptiveCard | NestedCard, parts: CardParts): void {
  walkElements(c.body, parts);
  walkActions(c.actions, parts);
}

/** Every element, input and action of a card, nested ones included. */
export function cardParts(c: AdaptiveCard): CardParts {
  const parts: CardParts = { elements: [], inputs: [], actions: [], executes: [], textBlocks: [] };
  walkCard(c, parts);
  if (c.refresh) parts.executes.push(c.refresh.action);
  return parts;
}

/** All text a person can read on the card, for content assertions. */
export function cardText(c: AdaptiveCard): string {
  const parts = cardParts(c);
  const factTexts = parts.elements.flatMap((e) => (e.type === 'FactSet' ? e.facts.map((f) => `${f.title}: ${f.value}`) : []));
  const labels = parts.inputs.map((i) => i.label);
  const titles = parts.actions.map((a) => a.title);
  return [...parts.textBlocks.map((t) => t.text), ...factTexts, ...labels, ...titles].join('\n');
}

function sdkProblems(json: unknown): string[] {
  const sdkCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  sdkCard.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of sdkCard.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Text colours too light on Teams' white background (yellow, light green) wherever they are. */
const LOW_CONTRAST_COLOURS: ReadonlySet<string> = new Set(['warning', 'good', 'light']);

function colourProblems(elements: readonly CardElement[], background: string, where: string, out: string[]): void {
  elements.forEach((element, i) => {
    const here = `${where}[${i}]`;
    if (element.type === 'TextBlock') {
      const colour = element.color ?? 'default';
      if (colour !== 'default' && background !== 'default') out.push(`${here}: ${colour} text on a ${background} container: "${element.text}"`);
      else if (LOW_CONTRAST_COLOURS.has(colour)) out.push(`${here}: ${colour} text is too light to read: "${element.text}"`);
    } else if (element.type === 'Container') {
      colourProblems(element.items, element.style ?? background, `${here}.items`, out);
    } else if (element.type === 'ColumnSet') {
      element.columns.forEach((column, j) => colourProblems(column.items, background, `${here}.columns[${j}]`, out));
    } else if (element.type === 'ActionSet') {
      element.actions.forEach((action, j) => {
        if (action.type === 'Action.ShowCard') colourProblems(action.card.body, 'default', `${here}.actions[${j}].card`, out);
      });
    }
  });
}

/**
 * WCAG 2.1 AA on cards (docs/features.md#cards-people-can-read): coloured text on a coloured
 * container (light green on pale green) and yellow text on white fail the contrast ratio. Inside
 * a styled container text keeps the default colour; the meaning is carried by the words.
 */
export function readabilityProblems(c: AdaptiveCard | NestedCard): string[] {
  const out: string[] = [];
  colourProblems(c.body, 'default', 'body', out);
  for (const [j, action] of (c.actions ?? []).entries()) {
    if (action.type === 'Action.ShowCard') colourProblems(action.card.body, 'default', `actions[${j}].card`, out);
  }
  return out;
}

/**
 * The checks every card must pass: what the Adaptive Cards SDK reports, plus the product's
 * own rules (version 1.5, size, readable colours, labelled inputs, wrapped text, ids-only action data).
 */
export function expectValidCard(c: AdaptiveCard): CardParts {
  // Round-trip through JSON: what Teams receives, not the object in memory.
  const json = JSON.parse(JSON.stringify(c)) as unknown;
  expect(sdkProblems(json)).toEqual([]);
  expect(c.type).toBe('AdaptiveCard');
  expect(c.version).toBe('1.5');
  expect(Buffer.byteLength(JSON.stringify(c), 'utf8')).toBeLessThan(MAX_CARD_BYTES);

  expect(readabilityProblems(c)).toEqual([]);
  const parts = cardParts(c);
  expect(parts.textBlocks.some((t) => t.style === 'heading')).toBe(true);
  for (const block of parts.textBlocks) expect(block.wrap).toBe(true);
  for (const input of parts.inputs) {
    expect(input.label.trim()).not.toBe('');
    if (input.isRequired) expect(input.errorMessage?.trim()).toBeTruthy();
  }
  const inputIds = new Set(parts.inputs.map((i) => i.id));
  for (const action of parts.executes) {
    expect(action.verb).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    for (const [key, value] of Object.entries(action.data ?? {})) {
      // An input with the same id would overwrite the data key when Teams merges them.
      expect(inputIds.has(key)).toBe(false);
      if (typeof value === 'number') expect(Number.isInteger(value) && value >= 0).toBe(true);
      else expect(value).toMatch(ID_LIKE);
    }
  }
  return parts;
}
