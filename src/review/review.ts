import type { ReviewLabel, TermMatch, TextField } from '../model/index.js';
import type { AnalysisRecord, ArticleRecord, Store } from '../store/index.js';
import type { ReviewDecision } from '../model/index.js';

/** One article as a reviewer sees it. */
export interface ReviewItem {
  article: ArticleRecord;
  analysis: AnalysisRecord | null;
  decisions: ReviewDecision[];
  /** The current label: the latest decision's. */
  label: ReviewLabel | null;
}

/** A run of text, marked when a lexicon match covers it. */
export interface Segment {
  text: string;
  match: TermMatch | null;
}

export function getReviewItem(store: Store, articleId: number, pipeline: string): ReviewItem | null {
  const article = store.getArticle(articleId);
  if (!article) return null;
  const decisions = store.decisions(articleId);
  return { article, analysis: store.getAnalysis(articleId, pipeline), decisions, label: decisions.at(-1)?.label ?? null };
}

/**
 * Splits a field's text into plain and matched runs for highlighting. Counted matches win over uncounted
 * ones where they overlap; an overlapping later match is dropped rather than nested.
 */
export function segmentText(text: string, matches: readonly TermMatch[], field: TextField): Segment[] {
  const inField = matches
    .filter((m) => m.field === field && m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || Number(b.counted) - Number(a.counted) || b.end - a.end);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const m of inField) {
    if (m.start < cursor) continue;
    if (m.start > cursor) segments.push({ text: text.slice(cursor, m.start), match: null });
    segments.push({ text: text.slice(m.start, m.end), match: m });
    cursor = m.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: null });
  return segments;
}
