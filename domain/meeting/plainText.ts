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

/** Agreed wording keeps its line breaks (plans are laid out in paragraphs); only the ends are trimmed. */
export function multiLine(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
