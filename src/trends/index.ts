export { queryTrend, bucketOf, type TrendPoint, type TrendSeries } from './trends.js';
