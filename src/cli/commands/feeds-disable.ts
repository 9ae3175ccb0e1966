import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { sameFeedUrl } from './feeds-shared.js';

/** `feeds disable URL` / `feeds enable URL`: a disabled feed keeps its history but is not crawled. */
export async function disable(ctx: Context, url: string): Promise<number> {
  return setDisabled(ctx, url, true);
}

export async function enable(ctx: Context, url: string): Promise<number> {
  return setDisabled(ctx, url, false);
}

async function setDisabled(ctx: Context, url: string, disabled: boolean): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    store.syncFeeds(config.feeds, ctx.io.clock.now().toISOString());
    const feed = store.listFeeds().find((f) => sameFeedUrl(f.url, url));
    if (!feed) throw new UsageError(`no stored feed has the URL \`${url}\`; \`xenoscope feeds list --all\` shows them`);
    store.setFeedDisabled(feed.url, disabled);
    ctx.io.stdout.write(`${disabled ? 'disabled' : 'enabled'} ${sanitizeLine(feed.name)} ${sanitizeLine(feed.url)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
