import * as cheerio from 'cheerio';
import { normalizeUrl } from './url.js';

/**
 * Feed discovery on an outlet's page. Pure: HTML and its URL in, candidate feeds out; the caller fetches.
 */

export type DiscoveredFeedType = 'rss' | 'atom' | 'rdf' | 'unknown';

export interface DiscoveredFeed {
  url: string;
  /** The link's title or the anchor's text, when it has one. */
  title: string | null;
  type: DiscoveredFeedType;
  /** `link`: announced in `<head>` (reliable); `anchor`: a link in the page that looks like a feed (a guess). */
  via: 'link' | 'anchor';
}

/** MIME types of `<link rel="alternate">` that announce a feed. */
const LINK_TYPES: Record<string, DiscoveredFeedType> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
};

/**
 * Paths that usually serve a feed: a last segment `rss`, `feed`, `feeds`, `atom` or `rdf` (with or without
 * `.xml`), or any file ending in `.rss`, `.atom`, `.rdf`, or `.xml` with a feed word in the path. A bare `.xml`
 * (sitemaps) is not enough.
 */
const FEED_SEGMENT = /\/(?:rss|feed|feeds|atom|rdf|rss2)(?:\.xml)?\/?$/i;
const FEED_EXTENSION = /\.(?:rss|atom|rdf)$/i;
const XML_WITH_FEED_WORD = /(?:rss|feed|atom|rdf)[^/]*\.xml$|\/(?:rss|feeds?|atom)\/[^/]+\.xml$/i;
const FEED_QUERY = /[?&](?:format|feed|output|type)=(?:rss2?|atom|feed)(?:&|$)/i;
const WHITESPACE = /\s+/g;

/**
 * Finds the feeds a page announces or links to:
 * 1. `<link rel="alternate">` with an RSS, Atom or RDF type, in document order (the page's own word).
 * 2. `<a href>` whose path looks like a feed (`/rss`, `/feed/`, `/atom.xml`, `news.rss`, `?format=rss`), a guess
 *    typed from the path.
 * 3. URLs resolved against `<base href>` and the page URL, normalized, http(s) only, each listed once.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const $ = cheerio.load(html);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && normalizeUrl(baseHref, pageUrl)) || pageUrl;
  const found = new Map<string, DiscoveredFeed>();
  const add = (href: string | undefined, candidate: Omit<DiscoveredFeed, 'url'>) => {
    if (!href) return;
    const url = normalizeUrl(href, base);
    if (url && !found.has(url)) found.set(url, { url, ...candidate });
  };

  $('link[href]').each((_, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(WHITESPACE);
    if (!rel.includes('alternate')) return;
    const type = LINK_TYPES[($(el).attr('type') ?? '').trim().toLowerCase()];
    if (!type) return;
    add($(el).attr('href'), { title: clean($(el).attr('title')), type, via: 'link' });
  });

  $('a[href]').each((_, el) => {
    const href = $(el).attr('href')!;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (!looksLikeFeed(url)) return;
    add(href, { title: clean($(el).text()) ?? clean($(el).attr('title')), type: typeFromPath(url), via: 'anchor' });
  });
  return [...found.values()];
}

function looksLikeFeed(url: URL): boolean {
  const path = url.pathname;
  return FEED_SEGMENT.test(path) || FEED_EXTENSION.test(path) || XML_WITH_FEED_WORD.test(path) || FEED_QUERY.test(url.search);
}

function typeFromPath(url: URL): DiscoveredFeedType {
  const text = `${url.pathname}${url.search}`.toLowerCase();
  if (text.includes('atom')) return 'atom';
  if (text.includes('rdf')) return 'rdf';
  if (text.includes('rss')) return 'rss';
  return 'unknown';
}

function clean(text: string | undefined): string | null {
  const value = (text ?? '').replace(WHITESPACE, ' ').trim();
  return value || null;
}
