import Parser from 'rss-parser';
import { PermanentFetchError } from '../errors.js';
import type { FeedItem } from '../model/index.js';
import { normalizeUrl } from './url.js';

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
  /** Items dropped and why (no link, duplicate). */
  dropped: { reason: string; title: string | null }[];
}

type RawItem = Parser.Item & { 'dc:creator'?: string; 'dc:date'?: string; author?: string; id?: string; summary?: string };

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: ['dc:creator', 'dc:date', 'author', 'id', 'summary'] },
});

const TAGS = /<[^>]*>/g;
const SPACES = /\s+/g;

/**
 * Parses RSS 2.0, RSS 1.0 (RDF) or Atom text with rss-parser's `parseString`:
 * 1. Parse; a body that is not a feed is a permanent failure (not retried this run).
 * 2. Resolve each item's link against the feed URL and normalize it; drop items without a usable link.
 * 3. Drop repeated links and GUIDs within the feed; strip HTML from titles; dates to ISO 8601 UTC.
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  let feed: Parser.Output<RawItem>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    throw new PermanentFetchError('NOT_A_FEED', feedUrl, `not a feed: ${firstLine((error as Error).message)}`, null, { cause: error });
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
  return { title: cleanText(feed.title), items, dropped };
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
