import { storyFingerprint } from '../../analyze/index.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderStory, renderStoryList, renderStoryListCsv } from '../render/story.js';

const BATCH = 200;

/** `stories list`: stories with several articles, newest first. */
export async function list(ctx: Context, options: { since?: string; until?: string; minSize: number; limit: number; format: 'table' | 'csv' | 'json' }): Promise<number> {
  if (options.since && options.until && options.since >= options.until) {
    throw new UsageError(`--since (${options.since}) must be before --until (${options.until})`);
  }
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const rows = store.listStories({ since: options.since, until: options.until, minSize: options.minSize, limit: options.limit });
    if (options.format === 'json') ctx.io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else if (options.format === 'csv') ctx.io.stdout.write(renderStoryListCsv(rows));
    else ctx.io.stdout.write(renderStoryList(rows));
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/** `stories show ID`: the articles of one story. */
export async function show(ctx: Context, id: number, options: { json?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const articles = store.storyArticles(id);
    if (articles.length === 0) {
      const article = store.getArticle(id);
      throw new UsageError(
        article ? `article ${id} belongs to story ${article.storyId}; run \`xenoscope stories show ${article.storyId}\`` : `no story with id ${id}; \`xenoscope stories list\` shows the ids`,
      );
    }
    if (options.json) ctx.io.stdout.write(JSON.stringify({ storyId: id, articles }, null, 2) + '\n');
    else ctx.io.stdout.write(renderStory(id, articles));
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/**
 * `stories rebuild`:
 * 1. Fingerprint every stored article again from its stored title and text, in batches.
 * 2. Regroup all stories in storage order (`reassignStories`).
 */
export async function rebuild(ctx: Context, options: { json?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    let fingerprinted = 0;
    let lastId = 0;
    for (let ids = store.articleIds(0, BATCH); ids.length > 0; ids = store.articleIds(lastId, BATCH)) {
      const batch: { id: number; simhash: string | null }[] = [];
      for (const id of ids) {
        const article = store.getArticle(id);
        if (article) batch.push({ id, simhash: storyFingerprint(article.title, article.text) });
        lastId = id;
      }
      fingerprinted += store.setSimhashes(batch);
      ctx.logger.info(`fingerprinted ${fingerprinted} articles`);
    }
    const summary = store.reassignStories();
    if (options.json) ctx.io.stdout.write(JSON.stringify(summary) + '\n');
    else ctx.io.stderr.write(`${summary.articles} articles in ${summary.stories} stories; ${summary.multiArticle} with more than one article\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
