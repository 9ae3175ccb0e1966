import { UsageError } from '../../errors.js';
import type { ReviewLabel } from '../../model/index.js';
import { getReviewItem } from '../../review/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderReviewItem, renderReviewQueue, renderReviewQueueCsv } from '../render/review.js';
import { renderCsv } from '../render/table.js';

export async function list(
  ctx: Context,
  options: { limit: number; all?: boolean; label?: ReviewLabel; pipeline: string; format: 'table' | 'csv' | 'json' },
): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const rows = store.reviewQueue({ pipeline: options.pipeline, limit: options.limit, includeReviewed: Boolean(options.all || options.label), label: options.label });
    if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else if (options.format === 'csv') ctx.io.stdout.write(renderReviewQueueCsv(rows));
    else ctx.io.stdout.write(renderReviewQueue(rows));
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export async function show(ctx: Context, id: number, options: { pipeline: string; json?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const item = getReviewItem(store, id, options.pipeline);
    if (!item) throw new UsageError(`no article with id ${id}; \`xenoscope review list\` shows the ids`);
    if (options.json) ctx.io.stdout.write(JSON.stringify(item, null, 2) + '\n');
    else ctx.io.stdout.write(renderReviewItem(item, ctx.style, ctx.style.highlight('x') === 'x'));
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export async function label(ctx: Context, id: number, decision: ReviewLabel, options: { note?: string; reviewer?: string }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    if (!store.getArticle(id)) throw new UsageError(`no article with id ${id}; \`xenoscope review list\` shows the ids`);
    store.recordDecision({
      articleId: id,
      label: decision,
      note: options.note ?? null,
      reviewer: options.reviewer ?? ctx.io.env.USER ?? null,
      decidedAt: ctx.io.clock.now().toISOString(),
    });
    ctx.logger.info(`article ${id} labelled ${decision}`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export async function exportDecisions(ctx: Context, options: { format: 'csv' | 'json' }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const rows = store.allDecisions();
    if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else
      ctx.io.stdout.write(
        renderCsv(
          ['article_id', 'label', 'decided_at', 'reviewer', 'note', 'source', 'title', 'url'],
          rows.map((r) => [r.articleId, r.label, r.decidedAt, r.reviewer, r.note, r.source, r.title, r.url]),
        ),
      );
    return EXIT.ok;
  } finally {
    store.close();
  }
}
