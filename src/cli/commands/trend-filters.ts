import type { TrendCount, TrendQuery } from '../../store/index.js';

/** The filter flags `trends` and `compare` share. */
export interface TrendFilterOptions {
  category?: string;
  term?: string;
  entity?: string;
  source?: string;
  target?: string;
  count: TrendCount;
  allArticles?: boolean;
  pipeline: string;
}

/** The part of a trend query the shared flags decide. */
export function trendFilters(options: TrendFilterOptions): Omit<TrendQuery, 'by'> {
  return {
    pipeline: options.pipeline,
    category: options.category,
    term: options.term,
    entity: options.entity,
    source: options.source,
    target: options.target,
    count: options.count,
    flaggedOnly: !options.allArticles,
  };
}
