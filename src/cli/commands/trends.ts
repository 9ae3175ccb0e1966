import { UsageError } from '../../errors.js';
import { queryTrend } from '../../trends/index.js';
import type { TrendBucket } from '../../store/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderTrendCsv, renderTrendJson, renderTrendTable } from '../render/trend.js';
import { trendFilters, type TrendFilterOptions } from './trend-filters.js';

interface TrendOptions extends TrendFilterOptions {
  by: TrendBucket;
  since?: string;
  until?: string;
  normalize?: boolean;
  pipelineVersion?: string;
  format: 'table' | 'csv' | 'json';
}

export default async function trends(ctx: Context, options: TrendOptions): Promise<number> {
  if (options.since && options.until && options.since >= options.until) {
    throw new UsageError(`--since (${options.since}) must be before --until (${options.until})`);
  }
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const series = queryTrend(
      store,
      { ...trendFilters(options), by: options.by, since: options.since, until: options.until, pipelineVersion: options.pipelineVersion },
      Boolean(options.normalize),
    );
    const out = options.format === 'json' ? renderTrendJson(series) : options.format === 'csv' ? renderTrendCsv(series) : renderTrendTable(series);
    ctx.io.stdout.write(out);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
