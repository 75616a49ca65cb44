/**
 * Helpers for the few short texts the meeting record accepts from a card. Control
 * characters other than new lines and tabs only arrive by pasting something odd, and a
 * stored control character would corrupt the read-back and the outcome statement.
 */
const CONTROL = /(?![\n\t])\p{Cc}/u;

export function isPlainText(value: string): boolean {
  return !CONTROL.test(value);
}

/** One line: runs of white space (new lines included) become one space. */
export function singleLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** One line, cut with an ellipsis to at most `max` characters, for previews and titles. */
export function shorten(value: string, max: number): string {
  const oneLine = singleLine(value);
  if (oneLine.length <= max) return oneLine;
  return max <= 1 ? '…' : `${oneLine.slice(0, max - 1)}…`;
}

/** Agreed wording keeps its line breaks (plans are laid out in paragraphs); only the ends are trimmed. */
export function multiLine(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
