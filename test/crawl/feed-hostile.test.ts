import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeed, type ParsedFeed } from '../../src/crawl/index.js';
import { PermanentFetchError } from '../../src/errors.js';

const FEED_URL = 'https://news.example/rss.xml';

/** Every string a parsed feed carries, flattened, to search for leaked or expanded content. */
function allText(feed: ParsedFeed): string {
  return JSON.stringify(feed);
}

/** Parses, returning either the feed or the permanent error, so a test can accept both clean outcomes. */
async function outcome(xml: string): Promise<{ feed: ParsedFeed } | { error: PermanentFetchError }> {
  try {
    return { feed: await parseFeed(xml, FEED_URL) };
  } catch (error) {
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as PermanentFetchError).code).toBe('NOT_A_FEED');
    return { error: error as PermanentFetchError };
  }
}

function rss(items: string, doctype = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>${doctype}<rss version="2.0"><channel><title>Steppe Herald</title><link>https://news.example/</link>${items}</channel></rss>`;
}

describe('parseFeed against hostile or broken feeds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xenoscope-xxe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an HTML page served as a feed with NOT_A_FEED', async () => {
    const html = '<!doctype html><html><head><title>Steppe Herald</title></head><body><h1>Latest news</h1><p>Courts ordered new deportations this week.</p></body></html>';
    const result = await outcome(html);
    expect('error' in result).toBe(true);
  });

  it('does not expand a nested-entity bomb ("billion laughs")', async () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = rss('<item><title>&lol9;</title><link>https://news.example/a</link></item>', `<!DOCTYPE rss [${levels.join('')}]>`);
    const result = await outcome(xml);
    // Expanded, the title would be 3 × 10⁹ characters; either outcome must stay small.
    if ('feed' in result) expect(allText(result.feed).length).toBeLessThan(10_000);
    else expect(result.error.message.length).toBeLessThan(10_000);
  });

  it('does not resolve an external entity (XXE) pointing at a local file', async () => {
    const secret = join(dir, 'secret.txt');
    const marker = 'marker-5c1f0e-not-for-feeds';
    writeFileSync(secret, marker);
    for (const target of [pathToFileURL(secret).href, 'file:///etc/passwd']) {
      const xml = rss('<item><title>Raids &xxe; reported</title><link>https://news.example/b</link><description>&xxe;</description></item>', `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${target}">]>`);
      const result = await outcome(xml);
      const text = 'feed' in result ? allText(result.feed) : result.error.message;
      expect(text).not.toContain(marker);
      expect(text).not.toContain('root:');
    }
  });

  it('still yields the items of a feed with an unescaped ampersand in a title', async () => {
    const xml = rss(
      [
        '<item><title>Q&A: what the new migration rules mean for Tajik workers</title><link>https://news.example/qa</link></item>',
        '<item><title>Taxi drivers & passengers</title><link>https://news.example/taxi?id=4&amp;page=2</link></item>',
      ].join(''),
    );
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items.map((item) => item.title)).toEqual(['Q&A: what the new migration rules mean for Tajik workers', 'Taxi drivers & passengers']);
    expect(feed.items[1]!.url).toContain('id=4&page=2');
  });
});
