/**
 * The subset of Adaptive Cards 1.5 the product uses, as types. Teams renders up to 1.5
 * (docs/architecture.md#what-teams-does-to-a-bot), so nothing newer is representable here. Accessibility rules are
 * encoded in the types where TypeScript can hold them: every TextBlock wraps, every input
 * has a label, and a required input always carries its error message.
 */

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

/** Below Teams' limit (about 25 KB) with room for what Teams adds around the card. */
export const CARD_BYTES_MAX = 24 * 1024;

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  readonly id?: string;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  /** Hidden until an Action.ToggleVisibility shows it (needs an `id`). */
  readonly isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly style?: 'default' | 'heading';
  readonly size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  readonly weight?: 'lighter' | 'default' | 'bolder';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  /** Monospace for codes a person has to copy exactly. */
  readonly fontType?: 'default' | 'monospace';
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet extends ElementBase {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

export interface Container extends ElementBase {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
}

export interface Column {
  readonly type: 'Column';
  readonly items: readonly CardElement[];
  readonly width?: 'auto' | 'stretch' | number;
  readonly verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet extends ElementBase {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
}

export interface ActionSet extends ElementBase {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

/** A required input must say what is wrong when left empty (docs/architecture.md#what-teams-does-to-a-bot). */
type Requirement = { readonly isRequired: true; readonly errorMessage: string } | { readonly isRequired?: false; readonly errorMessage?: string };

type InputBase = ElementBase & Requirement & { readonly id: string; readonly label: string };

export type TextInput = InputBase & {
  readonly type: 'Input.Text';
  readonly value?: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly isMultiline?: boolean;
  readonly regex?: string;
};

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export type ChoiceSetInput = InputBase & {
  readonly type: 'Input.ChoiceSet';
  /** The SDK refuses an empty choice list, so the type does too. */
  readonly choices: readonly [Choice, ...Choice[]];
  readonly value?: string;
  readonly style?: 'compact' | 'expanded';
  readonly placeholder?: string;
  readonly wrap?: true;
};

export type DateInput = InputBase & {
  readonly type: 'Input.Date';
  /** YYYY-MM-DD. */
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
};

export type TimeInput = InputBase & {
  readonly type: 'Input.Time';
  /** HH:mm. */
  readonly value?: string;
};

export type ToggleInput = InputBase & {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly value?: string;
  readonly valueOn: string;
  readonly valueOff: string;
  readonly wrap?: true;
};

export type CardInput = TextInput | ChoiceSetInput | DateInput | TimeInput | ToggleInput;
export type CardElement = TextBlock | FactSet | Container | ColumnSet | ActionSet | CardInput;

/**
 * Card data comes back from the client and cannot be trusted (docs/architecture.md#what-teams-does-to-a-bot), so it may
 * carry only identifiers and page numbers; the handler re-reads everything else.
 */
export type ActionData = Readonly<Record<string, string | number>>;

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data?: ActionData;
  /** `none` for navigation buttons, so half-filled inputs are not validated or sent. */
  readonly associatedInputs?: 'auto' | 'none';
  readonly style?: 'default' | 'positive' | 'destructive';
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: NestedCard;
}

/**
 * Shows or hides elements on the card itself, without a round trip (Adaptive Cards 1.2, so
 * Teams renders it). Never around required inputs: a hidden invalid input would confuse.
 */
export interface ToggleVisibilityAction {
  readonly type: 'Action.ToggleVisibility';
  readonly title: string;
  readonly targetElements: readonly string[];
  /** Read by screen readers and shown on hover: what the button shows or hides. */
  readonly tooltip?: string;
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction | ToggleVisibilityAction;

/** A card inside Action.ShowCard: it inherits the outer card's version. */
export interface NestedCard {
  readonly type: 'AdaptiveCard';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

/** Universal Actions refresh: who gets a personalised view when they open the card. */
export interface Refresh {
  readonly action: ExecuteAction;
  readonly userIds?: readonly string[];
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof CARD_SCHEMA;
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: Refresh;
  readonly fallbackText?: string;
}

export interface CardOptions {
  readonly refresh?: Refresh;
  /** Shown by clients that cannot render the card. */
  readonly fallbackText?: string;
}

export function card(body: readonly CardElement[], actions: readonly CardAction[] = [], options: CardOptions = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    ...(options.fallbackText ? { fallbackText: options.fallbackText } : {}),
  };
}

/** The card's size as Teams measures it: the UTF-8 bytes of its JSON. */
export function cardBytes(c: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(c), 'utf8');
}

export function heading(text: string, size: TextBlock['size'] = 'medium'): TextBlock {
  return { type: 'TextBlock', text, wrap: true, style: 'heading', size, weight: 'bolder' };
}

export type TextOptions = Omit<TextBlock, 'type' | 'text' | 'wrap'>;

export function text(value: string, options: TextOptions = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function facts(pairs: readonly (readonly [string, string])[], options: ElementBase = {}): FactSet {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })), ...options };
}

export function container(items: readonly CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...options };
}

export function actionSet(actions: readonly CardAction[], options: ElementBase = {}): ActionSet {
  return { type: 'ActionSet', actions, ...options };
}

export function execute(
  title: string,
  verb: string,
  data?: ActionData,
  options: Pick<ExecuteAction, 'associatedInputs' | 'style'> = {},
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, ...(data ? { data } : {}), ...options };
}

/** A button that shows or hides the elements with these ids. */
export function toggle(title: string, targetElements: readonly string[], tooltip?: string): ToggleVisibilityAction {
  return { type: 'Action.ToggleVisibility', title, targetElements, ...(tooltip ? { tooltip } : {}) };
}

/** An attention-coloured line under a field, for errors shown when a form comes back. */
export function fieldError(message: string | undefined): TextBlock[] {
  return message ? [text(message, { color: 'attention', size: 'small', spacing: 'none' })] : [];
}

/** The banner at the top of a form sent back with problems. */
export function problemsBanner(fieldProblems: number, formProblem: string | undefined): CardElement[] {
  const lines: CardElement[] = [];
  if (fieldProblems > 0) {
    const which = fieldProblems === 1 ? 'the field marked below' : 'the fields marked below';
    lines.push(text(`Please check ${which}.`, { weight: 'bolder' }));
  }
  // Default text colour on the attention container: coloured text on it fails the contrast ratio.
  if (formProblem) lines.push(text(formProblem));
  return lines.length > 0 ? [container(lines, { style: 'attention' })] : [];
}

/** The number of field errors, leaving out the one for the whole form. */
export function fieldProblemCount(errors: Readonly<Record<string, string | undefined>> | undefined): number {
  return Object.entries(errors ?? {}).filter(([k, v]) => k !== 'form' && v !== undefined).length;
}

/** Choice sets refuse an empty list, and so does the type. */
export function nonEmptyChoices(choices: readonly Choice[], what: string): readonly [Choice, ...Choice[]] {
  const [first, ...rest] = choices;
  if (!first) throw new Error(`No ${what} to choose from`);
  return [first, ...rest];
}
