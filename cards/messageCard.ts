import { card, container, heading, text, type AdaptiveCard, type ContainerStyle } from './adaptive';

export type MessageTone = 'info' | 'success' | 'warning' | 'error';

export interface MessageCardView {
  readonly title: string;
  readonly text: string;
  readonly tone?: MessageTone;
  /** Further lines, e.g. what to do next. */
  readonly details?: readonly string[];
}

/** The container carries the tone; text inside keeps the default colour (readable on every style). */
const STYLE: Readonly<Record<MessageTone, ContainerStyle>> = {
  info: 'default',
  success: 'good',
  warning: 'warning',
  error: 'attention',
};

/** A small card for a confirmation, a refusal or an error: the reply to most clicks. */
export function messageCard(view: MessageCardView): AdaptiveCard {
  const style = STYLE[view.tone ?? 'info'];
  return card(
    [
      container([heading(view.title, 'default'), text(view.text), ...(view.details ?? []).map((d) => text(d, { spacing: 'small' }))], {
        style,
      }),
    ],
    [],
    { fallbackText: `${view.title}: ${view.text}` },
  );
}
