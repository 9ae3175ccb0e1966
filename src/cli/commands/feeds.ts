import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { renderTable } from '../render/table.js';

export default async function feedsList(ctx: Context, options: { json?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    store.syncFeeds(config.feeds, ctx.io.clock.now().toISOString());
    const configured = new Set(config.feeds.map((f) => f.url));
    const feeds = store.listFeeds().filter((f) => configured.has(f.url));
    if (options.json) {
      ctx.io.stdout.write(JSON.stringify(feeds, null, 2) + '\n');
      return EXIT.ok;
    }
    ctx.io.stdout.write(
      renderTable(
        ['feed', 'url', 'articles', 'last fetch', 'status', 'failures', 'last error'],
        feeds.map((f) => [sanitizeLine(f.name), sanitizeLine(f.url), f.articleCount, f.lastFetchedAt?.slice(0, 16) ?? 'never', f.lastStatus ?? '–', f.consecutiveFailures, sanitizeLine(f.lastError).slice(0, 60)]),
        { rightAlign: [false, false, true, false, false, true, false] },
      ),
    );
    return EXIT.ok;
  } finally {
    store.close();
  }
}
