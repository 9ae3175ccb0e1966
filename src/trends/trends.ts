import type { Store, TrendBucket, TrendQuery } from '../store/index.js';

export interface TrendPoint {
  bucket: string;
  count: number;
  /** All articles from the same sources in the bucket. */
  total: number;
  /** count / total, or null when the bucket has no articles at all. */
  share: number | null;
  versions: string[];
  /**
   * Set when the value (count, or share when normalized) stands out against the trailing baseline:
   * the mean of the previous `baselineBuckets` buckets plus `SPIKE_SIGMAS` standard deviations, and at
   * least `SPIKE_MIN_COUNT` articles. Null while there is not enough history.
   */
  spike: { baseline: number; ratio: number | null } | null;
}

/** Buckets of history a spike is measured against. */
export const SPIKE_BASELINE_BUCKETS = 4;
/** How far above the trailing mean, in standard deviations, a spike stands. */
export const SPIKE_SIGMAS = 2;
/** A spike needs at least this many articles, so 0 → 1 is not news. */
export const SPIKE_MIN_COUNT = 3;

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
      points.push({ bucket, count, total, share: total > 0 ? count / total : null, versions: row?.versions ?? [], spike: null });
    }
  }
  markSpikes(points, normalized);
  return { query, normalized, points };
}

/**
 * Marks buckets whose value rises above the trailing baseline (DOMAIN.md: spikes against a trailing
 * baseline). A flat history has no spread, so the spread is floored at one article (or one article's share).
 */
export function markSpikes(points: TrendPoint[], normalized: boolean, baselineBuckets = SPIKE_BASELINE_BUCKETS): void {
  const value = (p: TrendPoint) => (normalized ? (p.share ?? 0) : p.count);
  for (let i = baselineBuckets; i < points.length; i++) {
    const point = points[i]!;
    const history = points.slice(i - baselineBuckets, i).map(value);
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / history.length);
    const floor = normalized ? (point.total > 0 ? 1 / point.total : 0) : 1;
    const threshold = mean + SPIKE_SIGMAS * Math.max(sd, floor);
    if (point.count >= SPIKE_MIN_COUNT && value(point) > threshold) {
      point.spike = { baseline: mean, ratio: mean > 0 ? value(point) / mean : null };
    }
  }
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
