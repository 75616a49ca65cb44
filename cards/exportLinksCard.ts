import { card, heading, text, type AdaptiveCard } from './adaptive';

/** The two one-time links of an export, sent to the requester's 1:1 chat only. */
export interface ExportLinksView {
  /** "Export of case SM-2026-041". */
  readonly title: string;
  readonly htmlUrl: string;
  readonly jsonUrl: string;
  /** "Fri 4 Dec 2026 at 14:05". */
  readonly expiresText: string;
}

export function exportLinksCard(view: ExportLinksView): AdaptiveCard {
  return card(
    [
      heading(view.title),
      text('Each link opens once, until the time below; opening it is recorded in the audit log. Do not forward them.'),
      text(`Valid until ${view.expiresText}.`, { weight: 'bolder' }),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Printable page (opens once)', url: view.htmlUrl },
      { type: 'Action.OpenUrl', title: 'JSON file (opens once)', url: view.jsonUrl },
    ],
  );
}
