import type { Store, TrendBucket, TrendQuery } from '../store/index.js';

export interface TrendPoint {
  bucket: string;
  count: number;
  /** All articles from the same sources in the bucket. */
  total: number;
  /** count / total, or null when the bucket has no articles at all. */
  share: number | null;
  versions: string[];
}

export interface TrendSeries {
  query: TrendQuery;
  normalized: boolean;
  points: TrendPoint[];
}

/**
 * Counts per bucket:
 * 1. Ask the store for counts and same-source totals per bucket.
 * 2. Fill empty buckets between the first and last (or `since`/`until`), so a quiet week shows as 0, not as a gap.
 * 3. Add the share of all coverage, for `--normalize`.
 */
export function queryTrend(store: Store, query: TrendQuery, normalized: boolean): TrendSeries {
  const rows = store.trend(query);
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const first = query.since ? bucketOf(query.since, query.by) : rows[0]?.bucket;
  const last = query.until ? bucketOf(previousDay(query.until), query.by) : rows[rows.length - 1]?.bucket;
  const points: TrendPoint[] = [];
  if (first && last) {
    for (let bucket = first; bucket <= last; bucket = nextBucket(bucket, query.by)) {
      const row = byBucket.get(bucket);
      const count = row?.count ?? 0;
      const total = row?.total ?? 0;
      points.push({ bucket, count, total, share: total > 0 ? count / total : null, versions: row?.versions ?? [] });
    }
  }
  return { query, normalized, points };
}

/** The bucket (day, Monday of the week, first of the month) an ISO date falls in. */
export function bucketOf(isoDate: string, by: TrendBucket): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (by === 'month') return `${isoDate.slice(0, 7)}-01`;
  if (by === 'week') {
    const offset = (date.getUTCDay() + 6) % 7;
    date.setUTCDate(date.getUTCDate() - offset);
  }
  return date.toISOString().slice(0, 10);
}

function nextBucket(bucket: string, by: TrendBucket): string {
  const date = new Date(`${bucket}T00:00:00Z`);
  if (by === 'day') date.setUTCDate(date.getUTCDate() + 1);
  else if (by === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

function previousDay(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
