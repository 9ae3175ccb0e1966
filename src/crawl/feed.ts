import Parser from 'rss-parser';
import { PermanentFetchError } from '../errors.js';
import type { FeedItem } from '../model/index.js';
import { normalizeUrl } from './url.js';

/** What a feed says about how often to poll it. */
export interface FeedHints {
  /** RSS 2.0 `<ttl>`, in minutes. */
  ttlMins: number | null;
  /** `sy:updatePeriod` / `sy:updateFrequency` as an interval in seconds. */
  updateIntervalSecs: number | null;
}

export interface ParsedFeed {
  title: string | null;
  hints: FeedHints;
  items: FeedItem[];
  /** Items dropped and why (no link, duplicate). */
  dropped: { reason: string; title: string | null }[];
}

type RawItem = Parser.Item & { 'dc:creator'?: string; 'dc:date'?: string; author?: string; id?: string; summary?: string };

type RawFeed = { ttl?: string; 'sy:updatePeriod'?: string; 'sy:updateFrequency'?: string };

// defaultRSS: an `<rss>` element without a version attribute is read as RSS 2.0, as real feeds mean it.
const parser = new Parser<RawFeed, RawItem>({
  defaultRSS: 2,
  customFields: { feed: ['ttl', 'sy:updatePeriod', 'sy:updateFrequency'], item: ['dc:creator', 'dc:date', 'author', 'id', 'summary'] },
});

// An `&` that starts no entity reference: invalid XML, but common in hand-made feeds ("Q&A", URLs with `&`).
const BARE_AMPERSAND = /&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g;
const PERIOD_SECS: Record<string, number> = { hourly: 3600, daily: 86_400, weekly: 604_800, monthly: 2_592_000, yearly: 31_536_000 };

const TAGS = /<[^>]*>/g;
const SPACES = /\s+/g;

/**
 * Parses RSS 2.0, RSS 1.0 (RDF) or Atom text with rss-parser's `parseString`:
 * 1. Parse strictly; on failure, escape bare `&` and try once more; a body that is still not a feed is a
 *    permanent failure (not retried this run). The XML parser never expands DTD entities or fetches
 *    external ones, so entity bombs and XXE fail as "not a feed" instead of expanding.
 * 2. Resolve each item's link against the feed URL and normalize it; drop items without a usable link.
 * 3. Drop repeated links and GUIDs within the feed; strip HTML from titles; dates to ISO 8601 UTC.
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  let feed: Parser.Output<RawItem> & RawFeed;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    const repaired = xml.replace(BARE_AMPERSAND, '&amp;');
    if (repaired === xml) throw notAFeed(feedUrl, error);
    try {
      feed = await parser.parseString(repaired);
    } catch {
      throw notAFeed(feedUrl, error);
    }
  }
  if (!Array.isArray(feed.items)) {
    throw new PermanentFetchError('NOT_A_FEED', feedUrl, 'not a feed: no RSS, RDF or Atom items found');
  }
  const items: FeedItem[] = [];
  const dropped: ParsedFeed['dropped'] = [];
  const seenUrls = new Set<string>();
  const seenGuids = new Set<string>();
  for (const raw of feed.items) {
    const title = cleanText(raw.title);
    const link = raw.link ?? (typeof raw.guid === 'string' && /^https?:/i.test(raw.guid) ? raw.guid : undefined);
    const url = link ? normalizeUrl(link, feedUrl) : null;
    if (!url) {
      dropped.push({ reason: 'no usable link', title });
      continue;
    }
    const guid = raw.guid ?? raw.id ?? null;
    if (seenUrls.has(url) || (guid && seenGuids.has(guid))) {
      dropped.push({ reason: 'repeated link or GUID', title });
      continue;
    }
    seenUrls.add(url);
    if (guid) seenGuids.add(guid);
    items.push({
      url,
      guid,
      title,
      published: toIsoDate(raw.isoDate ?? raw.pubDate ?? raw['dc:date']),
      author: cleanText(raw.creator ?? raw['dc:creator'] ?? raw.author),
      summary: cleanText(raw.contentSnippet ?? raw.summary ?? raw.content),
    });
  }
  return { title: cleanText(feed.title), hints: readHints(feed), items, dropped };
}

function notAFeed(feedUrl: string, error: unknown): PermanentFetchError {
  return new PermanentFetchError('NOT_A_FEED', feedUrl, `not a feed: ${firstLine((error as Error).message)}`, null, { cause: error });
}

function readHints(feed: RawFeed): FeedHints {
  const ttl = Number(feed.ttl);
  const period = typeof feed['sy:updatePeriod'] === 'string' ? PERIOD_SECS[feed['sy:updatePeriod'].trim().toLowerCase()] : undefined;
  const frequency = Number(feed['sy:updateFrequency'] ?? 1);
  return {
    ttlMins: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    updateIntervalSecs: period && Number.isFinite(frequency) && frequency > 0 ? Math.round(period / frequency) : null,
  };
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(TAGS, ' ').replace(SPACES, ' ').trim();
  return text || null;
}

function toIsoDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
