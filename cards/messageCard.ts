import { card, container, heading, text, type AdaptiveCard, type ContainerStyle, type TextColor } from './adaptive';

export type MessageTone = 'info' | 'success' | 'warning' | 'error';

export interface MessageCardView {
  readonly title: string;
  readonly text: string;
  readonly tone?: MessageTone;
  /** Further lines, e.g. what to do next. */
  readonly details?: readonly string[];
}

const STYLE: Readonly<Record<MessageTone, { container: ContainerStyle; color: TextColor }>> = {
  info: { container: 'default', color: 'default' },
  success: { container: 'good', color: 'good' },
  warning: { container: 'warning', color: 'warning' },
  error: { container: 'attention', color: 'attention' },
};

/** A small card for a confirmation, a refusal or an error: the reply to most clicks. */
export function messageCard(view: MessageCardView): AdaptiveCard {
  const tone = STYLE[view.tone ?? 'info'];
  const color = tone.color === 'default' ? {} : { color: tone.color };
  return card(
    [
      container([heading(view.title, 'default'), text(view.text, color), ...(view.details ?? []).map((d) => text(d, { spacing: 'small' }))], {
        style: tone.container,
      }),
    ],
    [],
    { fallbackText: `${view.title}: ${view.text}` },
  );
}
