import type { Store, TrendQuery } from '../store/index.js';

export interface PeriodCounts {
  /** Inclusive start and exclusive end, YYYY-MM-DD. */
  since: string;
  until: string;
  count: number;
  total: number;
  share: number | null;
}

export interface Comparison {
  event: string;
  days: number;
  before: PeriodCounts;
  after: PeriodCounts;
  /** after / before of the counts, and of the shares (null when `before` is zero). */
  countRatio: number | null;
  shareRatio: number | null;
  /** The same comparison per category, largest rise first. */
  byCategory: { category: string; before: number; after: number; ratio: number | null }[];
}

export type CompareQuery = Omit<TrendQuery, 'by' | 'since' | 'until'>;

/**
 * Before and after an event (DOMAIN.md: before/after comparisons around 2024-03-22):
 * 1. Two windows of `days` days: [event − days, event) and [event, event + days).
 * 2. In each, the matching articles (or stories) and all articles from the same sources, so a rise in
 *    coverage volume is not read as a rise in xenophobia.
 * 3. The same per category, for the categories the store has seen.
 */
export function comparePeriods(store: Store, query: CompareQuery, event: string, days: number, categories: readonly string[]): Comparison {
  const before = { since: shiftDays(event, -days), until: event };
  const after = { since: event, until: shiftDays(event, days) };
  const sum = (q: TrendQuery) => store.trend(q).reduce((acc, r) => ({ count: acc.count + r.count, total: acc.total + r.total }), { count: 0, total: 0 });
  const period = (range: { since: string; until: string }, extra: Partial<TrendQuery> = {}): PeriodCounts => {
    const { count, total } = sum({ ...query, ...extra, by: 'month', since: range.since, until: range.until });
    return { ...range, count, total, share: total > 0 ? count / total : null };
  };
  const b = period(before);
  const a = period(after);
  const byCategory = categories
    .map((category) => {
      const cb = period(before, { category }).count;
      const ca = period(after, { category }).count;
      return { category, before: cb, after: ca, ratio: cb > 0 ? ca / cb : null };
    })
    .filter((c) => c.before > 0 || c.after > 0)
    .sort((x, y) => y.after - y.before - (x.after - x.before) || x.category.localeCompare(y.category));
  return {
    event,
    days,
    before: b,
    after: a,
    countRatio: b.count > 0 ? a.count / b.count : null,
    shareRatio: b.share && a.share !== null ? a.share / b.share : null,
    byCategory,
  };
}

export function shiftDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
