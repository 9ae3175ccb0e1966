import type { StoryArticle, StoryRow } from '../../store/index.js';
import { sanitizeLine } from './sanitize.js';
import { renderCsv, renderTable } from './table.js';

const TITLE_WIDTH = 60;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');
const clip = (text: string | null, width = TITLE_WIDTH) => {
  const clean = sanitizeLine(text ?? '(no title)');
  return [...clean].length > width ? `${[...clean].slice(0, width - 1).join('')}…` : clean;
};

/** `stories list` as a table: one row per story. */
export function renderStoryList(rows: readonly StoryRow[]): string {
  if (rows.length === 0) return 'no stories with several articles in this period\n';
  return renderTable(
    ['story', 'articles', 'first', 'last', 'outlets', 'title'],
    rows.map((r) => [r.storyId, r.size, day(r.firstAt), day(r.lastAt), r.outlets.map((o) => sanitizeLine(o)).join(', '), clip(r.title)]),
    { rightAlign: [true, true, false, false, false, false] },
  );
}

export function renderStoryListCsv(rows: readonly StoryRow[]): string {
  return renderCsv(
    ['story_id', 'articles', 'first_at', 'last_at', 'outlets', 'title'],
    rows.map((r) => [r.storyId, r.size, r.firstAt, r.lastAt, r.outlets.join('; '), r.title]),
  );
}

/** `stories show`: the story's articles, oldest first, with their distance in bits from the first one. */
export function renderStory(storyId: number, articles: readonly StoryArticle[]): string {
  const outlets = new Set(articles.map((a) => a.source)).size;
  const head = `story ${storyId}: ${articles.length} article${articles.length === 1 ? '' : 's'} from ${outlets} outlet${outlets === 1 ? '' : 's'}\n`;
  return (
    head +
    renderTable(
      ['id', 'date', 'outlet', 'bits', 'title', 'url'],
      articles.map((a) => [a.id, day(a.publishedAt), sanitizeLine(a.source), a.distance === null ? '–' : a.distance, clip(a.title, 50), sanitizeLine(a.url)]),
      { rightAlign: [true, false, false, true, false, false] },
    )
  );
}
