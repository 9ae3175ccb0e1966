import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireRunLock, RequestScheduler, RobotsCache, siteKey, type Fetcher, type FetchResponse } from '../../src/crawl/index.js';
import { PermanentFetchError, RetryableFetchError } from '../../src/errors.js';

describe('siteKey', () => {
  it.each([
    ['https://news.example.co.uk/a', 'example.co.uk'],
    ['https://www.example.co.uk/b', 'example.co.uk'],
    ['https://fergana.news/x', 'fergana.news'],
    ['https://a.b.c.example.ru/x', 'example.ru'],
    ['https://someone.github.io/x', 'someone.github.io'],
    ['http://127.0.0.1:8470/x', '127.0.0.1:8470'],
    ['http://localhost:3000/x', 'localhost:3000'],
  ])('%s belongs to site %s', (url, expected) => {
    expect(siteKey(url)).toBe(expected);
  });
});

describe('RequestScheduler delays', () => {
  it('spaces request starts to one site by the least delay, raised by Crawl-delay, but not across sites', async () => {
    let now = 0;
    const starts: [string, number][] = [];
    const scheduler = new RequestScheduler({
      concurrency: 4,
      perHostConcurrency: 4,
      minDelayMs: 100,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    scheduler.setSiteDelay('https://slow.example/', 2000);
    const task = (url: string) => scheduler.run(url, async () => void starts.push([url, now]));
    await Promise.all([task('https://a.example/1'), task('https://a.example/2'), task('https://b.example/1'), task('https://slow.example/1'), task('https://slow.example/2')]);
    const at = (url: string) => starts.find(([u]) => u === url)![1];
    expect(at('https://a.example/2') - at('https://a.example/1')).toBeGreaterThanOrEqual(100);
    expect(at('https://slow.example/2') - at('https://slow.example/1')).toBeGreaterThanOrEqual(2000);
  });
});

function response(url: string, text: string): FetchResponse {
  return { url, status: 200, notModified: false, headers: {}, body: Buffer.from(text), text, charset: 'utf-8', bodyHash: '', durationMs: 1 } as FetchResponse;
}

describe('RobotsCache', () => {
  const robots = 'User-agent: *\nDisallow: /search\nAllow: /search/about\n\nUser-agent: xenoscope\nDisallow: /members/\nCrawl-delay: 5\n';
  it.each([
    ['https://site.example/news/1', true],
    ['https://site.example/members/list', false],
    // Our own group replaces the * group, as the standard says.
    ['https://site.example/search?q=x', true],
  ])('decides %s → %s for our user agent and reads its Crawl-delay', async (url, allowed) => {
    const cache = new RobotsCache(async (u) => response(u, robots), 'xenoscope/0.1 (+https://x.example)');
    expect(await cache.check(url)).toEqual({ allowed, crawlDelaySecs: 5, basis: 'rules' });
  });

  it('fetches robots.txt once per origin', async () => {
    let calls = 0;
    const fetcher: Fetcher = async (u) => (calls++, response(u, robots));
    const cache = new RobotsCache(fetcher, 'xenoscope');
    await Promise.all([cache.check('https://site.example/a'), cache.check('https://site.example/b'), cache.check('https://other.example/a')]);
    expect(calls).toBe(2);
  });

  it.each([
    ['a 404 (no robots.txt)', new PermanentFetchError('HTTP_404', 'u', 'not found', 404), 'no robots.txt'],
    ['a 503', new RetryableFetchError('HTTP_503', 'u', 'busy', 503), 'unavailable'],
    ['a timeout', new RetryableFetchError('TIMEOUT', 'u', 'slow'), 'unavailable'],
  ])('allows everything after %s', async (_name, error, basis) => {
    const cache = new RobotsCache(async () => Promise.reject(error), 'xenoscope');
    expect(await cache.check('https://site.example/a')).toEqual({ allowed: true, crawlDelaySecs: null, basis });
  });
});

describe('acquireRunLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const now = new Date('2024-04-01T00:00:00Z');

  it('takes and releases the lock', () => {
    const path = join(dir, 'db.lock');
    const lock = acquireRunLock(path, { now });
    expect(existsSync(path)).toBe(true);
    expect(() => acquireRunLock(path, { now })).toThrow(/another crawl is running/);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock whose process is gone', () => {
    const path = join(dir, 'db.lock');
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: now.toISOString() }));
    const messages: string[] = [];
    acquireRunLock(path, { now, onStale: (m) => messages.push(m) }).release();
    expect(messages[0]).toMatch(/removing a stale lock of pid/);
  });

  it('takes over a half-written lock file', () => {
    const path = join(dir, 'db.lock');
    writeFileSync(path, '{"pid": 12');
    expect(() => acquireRunLock(path, { now }).release()).not.toThrow();
  });

  it('keeps a lock from another host until it is old', () => {
    const path = join(dir, 'db.lock');
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'other-host', startedAt: '2024-03-31T23:00:00Z' }));
    expect(() => acquireRunLock(path, { now })).toThrow(/other-host/);
    expect(() => acquireRunLock(path, { now: new Date('2024-04-01T12:00:00Z') }).release()).not.toThrow();
  });
});
