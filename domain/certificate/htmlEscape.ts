/**
 * Escapes text for HTML element content and quoted attribute values. Every value that goes
 * into the printable certificate passes through here: names and issues are typed by people
 * and must never become markup.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
