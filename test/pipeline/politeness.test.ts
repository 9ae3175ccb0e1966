import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlInMemory } from '../helpers/crawl.js';

const PAGES = 12;

/** A small site that counts requests in flight and serves a robots.txt with a Disallow rule. */
function startSite() {
  const state = { inFlight: 0, peak: 0, paths: [] as string[] };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    state.paths.push(path);
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n\nUser-agent: othercrawler\nDisallow: /\n');
      return;
    }
    if (path === '/feed.xml') {
      const { port } = server.address() as AddressInfo;
      const items = Array.from({ length: PAGES }, (_, i) => `<item><title>Story number ${i} about the regional budget</title><link>http://127.0.0.1:${port}/news/${i}</link><pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate></item>`);
      items.push(`<item><title>Private page that robots.txt forbids</title><link>http://127.0.0.1:${port}/private/secret</link></item>`);
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`);
      return;
    }
    state.inFlight++;
    state.peak = Math.max(state.peak, state.inFlight);
    setTimeout(() => {
      state.inFlight--;
      const n = path.split('/').pop();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<html lang="en"><head><title>Story ${n}</title></head><body><article><h1>Story number ${n} about the regional budget</h1>` +
          `<p>The regional assembly approved amendments to the budget on Tuesday, adding funds for roads and schools in three districts.</p>` +
          `<p>Deputies said the changes would be financed from higher than expected tax revenue collected in the first quarter.</p></article></body></html>`,
      );
    }, 40);
  });
  return new Promise<{ server: Server; state: typeof state; url: string }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('crawling politely', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => new Promise<void>((resolve) => site.server.close(() => resolve())));

  it('keeps requests to one site within the per-host cap and skips what robots.txt disallows', async () => {
    const { summary, store } = await crawlInMemory({
      crawl: { concurrency: 8, perHostConcurrency: 2, minDelayMs: 0, allowPrivateAddresses: true, retries: 0 },
      feeds: [{ url: `${site.url}/feed.xml`, name: 'Budget Daily' }],
    });
    expect(summary.totals.articlesNew).toBe(PAGES);
    expect(site.state.peak).toBe(2);
    expect(site.state.paths).not.toContain('/private/secret');
    expect(site.state.paths.filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect(summary.failures).toEqual([
      { code: 'ROBOTS_DISALLOWED', count: 1, examples: [{ url: `${site.url}/private/secret`, feed: 'Budget Daily', message: 'disallowed by robots.txt' }] },
    ]);
    store.close();
  });
});
