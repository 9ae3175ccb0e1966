import type { ReviewItem } from '../../review/index.js';
import { segmentText } from '../../review/index.js';
import type { ReviewQueueRow } from '../../store/index.js';
import { sanitizeForTerminal, sanitizeLine } from './sanitize.js';
import type { Style } from './style.js';
import { renderCsv, renderTable } from './table.js';

export function renderReviewQueue(rows: readonly ReviewQueueRow[]): string {
  if (rows.length === 0) return 'nothing to review\n';
  return renderTable(
    ['id', 'score', 'date', 'source', 'categories', 'title'],
    rows.map((r) => [r.articleId, r.score.toFixed(1), r.publishedAt?.slice(0, 10) ?? '–', sanitizeLine(r.source), compactList(r.categories, 2), sanitizeLine(r.title).slice(0, 64)]),
    { rightAlign: [true, true, false, false, false, false] },
  );
}

/** The first `n` items, then "+k" for the rest, so a table row stays on one line. */
function compactList(items: readonly string[], n: number): string {
  return items.length <= n ? items.join(',') : `${items.slice(0, n).join(',')} +${items.length - n}`;
}

export function renderReviewQueueCsv(rows: readonly ReviewQueueRow[]): string {
  return renderCsv(
    ['id', 'score', 'published', 'source', 'categories', 'targets', 'label', 'title'],
    rows.map((r) => [r.articleId, r.score, r.publishedAt, r.source, r.categories.join(' '), r.targets.join(' '), r.label, r.title]),
  );
}

/**
 * One article for a reviewer: header, score and reasons, then the text with matched terms highlighted.
 * With `plain` style the matches are marked `[[like this]]{category}` so they survive a pipe or a file.
 */
export function renderReviewItem(item: ReviewItem, style: Style, plain: boolean): string {
  const { article, analysis } = item;
  const lines: string[] = [];
  lines.push(style.bold(sanitizeLine(article.title) || '(no title)'));
  lines.push(`#${article.id} · ${sanitizeLine(article.source)} · ${article.publishedAt ?? 'date unknown'}${article.author ? ` · ${sanitizeLine(article.author)}` : ''}`);
  lines.push(sanitizeLine(article.url));
  if (item.label) lines.push(`label: ${item.label}`);
  if (analysis) {
    lines.push('');
    const verdict = analysis.flagged ? style.red('flagged') : style.green('not flagged');
    lines.push(`${verdict} · score ${analysis.score.toFixed(2)} (threshold ${analysis.threshold}) · pipeline ${analysis.pipeline} ${analysis.pipelineVersion}`);
    if (analysis.categories.length) lines.push(`categories: ${analysis.categories.join(', ')}`);
    if (analysis.targets.length) lines.push(`targets: ${analysis.targets.join(', ')}`);
    if (analysis.reasons.length) {
      lines.push('why:');
      for (const reason of analysis.reasons) lines.push(`  - ${sanitizeLine(reason)}`);
    }
    const people = [...new Set(analysis.entities.map((e) => `${sanitizeLine(e.canonical)} (${e.type})`))];
    if (people.length) lines.push(`entities: ${people.slice(0, 20).join(', ')}${people.length > 20 ? ', …' : ''}`);
  } else {
    lines.push('', 'not analysed under this pipeline');
  }
  lines.push('', '─'.repeat(60), '');
  const mark = (text: string, category: string | null, counted: boolean) => {
    const clean = sanitizeForTerminal(text);
    if (plain) return `[[${clean}]]{${category ?? 'target'}${counted ? '' : ', not counted'}}`;
    return counted ? style.highlight(clean) : style.yellow(clean);
  };
  const matches = analysis?.matches ?? [];
  if (article.title) {
    lines.push(style.bold(segmentText(article.title, matches, 'title').map((s) => (s.match ? mark(s.text, s.match.category, s.match.counted) : sanitizeForTerminal(s.text))).join('')));
    lines.push('');
  }
  lines.push(segmentText(article.text, matches, 'text').map((s) => (s.match ? mark(s.text, s.match.category, s.match.counted) : sanitizeForTerminal(s.text))).join(''));
  if (item.decisions.length) {
    lines.push('', 'decisions:');
    for (const d of item.decisions) lines.push(`  ${d.decidedAt} ${d.label}${d.reviewer ? ` by ${sanitizeLine(d.reviewer)}` : ''}${d.note ? ` — ${sanitizeLine(d.note)}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
