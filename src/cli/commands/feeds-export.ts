import { renderOpml } from '../../crawl/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** `feeds export`: the feeds a crawl uses (config.yaml and stored), as OPML 2.0 on stdout. */
export default async function feedsExport(ctx: Context, options: { title: string }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const now = ctx.io.clock.now();
    store.syncFeeds(config.feeds, now.toISOString());
    const feeds = store.activeFeeds(config.feeds);
    ctx.io.stdout.write(renderOpml(feeds, options.title, { dateCreated: now }));
    return EXIT.ok;
  } finally {
    store.close();
  }
}
