import { createHash } from 'node:crypto';

export interface TermsItem {
  readonly text: string;
  /** A list item in the source. */
  readonly bullet: boolean;
}

export interface TermsSection {
  readonly heading: string;
  readonly items: readonly TermsItem[];
}

export interface Terms {
  /** First 12 hex characters of the SHA-256 of the normalised text: any wording change is a new version. */
  readonly version: string;
  readonly text: string;
  readonly title: string;
  /** Paragraphs before the first heading. */
  readonly intro: readonly string[];
  readonly headings: readonly string[];
  readonly sections: readonly TermsSection[];
}

export class TermsError extends Error {
  override readonly name = 'TermsError';
}

/**
 * Line endings and trailing spaces are not wording: a checkout on Windows or an editor
 * that trims lines must not create a "new version" that everyone has to agree to again.
 */
function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * Reads Terms of Engagement written in a small Markdown subset: `# title`, `## heading`,
 * paragraphs, and `- ` list items. Anything that would leave a party agreeing to an empty
 * or unstructured text is refused.
 */
export function loadTerms(source: string): Terms {
  const text = normalise(source);
  let title = '';
  const intro: string[] = [];
  const sections: { heading: string; items: TermsItem[] }[] = [];
  let paragraph: string[] = [];

  const flush = (): void => {
    if (paragraph.length === 0) return;
    const joined = paragraph.join(' ');
    paragraph = [];
    const current = sections[sections.length - 1];
    if (current) current.items.push({ text: joined, bullet: false });
    else intro.push(joined);
  };

  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      flush();
      sections.push({ heading: line.slice(3).trim(), items: [] });
    } else if (line.startsWith('# ')) {
      flush();
      title = line.slice(2).trim();
    } else if (line.startsWith('- ')) {
      flush();
      const current = sections[sections.length - 1];
      if (!current) throw new TermsError('A list item appears before the first "## " heading of the terms.');
      current.items.push({ text: line.slice(2).trim(), bullet: true });
    } else if (line === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();

  if (sections.length === 0) throw new TermsError('The terms have no "## " headings.');
  const empty = sections.find((s) => s.items.length === 0);
  if (empty) throw new TermsError(`The terms heading "${empty.heading}" has no text under it.`);

  const version = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
  return { version, text, title: title || 'Terms of Engagement', intro, headings: sections.map((s) => s.heading), sections };
}
