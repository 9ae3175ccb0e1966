export { queryTrend, bucketOf, markSpikes, SPIKE_BASELINE_BUCKETS, SPIKE_MIN_COUNT, SPIKE_SIGMAS, type TrendPoint, type TrendSeries } from './trends.js';
export { comparePeriods, shiftDays, type Comparison, type CompareQuery, type PeriodCounts } from './compare.js';
