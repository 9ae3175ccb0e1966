import { loadPipeline } from '../../config/index.js';
import { comparePeriods } from '../../trends/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderComparisonCsv, renderComparisonTable } from '../render/trend.js';
import { trendFilters, type TrendFilterOptions } from './trend-filters.js';

interface CompareOptions extends TrendFilterOptions {
  event: string;
  days: number;
  format: 'table' | 'csv' | 'json';
}

/** `xenoscope compare --event 2024-03-22 --days 28`: flagged coverage before and after an event. */
export default async function compare(ctx: Context, options: CompareOptions): Promise<number> {
  const config = ctx.loadConfig();
  const categories = loadPipeline(options.pipeline).categories.map((c) => c.id);
  const store = ctx.openStore(config);
  try {
    const result = comparePeriods(
      store,
      trendFilters(options),
      options.event,
      options.days,
      options.category ? [] : categories,
    );
    if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else if (options.format === 'csv') ctx.io.stdout.write(renderComparisonCsv(result));
    else ctx.io.stdout.write(renderComparisonTable(result, options.count));
    return EXIT.ok;
  } finally {
    store.close();
  }
}
