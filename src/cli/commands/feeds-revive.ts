import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { sameFeedUrl } from './feeds-shared.js';

/** `feeds revive URL | --all`: failures reset and due at the next crawl, for a feed that was fixed at its end. */
export default async function feedsRevive(ctx: Context, url: string | undefined, options: { all?: boolean }): Promise<number> {
  if (url === undefined && !options.all) throw new UsageError('feeds revive: name a feed URL or pass --all');
  if (url !== undefined && options.all) throw new UsageError('feeds revive: name a feed URL or pass --all, not both');
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    store.syncFeeds(config.feeds, ctx.io.clock.now().toISOString());
    if (url === undefined) {
      const count = store.reviveFeed({ all: true });
      ctx.io.stdout.write(`revived ${count} failing feed${count === 1 ? '' : 's'}\n`);
      return EXIT.ok;
    }
    const feed = store.listFeeds().find((f) => sameFeedUrl(f.url, url));
    if (!feed) throw new UsageError(`no stored feed has the URL \`${url}\`; \`xenoscope feeds list --all\` shows them`);
    store.reviveFeed({ url: feed.url });
    ctx.io.stdout.write(`revived ${sanitizeLine(feed.name)} ${sanitizeLine(feed.url)} (had ${feed.consecutiveFailures} failure${feed.consecutiveFailures === 1 ? '' : 's'} in a row)\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
