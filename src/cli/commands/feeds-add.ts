import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { sanitizeLine } from '../render/sanitize.js';
import { feedUrlArgument, sameFeedUrl } from './feeds-shared.js';

const COUNTRY = /^[A-Za-z]{2,3}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})?$/;

export interface FeedsAddOptions {
  name: string;
  country?: string;
  language?: string;
  tags?: string;
}

/** `feeds add URL --name NAME`: stores a feed beside those of config.yaml; the next crawl fetches it. */
export default async function feedsAdd(ctx: Context, url: string, options: FeedsAddOptions): Promise<number> {
  const feedUrl = feedUrlArgument(url);
  const name = options.name.trim();
  if (!name) throw new UsageError('--name: expected the outlet name, received an empty string');
  if (options.country !== undefined && !COUNTRY.test(options.country)) throw new UsageError(`--country: expected an ISO 3166 code such as RU or KZ, received \`${options.country}\``);
  if (options.language !== undefined && !LANGUAGE.test(options.language)) throw new UsageError(`--language: expected a BCP 47 tag such as en or ru, received \`${options.language}\``);
  const tags = (options.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const config = ctx.loadConfig();
  const inConfig = config.feeds.find((f) => sameFeedUrl(f.url, feedUrl));
  if (inConfig) {
    ctx.io.stderr.write(`xenoscope: ${sanitizeLine(feedUrl)} is already in ${config.file ?? 'the config'} as ${sanitizeLine(inConfig.name)}; nothing to add\n`);
    return EXIT.ok;
  }
  const store = ctx.openStore(config);
  try {
    const now = ctx.io.clock.now().toISOString();
    store.syncFeeds(config.feeds, now);
    const result = store.addFeed({ url: feedUrl, name, country: options.country?.toUpperCase(), language: options.language?.toLowerCase(), tags, source: 'cli' }, now);
    if (result.kind === 'name_taken') {
      throw new UsageError(`--name: expected a name no other feed uses, received \`${name}\`, already the name of ${result.feed.url}; pick another name (outlet names are unique)`);
    }
    if (result.kind === 'exists') {
      ctx.io.stderr.write(`xenoscope: ${sanitizeLine(feedUrl)} is already stored as ${sanitizeLine(result.feed.name)} (${result.feed.source}); nothing to add\n`);
      return EXIT.ok;
    }
    ctx.io.stdout.write(`added ${sanitizeLine(result.feed.name)} ${sanitizeLine(result.feed.url)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
