import { createFetcher, discoverFeeds, PAGE_ACCEPT, type DiscoveredFeed } from '../../crawl/index.js';
import { FetchError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderDiscovered } from '../render/feeds.js';
import { sanitizeLine } from '../render/sanitize.js';
import { feedUrlArgument } from './feeds-shared.js';

// Feed bodies start with one of these root elements (after an XML declaration, comments or a BOM).
const FEED_ROOT = /^(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/;
const FEED_CONTENT_TYPE = /(?:rss|atom|rdf)\+xml/i;

/**
 * `feeds discover URL`: fetches a page with the crawl's fetcher and settings and lists the feeds it announces or
 * links to. A URL that is itself a feed is listed as such.
 */
export default async function feedsDiscover(ctx: Context, url: string, options: { json?: boolean }): Promise<number> {
  const pageUrl = feedUrlArgument(url);
  const config = ctx.loadConfig();
  const fetcher = createFetcher(config.crawl);
  let response;
  try {
    response = await fetcher(pageUrl, { accept: PAGE_ACCEPT });
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    ctx.io.stderr.write(`xenoscope: cannot fetch ${sanitizeLine(pageUrl)}: ${error.code}: ${sanitizeLine(error.message)}\n`);
    return EXIT.partial;
  }
  const isFeed = FEED_CONTENT_TYPE.test(response.headers['content-type'] ?? '') || FEED_ROOT.test(response.text.slice(0, 2000));
  const feeds: DiscoveredFeed[] = isFeed
    ? [{ url: response.url, title: null, type: /<feed[\s>]/.test(response.text.slice(0, 2000)) ? 'atom' : /<rdf:RDF/.test(response.text.slice(0, 2000)) ? 'rdf' : 'rss', via: 'link' }]
    : discoverFeeds(response.text, response.url);
  if (options.json) {
    ctx.io.stdout.write(JSON.stringify({ page: response.url, isFeed, feeds }, null, 2) + '\n');
    return EXIT.ok;
  }
  if (isFeed) ctx.io.stderr.write(`${sanitizeLine(response.url)} is a feed itself\n`);
  if (feeds.length === 0) {
    ctx.io.stderr.write(`no feeds found on ${sanitizeLine(response.url)}\n`);
    return EXIT.ok;
  }
  ctx.io.stdout.write(renderDiscovered(feeds));
  return EXIT.ok;
}
