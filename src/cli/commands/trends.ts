import { UsageError } from '../../errors.js';
import { queryTrend } from '../../trends/index.js';
import type { TrendBucket, TrendCount } from '../../store/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderTrendCsv, renderTrendJson, renderTrendTable } from '../render/trend.js';

interface TrendOptions {
  category?: string;
  term?: string;
  entity?: string;
  source?: string;
  target?: string;
  by: TrendBucket;
  since?: string;
  until?: string;
  normalize?: boolean;
  allArticles?: boolean;
  count: TrendCount;
  pipeline: string;
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
      {
        pipeline: options.pipeline,
        by: options.by,
        since: options.since,
        until: options.until,
        category: options.category,
        term: options.term,
        entity: options.entity,
        source: options.source,
        target: options.target,
        pipelineVersion: options.pipelineVersion,
        flaggedOnly: !options.allArticles,
        count: options.count,
      },
      Boolean(options.normalize),
    );
    const out = options.format === 'json' ? renderTrendJson(series) : options.format === 'csv' ? renderTrendCsv(series) : renderTrendTable(series);
    ctx.io.stdout.write(out);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
