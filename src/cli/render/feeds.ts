import type { DiscoveredFeed } from '../../crawl/index.js';
import { formatSecs } from '../../crawl/index.js';
import type { FeedHealthRow, FeedRecord, FeedStatus } from '../../store/index.js';
import { sanitizeLine } from './sanitize.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

/** `2024-05-20T11:00:00.000Z` → `2024-05-20 11:00` (UTC); null → `never`. */
function minute(iso: string | null): string {
  return iso === null ? 'never' : iso.slice(0, 16).replace('T', ' ');
}

/** Every stored feed with where it came from, its fetch state and its schedule. */
export function renderFeedList(feeds: readonly FeedRecord[]): string {
  return renderTable(
    ['feed', 'source', 'url', 'articles', 'last fetch', 'status', 'failures', 'next due', 'every', 'last error'],
    feeds.map((f) => [
      sanitizeLine(f.name),
      f.disabled ? `${f.source}, disabled` : f.source,
      sanitizeLine(f.url),
      f.articleCount,
      minute(f.lastFetchedAt),
      f.lastStatus ?? '–',
      f.consecutiveFailures,
      f.nextDueAt === null ? 'now' : minute(f.nextDueAt),
      f.intervalSecs === null ? '–' : formatSecs(f.intervalSecs),
      sanitizeLine(f.lastError).slice(0, 60),
    ]),
    { rightAlign: [false, false, false, true, false, false, true, false, true, false] },
  );
}

const STATUS_ORDER: Record<FeedStatus, number> = { dead: 0, failing: 1, retrying: 2, new: 3, ok: 4, disabled: 5 };

/** The health table: worst first, then by name, and a closing line that counts failing feeds and states the rule. */
export function renderFeedHealth(rows: readonly FeedHealthRow[], style: Style, rule: { failingAfterHours: number }): string {
  const colour = (status: FeedStatus) =>
    status === 'dead' || status === 'failing' ? style.red(status) : status === 'retrying' || status === 'new' ? style.yellow(status) : status === 'disabled' ? style.dim(status) : style.green(status);
  const sorted = [...rows].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name));
  const table = renderTable(
    ['feed', 'status', 'last success', 'last new item', 'failures', 'items/day 7d', '30d', 'duplicates', 'next due', 'last error'],
    sorted.map((r) => [
      sanitizeLine(r.name),
      colour(r.status),
      minute(r.lastSuccessAt),
      minute(r.lastNewItemAt),
      r.consecutiveFailures,
      r.itemsPerDay7.toFixed(1),
      r.itemsPerDay30.toFixed(1),
      r.duplicateShare === null ? '–' : `${Math.round(r.duplicateShare * 100)}%`,
      r.status === 'disabled' ? '–' : r.nextDueAt === null ? 'now' : minute(r.nextDueAt),
      r.consecutiveFailures > 0 ? sanitizeLine(r.lastError).slice(0, 60) : '',
    ]),
    { rightAlign: [false, false, false, false, true, true, true, true, false, false] },
  );
  const failing = rows.filter((r) => r.isFailing).length;
  const summary =
    failing === 0
      ? `${rows.length} feed${rows.length === 1 ? '' : 's'}, none failing`
      : `${failing} of ${rows.length} feeds failing (failed at least once in a row, no success for ${rule.failingAfterHours} h or ever)`;
  return `${table}\n${summary}\n`;
}

/** Candidate feeds found on a page: announced ones first. */
export function renderDiscovered(feeds: readonly DiscoveredFeed[]): string {
  return renderTable(
    ['url', 'type', 'found in', 'title'],
    feeds.map((f) => [sanitizeLine(f.url), f.type, f.via === 'link' ? '<link>' : 'page link', sanitizeLine(f.title)]),
  );
}
