import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractedArticle, FeedSource } from '../../src/model/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore, SCHEMA_VERSION, type FeedRecord, type Store } from '../../src/store/index.js';

const AT = '2024-04-01T10:00:00.000Z';
const NOW = '2024-04-10T12:00:00.000Z';

const CONFIG: FeedSource[] = [
  { url: 'https://volga-monitor.example/rss', name: 'Volga Monitor', country: 'RU', language: 'en', tags: ['regional'] },
  { url: 'https://steppe-herald.example/feed.xml', name: 'Steppe Herald', tags: [] },
];

function article(published: string | null): ExtractedArticle {
  return {
    title: null, text: 'Officers checked the documents of workers at a construction site in Kazan.', author: null, published, modified: null,
    lang: 'en', canonicalUrl: null, siteName: null, description: null, image: null, sources: {},
  };
}

function feed(store: Store, url: string): FeedRecord {
  const found = store.getFeed(url);
  if (!found) throw new Error(`no feed ${url}`);
  return found;
}

describe('store: feed management', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
    store.syncFeeds(CONFIG, AT);
  });
  afterEach(() => store.close());

  it('marks feeds from config.yaml with source config, and starts them unscheduled', () => {
    const volga = feed(store, CONFIG[0]!.url);
    expect(volga).toMatchObject({ source: 'config', disabled: false, addedAt: AT, intervalSecs: null, nextDueAt: null, quietFetches: 0, itemsSeen: 0, itemsNew: 0 });
  });

  it('adds a feed from the command line once, and refuses a second feed under a taken name', () => {
    const added = store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', language: 'ru', tags: ['wire'], source: 'cli' }, AT);
    expect(added.kind).toBe('added');
    expect(added.feed).toMatchObject({ name: 'Eurasia Wire', source: 'cli', language: 'ru', tags: ['wire'] });
    const again = store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Other', tags: [], source: 'opml' }, AT);
    expect(again).toMatchObject({ kind: 'exists', feed: { name: 'Eurasia Wire', source: 'cli' } });
    const clash = store.addFeed({ url: 'https://volga-monitor.example/other.xml', name: 'volga monitor', tags: [], source: 'cli' }, AT);
    expect(clash).toMatchObject({ kind: 'name_taken', feed: { url: CONFIG[0]!.url } });
    expect(store.getFeed('https://volga-monitor.example/other.xml')).toBeNull();
  });

  it('returns config feeds plus stored feeds as the active set, config winning on conflicts', () => {
    store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', tags: [], source: 'opml' }, AT);
    store.addFeed({ url: 'https://disabled.example/rss', name: 'Disabled Outlet', tags: [], source: 'cli' }, AT);
    store.setFeedDisabled('https://disabled.example/rss', true);
    // A feed that left config.yaml is no longer crawled.
    const active = store.activeFeeds([CONFIG[0]!]);
    expect(active.map((f) => f.name).sort()).toEqual(['Eurasia Wire', 'Volga Monitor']);

    // The same URL in config.yaml later: the config's fields win, whatever the stored row says.
    const renamed = [{ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire (EN)', tags: ['agency'] }];
    const conflict = store.activeFeeds(renamed).find((f) => f.url === 'https://eurasia-wire.example/atom');
    expect(conflict).toMatchObject({ name: 'Eurasia Wire (EN)', tags: ['agency'], source: 'config' });

    // A stored feed under a name that a config feed uses is left out.
    const sameName = store.activeFeeds([{ url: 'https://eurasia-wire.example/rss2', name: 'Eurasia Wire', tags: [] }]);
    expect(sameName.map((f) => f.url)).toEqual([]);
  });

  it('lists as due the feeds never scheduled or due by now, longest overdue first, never disabled ones', () => {
    const volga = feed(store, CONFIG[0]!.url);
    const steppe = feed(store, CONFIG[1]!.url);
    store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', tags: [], source: 'cli' }, AT);
    const wire = feed(store, 'https://eurasia-wire.example/atom');
    store.setFeedSchedule(volga.id, { nextDueAt: '2024-04-10T11:00:00.000Z', intervalSecs: 3600, quietFetches: 2, reason: 'quiet' });
    store.setFeedSchedule(steppe.id, { nextDueAt: '2024-04-10T13:00:00.000Z', intervalSecs: 7200 });
    store.setFeedSchedule(wire.id, { nextDueAt: '2024-04-10T09:00:00.000Z', intervalSecs: 600 });
    expect(store.dueFeeds(NOW).map((f) => f.name)).toEqual(['Eurasia Wire', 'Volga Monitor']);
    expect(store.dueFeeds('2024-04-10T13:00:00.000Z').map((f) => f.name)).toEqual(['Eurasia Wire', 'Volga Monitor', 'Steppe Herald']);
    // Volga Monitor left config.yaml: not due for a crawl of the current config.
    expect(store.dueFeeds(NOW, [CONFIG[1]!]).map((f) => f.name)).toEqual(['Eurasia Wire']);
    store.setFeedDisabled('https://eurasia-wire.example/atom', true);
    expect(store.dueFeeds(NOW, CONFIG).map((f) => f.name)).toEqual(['Volga Monitor']);
    expect(feed(store, CONFIG[0]!.url)).toMatchObject({ intervalSecs: 3600, quietFetches: 2, scheduleReason: 'quiet', nextDueAt: '2024-04-10T11:00:00.000Z' });
  });

  it('counts the items a feed listed and how many were new', () => {
    const volga = feed(store, CONFIG[0]!.url);
    store.recordFeedFetch(volga.id, { outcome: 'ok', at: AT, httpStatus: 200, errorCode: null, error: null, itemsSeen: 20, newItems: 20 });
    store.recordFeedFetch(volga.id, { outcome: 'ok', at: NOW, httpStatus: 200, errorCode: null, error: null, itemsSeen: 20, newItems: 2 });
    expect(feed(store, CONFIG[0]!.url)).toMatchObject({ itemsSeen: 40, itemsNew: 22, lastNewItemAt: NOW });
  });

  it('removes a feed but keeps its articles and fetch log', () => {
    store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', tags: [], source: 'cli' }, AT);
    const wire = feed(store, 'https://eurasia-wire.example/atom');
    store.saveArticle({ url: 'https://eurasia-wire.example/2024/04/raid', feedId: wire.id, source: 'Eurasia Wire', guid: null, fetchedAt: AT, extractorVersion: 'test', titleHash: null, article: article(AT) }, []);
    store.logFetch({ runId: null, feedId: wire.id, url: wire.url, kind: 'feed', outcome: 'ok', httpStatus: 200, errorCode: null, error: null, durationMs: 5, fetchedAt: AT });
    const removed = store.removeFeed(wire.url);
    expect(removed).toMatchObject({ feed: { name: 'Eurasia Wire' }, articlesKept: 1 });
    expect(store.getFeed(wire.url)).toBeNull();
    expect(store.countArticles()).toBe(1);
    expect(store.search('Kazan', 5)[0]).toMatchObject({ source: 'Eurasia Wire' });
    expect(store.removeFeed(wire.url)).toBeNull();
  });

  it('revives one feed or every failing feed: failures reset and due at once', () => {
    const failures = (url: string, n: number) => {
      const f = feed(store, url);
      for (let i = 0; i < n; i++) store.recordFeedFetch(f.id, { outcome: 'failed', at: AT, httpStatus: 503, errorCode: 'HTTP_503', error: 'Service Unavailable' });
      store.setFeedSchedule(f.id, { nextDueAt: '2024-04-11T00:00:00.000Z', intervalSecs: 3600 });
    };
    failures(CONFIG[0]!.url, 4);
    failures(CONFIG[1]!.url, 2);
    expect(store.reviveFeed({ url: CONFIG[0]!.url })).toBe(1);
    expect(feed(store, CONFIG[0]!.url)).toMatchObject({ consecutiveFailures: 0, nextDueAt: null, intervalSecs: 3600 });
    expect(feed(store, CONFIG[1]!.url).consecutiveFailures).toBe(2);
    expect(store.reviveFeed({ url: 'https://unknown.example/rss' })).toBe(0);
    failures(CONFIG[0]!.url, 1);
    store.setFeedSchedule(feed(store, CONFIG[0]!.url).id, { nextDueAt: '2024-04-11T00:00:00.000Z', intervalSecs: 3600 });
    expect(store.reviveFeed({ all: true })).toBe(2);
    expect(store.dueFeeds(NOW).map((f) => f.consecutiveFailures)).toEqual([0, 0]);
  });
});

describe('store: feed health', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
    store.syncFeeds(CONFIG, '2024-03-01T00:00:00.000Z');
  });
  afterEach(() => store.close());

  const ok = (feedId: number, at: string) => store.recordFeedFetch(feedId, { outcome: 'ok', at, httpStatus: 200, errorCode: null, error: null, newItems: 1 });
  const fail = (feedId: number, at: string) => store.recordFeedFetch(feedId, { outcome: 'failed', at, httpStatus: 503, errorCode: 'HTTP_503', error: 'upstream \u001b[31mdown' });
  const health = (options = {}) => Object.fromEntries(store.feedHealth(NOW, options).map((r) => [r.name, r]));

  it.each([
    ['new when never fetched', [], 'new', false],
    ['ok after a success', [['ok', '2024-04-10T11:00:00.000Z']], 'ok', false],
    ['retrying when a failure follows a recent success', [['ok', '2024-04-10T06:00:00.000Z'], ['fail', '2024-04-10T11:00:00.000Z']], 'retrying', false],
    ['failing when no success for more than a day', [['ok', '2024-04-09T06:00:00.000Z'], ['fail', '2024-04-10T11:00:00.000Z']], 'failing', true],
    ['dead when it never succeeded in the weeks since it was added', [['fail', '2024-04-10T11:00:00.000Z']], 'dead', true],
    ['dead when failing for more than three days', [['ok', '2024-04-06T06:00:00.000Z'], ['fail', '2024-04-10T11:00:00.000Z']], 'dead', true],
  ] as const)('reports a feed as %s', (_name, fetches, status, isFailing) => {
    const volga = feed(store, CONFIG[0]!.url);
    for (const [kind, at] of fetches) (kind === 'ok' ? ok : fail)(volga.id, at);
    expect(health()['Volga Monitor']).toMatchObject({ status, isFailing });
  });

  it('counts a feed that never succeeded as failing, and dead only days after it was added', () => {
    store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', tags: [], source: 'cli' }, '2024-04-09T12:00:00.000Z');
    fail(feed(store, 'https://eurasia-wire.example/atom').id, '2024-04-10T11:00:00.000Z');
    expect(health()['Eurasia Wire']).toMatchObject({ status: 'failing', isFailing: true, consecutiveFailures: 1, lastSuccessAt: null });
  });

  it('takes the failing window and dead age from the options', () => {
    const volga = feed(store, CONFIG[0]!.url);
    ok(volga.id, '2024-04-09T06:00:00.000Z');
    fail(volga.id, '2024-04-10T11:00:00.000Z');
    expect(health({ failingAfterHours: 48 })['Volga Monitor']!.status).toBe('retrying');
    expect(health({ failingAfterHours: 1, deadAfterDays: 1 })['Volga Monitor']!.status).toBe('dead');
  });

  it('reports items per day over 7 and 30 days from stored articles, and the duplicate share from the fetch log', () => {
    const volga = feed(store, CONFIG[0]!.url);
    const dated = ['2024-04-09T08:00:00.000Z', '2024-04-08T08:00:00.000Z', '2024-04-05T08:00:00.000Z', '2024-03-20T08:00:00.000Z', '2024-02-01T08:00:00.000Z', '2024-05-01T08:00:00.000Z'];
    dated.forEach((published, i) => {
      store.saveArticle({ url: `https://volga-monitor.example/a/${i}`, feedId: volga.id, source: 'Volga Monitor', guid: null, fetchedAt: NOW, extractorVersion: 'test', titleHash: null, article: article(published) }, []);
    });
    const page = (n: number, error: string | null, fetchedAt = '2024-04-09T08:00:00.000Z') =>
      store.logFetch({ runId: null, feedId: volga.id, url: `https://volga-monitor.example/p/${n}`, kind: 'page', outcome: 'ok', httpStatus: 200, errorCode: null, error, durationMs: 3, fetchedAt });
    page(1, null);
    page(2, null);
    page(3, 'duplicate of article 1 (canonical url)');
    page(4, null);
    page(5, 'duplicate of article 2 (url)', '2024-02-01T00:00:00.000Z');
    const row = health()['Volga Monitor']!;
    expect(row.itemsPerDay7).toBe(0.43);
    expect(row.itemsPerDay30).toBe(0.13);
    expect(row.duplicateShare).toBe(0.25);
    expect(row.pagesFetched30).toBe(4);
    expect(row.articleCount).toBe(6);
    expect(health()['Steppe Herald']).toMatchObject({ itemsPerDay7: 0, duplicateShare: null, pagesFetched30: 0 });
  });

  it('limits the report to the active feeds when given the config feeds', () => {
    store.addFeed({ url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', tags: [], source: 'cli' }, AT);
    expect(store.feedHealth(NOW, { configFeeds: [CONFIG[1]!] }).map((r) => r.name)).toEqual(['Eurasia Wire', 'Steppe Herald']);
    expect(store.feedHealth(NOW).map((r) => r.name)).toEqual(['Eurasia Wire', 'Steppe Herald', 'Volga Monitor']);
  });
});

describe('store: migration 002', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenoscope-feeds-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a version-1 database, keeping its feeds as config feeds', () => {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO feeds (url, name, tags, added_at, consecutive_failures) VALUES (?, ?, '[]', ?, 2)`).run(CONFIG[0]!.url, 'Volga Monitor', AT);
    db.close();
    expect(() => openStore(file)).toThrow(`schema version 1, this xenoscope needs ${SCHEMA_VERSION}; run \`xenoscope db migrate\``);
    const store = openStore(file, { migrate: true });
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(feed(store, CONFIG[0]!.url)).toMatchObject({ source: 'config', disabled: false, consecutiveFailures: 2, intervalSecs: null, itemsSeen: 0 });
    store.close();
  });
});
