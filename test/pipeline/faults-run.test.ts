import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlSummary } from '../../src/pipeline/index.js';
import type { Store } from '../../src/store/index.js';
import { crawlInMemory } from '../helpers/crawl.js';
import { startFaultServer, type FaultServer } from '../crawl/fault-server.js';

/**
 * One crawl over a server that misbehaves in every way we know, plus feeds that are good but oddly served.
 * The run finishes; each bad feed or page is recorded with its reason; every good feed is stored with
 * its text decoded exactly.
 */

const RU_TITLE = 'Рейды в общежитиях мигрантов';
const RU_TEXT = 'Полиция провела рейды в общежитиях, где живут мигранты из Таджикистана и Узбекистана. Задержаны десятки человек, сообщили в ведомстве.';

function page(title: string, text: string, charset = 'utf-8'): string {
  const body = `${text} ${text} Corresponding reports were confirmed later in the day by officials in the region.`;
  return `<html><head><meta charset="${charset}"><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article></body></html>`;
}

function rss(base: string, items: { title: string; path: string }[], extraHead = ''): string {
  return `<?xml version="1.0"?>${extraHead}<rss version="2.0"><channel><title>Test feed</title>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;
}

describe('a crawl over misbehaving servers', () => {
  let server: FaultServer;
  let store: Store;
  let summary: CrawlSummary;
  const feedStatus = (name: string) => summary.feeds.find((f) => f.name === name)!;

  beforeAll(async () => {
    server = await startFaultServer();
    const base = server.url;
    const en = (n: number) => page(`English story ${n} on the regional budget`, 'The regional assembly approved amendments to the budget on Tuesday, adding money for roads and schools in three districts.');
    for (let n = 1; n <= 8; n++) server.serve(`/page/${n}`, { headers: { 'content-type': 'text/html; charset=utf-8' }, body: en(n) });
    server.serve('/page/cp1251', { headers: { 'content-type': 'text/html; charset=windows-1251' }, body: iconv.encode(page(RU_TITLE, RU_TEXT, 'windows-1251'), 'win1251') });
    server.serve('/page/koi8-unlabelled', { headers: { 'content-type': 'text/html' }, body: iconv.encode(page(RU_TITLE, RU_TEXT, 'x').replace('<meta charset="x">', ''), 'koi8-r') });
    server.serve('/page/utf16', { headers: { 'content-type': 'text/html' }, body: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(RU_TITLE, RU_TEXT, 'utf-16'), 'utf16le')]) });

    const good = (n: number) => [{ title: `English story ${n} on the regional budget`, path: `/page/${n}` }];
    server.serve('/feeds/good.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(base, good(1)) });
    server.serve('/feeds/wrong-type.xml', { headers: { 'content-type': 'text/html' }, body: rss(base, good(2)) });
    server.serve('/feeds/no-type.xml', { body: rss(base, good(3)) });
    server.serve('/feeds/gzip.xml', { headers: { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, body: gzipSync(rss(base, good(4))) });
    server.serve('/feeds/ampersand.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(base, good(5)).replace('Test feed', 'Q&A desk') });
    server.serve('/feeds/cp1251.xml', { headers: { 'content-type': 'application/rss+xml; charset=windows-1251' }, body: iconv.encode(rss(base, [{ title: RU_TITLE, path: '/page/cp1251' }]), 'win1251') });
    server.serve('/feeds/koi8.xml', { headers: { 'content-type': 'application/rss+xml' }, body: iconv.encode(rss(base, [{ title: RU_TITLE, path: '/page/koi8-unlabelled' }]).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="koi8-r"?>'), 'koi8-r') });
    server.serve('/feeds/utf16.xml', { headers: { 'content-type': 'application/rss+xml' }, body: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rss(base, [{ title: RU_TITLE, path: '/page/utf16' }]), 'utf16le')]) });
    server.serve('/feeds/html.xml', { headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><body><h1>Subscribe to our newsletter</h1></body></html>' });
    const bombDtd = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    server.serve('/feeds/bomb.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(base, [{ title: '&d;', path: '/page/6' }], bombDtd) });
    server.serve('/feeds/xxe.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(base, [{ title: '&xxe;', path: '/page/7' }], '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>') });
    server.serve('/feeds/bad-pages.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss(base, [
        { title: 'Stalled body page', path: '/stall-body' },
        { title: 'Endless body page', path: '/endless' },
        { title: 'Corrupt gzip page', path: '/corrupt-gzip' },
        { title: 'Good page among bad ones', path: '/page/8' },
      ]),
    });

    const feeds: [string, string][] = [
      ['good', '/feeds/good.xml'],
      ['wrong content type', '/feeds/wrong-type.xml'],
      ['no content type', '/feeds/no-type.xml'],
      ['gzip', '/feeds/gzip.xml'],
      ['unescaped ampersand', '/feeds/ampersand.xml'],
      ['windows-1251 labelled', '/feeds/cp1251.xml'],
      ['koi8-r declared in XML only', '/feeds/koi8.xml'],
      ['utf-16 with BOM', '/feeds/utf16.xml'],
      ['html instead of a feed', '/feeds/html.xml'],
      ['entity bomb', '/feeds/bomb.xml'],
      ['external entity', '/feeds/xxe.xml'],
      ['bad pages', '/feeds/bad-pages.xml'],
      ['slow headers', '/slow-headers?ms=3000'],
      ['connection reset', '/reset-before-headers'],
      ['truncated body', '/short-body'],
      ['huge body', '/huge'],
      ['redirect loop', '/loop/a'],
      ['long redirect chain', '/chain/9'],
      ['404', '/status/404'],
      ['410', '/status/410'],
      ['500', '/status/500'],
      ['503 with Retry-After', '/status/503?retryAfter=120'],
      ['429', '/status/429'],
      ['gzip bomb', '/gzip-bomb'],
      ['corrupt gzip', '/corrupt-gzip'],
    ];
    ({ summary, store } = await crawlInMemory({
      crawl: { allowPrivateAddresses: true, retries: 0, minDelayMs: 0, timeoutMs: 800, maxBodyBytes: 1_000_000, concurrency: 16, perHostConcurrency: 16 },
      feeds: feeds.map(([name, path]) => ({ name, url: `${base}${path}` })),
    }));
  }, 30_000);

  afterAll(async () => {
    store.close();
    await server.close();
  });

  it.each([
    ['html instead of a feed', 'NOT_A_FEED'],
    ['entity bomb', 'NOT_A_FEED'],
    ['external entity', 'NOT_A_FEED'],
    ['slow headers', 'TIMEOUT'],
    ['connection reset', 'ECONNRESET'],
    ['truncated body', 'TRUNCATED'],
    ['huge body', 'TOO_LARGE'],
    ['redirect loop', 'REDIRECT_LOOP'],
    ['long redirect chain', 'TOO_MANY_REDIRECTS'],
    ['404', 'HTTP_404'],
    ['410', 'HTTP_410'],
    ['500', 'HTTP_500'],
    ['503 with Retry-After', 'HTTP_503'],
    ['429', 'HTTP_429'],
    ['gzip bomb', 'TOO_LARGE'],
    ['corrupt gzip', 'BAD_GZIP'],
  ])('records the feed "%s" as failed with %s', (name, code) => {
    expect(feedStatus(name)).toMatchObject({ status: 'failed', error: { code } });
    const record = store.getFeed(summary.feeds.find((f) => f.name === name)!.url)!;
    expect(record.lastError).toBeTruthy();
    expect(record.consecutiveFailures).toBe(1);
  });

  it.each(['good', 'wrong content type', 'no content type', 'gzip', 'unescaped ampersand', 'windows-1251 labelled', 'koi8-r declared in XML only', 'utf-16 with BOM'])(
    'stores the article of the good feed "%s"',
    (name) => {
      expect(feedStatus(name)).toMatchObject({ status: 'ok', new: 1, failed: 0 });
    },
  );

  it('decodes Cyrillic pages exactly, whatever their charset and label', () => {
    const found = store.search('Таджикистана', 10);
    expect(found).toHaveLength(3);
    for (const row of found) {
      const article = store.getArticle(row.id)!;
      expect(article.title).toBe(RU_TITLE);
      expect(article.text).toContain(RU_TEXT);
    }
  });

  it('records failed pages and still stores the good page of the same feed', () => {
    expect(feedStatus('bad pages')).toMatchObject({ status: 'ok', new: 1, failed: 3 });
    const codes = summary.failures.flatMap((g) => g.examples.filter((e) => e.feed === 'bad pages').map(() => g.code)).sort();
    expect(codes).toEqual(['BAD_GZIP', 'TIMEOUT', 'TOO_LARGE']);
  });

  it('never reads an entity expansion or a local file into storage', () => {
    const all = store.search('aaaaaaaaaa OR root', 10);
    expect(all).toEqual([]);
  });

  it('backs off a feed that asked to retry after 120 s', () => {
    const feed = store.getFeed(feedStatus('503 with Retry-After').url)!;
    expect(Date.parse(feed.nextDueAt!) - Date.parse('2024-04-02T12:00:00Z')).toBeGreaterThanOrEqual(120_000);
  });
});
