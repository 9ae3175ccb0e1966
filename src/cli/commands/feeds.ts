import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderFeedList } from '../render/feeds.js';

/**
 * `feeds list`: the feeds a crawl uses (config.yaml and those added with `feeds add` or `feeds import`), with
 * their fetch state and schedule; `--all` adds disabled feeds and feeds no longer in config.yaml.
 */
export default async function feedsList(ctx: Context, options: { json?: boolean; all?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    store.syncFeeds(config.feeds, ctx.io.clock.now().toISOString());
    const feeds = options.all ? store.listFeeds() : store.activeFeeds(config.feeds);
    if (options.json) {
      ctx.io.stdout.write(JSON.stringify(feeds, null, 2) + '\n');
      return EXIT.ok;
    }
    ctx.io.stdout.write(renderFeedList(feeds));
    return EXIT.ok;
  } finally {
    store.close();
  }
}
