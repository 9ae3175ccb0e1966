import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderFeedHealth } from '../render/feeds.js';
import { feedScheduleSettings } from './feeds-shared.js';

/**
 * `feeds health`: per feed, status, last success, last new item, failures in a row, items per day, duplicate
 * share and next due time. Exits 3 when any feed is failing, so a monitoring check can call it.
 */
export default async function feedsHealth(ctx: Context, options: { json?: boolean; failingAfter: number }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const now = ctx.io.clock.now().toISOString();
    store.syncFeeds(config.feeds, now);
    const rule = { failingAfterHours: options.failingAfter, deadAfterDays: feedScheduleSettings(config).deadAfterDays };
    const rows = store.feedHealth(now, { configFeeds: config.feeds, ...rule });
    const failing = rows.filter((r) => r.isFailing).length;
    if (options.json) {
      ctx.io.stdout.write(JSON.stringify({ checkedAt: now, rule, failing, feeds: rows }, null, 2) + '\n');
    } else {
      ctx.io.stdout.write(renderFeedHealth(rows, ctx.style, rule));
    }
    return failing > 0 ? EXIT.partial : EXIT.ok;
  } finally {
    store.close();
  }
}
