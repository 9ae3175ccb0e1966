/**
 * The small Markdown subset the article sources use: paragraphs, `## headings`, `> blockquotes`
 * and `*emphasis*`. Nothing more is needed, so nothing more is parsed.
 */

/** One block of an article body. */
export type MarkdownBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'quote'; text: string };

const HEADING_RE = /^#{2,6}\s+/;
const QUOTE_LINE_RE = /^>\s?/;
const EMPHASIS_RE = /\*([^*\n]+)\*/g;
const BLANK_LINES_RE = /\n\s*\n/;

/** Splits a Markdown body into blocks; lines inside a block are joined with a space. */
export function parseMarkdown(body: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(BLANK_LINES_RE)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length === 0) continue;
    const first = lines[0] ?? '';
    if (HEADING_RE.test(first)) {
      blocks.push({ kind: 'heading', text: first.replace(HEADING_RE, '') });
      const rest = lines.slice(1).join(' ');
      if (rest) blocks.push({ kind: 'paragraph', text: rest });
    } else if (lines.every((l) => QUOTE_LINE_RE.test(l))) {
      blocks.push({ kind: 'quote', text: lines.map((l) => l.replace(QUOTE_LINE_RE, '')).join(' ') });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline text → HTML: escaped, with `*emphasis*` as `<em>`. */
export function inlineToHtml(text: string): string {
  return escapeHtml(text).replace(EMPHASIS_RE, '<em>$1</em>');
}

/** Inline text → plain text: emphasis markers dropped. */
export function inlineToText(text: string): string {
  return text.replace(EMPHASIS_RE, '$1');
}

export function blockToHtml(block: MarkdownBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlineToHtml(block.text)}</p>`;
    case 'heading':
      return `<h2>${inlineToHtml(block.text)}</h2>`;
    case 'quote':
      return `<blockquote><p>${inlineToHtml(block.text)}</p></blockquote>`;
  }
}

export function markdownToHtml(body: string): string {
  return parseMarkdown(body).map(blockToHtml).join('\n');
}

/** The article text a good extractor should recover: one block per paragraph, separated by blank lines. */
export function markdownToText(body: string): string {
  return parseMarkdown(body).map((b) => inlineToText(b.text)).join('\n\n');
}
