import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { sameFeedUrl } from './feeds-shared.js';

/**
 * `feeds remove URL`: forgets a feed added with `feeds add` or `feeds import`. Its articles stay, with their
 * analyses and review decisions. A feed of config.yaml is removed there.
 */
export default async function feedsRemove(ctx: Context, url: string): Promise<number> {
  const config = ctx.loadConfig();
  const inConfig = config.feeds.find((f) => sameFeedUrl(f.url, url));
  if (inConfig) {
    throw new UsageError(`cannot remove ${url}: it is listed in ${config.file ?? 'the config'} as ${inConfig.name}; remove it there`);
  }
  const store = ctx.openStore(config);
  try {
    const stored = store.listFeeds().find((f) => sameFeedUrl(f.url, url));
    const removed = stored ? store.removeFeed(stored.url) : null;
    if (!removed) throw new UsageError(`no stored feed has the URL \`${url}\`; \`xenoscope feeds list --all\` shows them`);
    const kept = removed.articlesKept;
    ctx.io.stdout.write(`removed ${sanitizeLine(removed.feed.name)} ${sanitizeLine(removed.feed.url)}; its ${kept} article${kept === 1 ? '' : 's'} stay in the database\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
