import { describe, expect, it } from 'vitest';
import { renderDiscovered, renderFeedHealth, renderFeedList } from '../../src/cli/render/feeds.js';
import { COLOUR, PLAIN } from '../../src/cli/render/style.js';
import type { FeedHealthRow, FeedRecord } from '../../src/store/index.js';

function record(overrides: Partial<FeedRecord>): FeedRecord {
  return {
    id: 1, url: 'https://volga-monitor.example/rss', name: 'Volga Monitor', tags: [], source: 'config', disabled: false, addedAt: '2024-05-01T00:00:00.000Z',
    etag: null, lastModified: null, bodyHash: null, lastFetchedAt: null, lastSuccessAt: null, lastNewItemAt: null, lastStatus: null, lastError: null,
    consecutiveFailures: 0, nextDueAt: null, intervalSecs: null, quietFetches: 0, scheduleReason: null, itemsSeen: 0, itemsNew: 0, articleCount: 0,
    ...overrides,
  };
}

function health(overrides: Partial<FeedHealthRow>): FeedHealthRow {
  return {
    id: 1, url: 'https://volga-monitor.example/rss', name: 'Volga Monitor', source: 'config', status: 'ok', isFailing: false,
    lastFetchedAt: '2024-05-20T11:00:00.000Z', lastSuccessAt: '2024-05-20T11:00:00.000Z', lastNewItemAt: '2024-05-20T09:10:00.000Z',
    consecutiveFailures: 0, lastError: null, itemsPerDay7: 4.29, itemsPerDay30: 3.1, duplicateShare: 0.08, pagesFetched30: 100,
    nextDueAt: '2024-05-20T12:40:00.000Z', intervalSecs: 5400, scheduleReason: 'steady: 1 new item', articleCount: 93,
    ...overrides,
  };
}

describe('feed rendering', () => {
  it('lists feeds with source, schedule and a sanitized last error', () => {
    const out = renderFeedList([
      record({ articleCount: 93, lastFetchedAt: '2024-05-20T11:00:00.000Z', lastStatus: 'ok', nextDueAt: '2024-05-20T12:40:00.000Z', intervalSecs: 5400 }),
      record({ id: 2, name: 'Eurasia\u001b[31m Wire', url: 'https://eurasia-wire.example/atom', source: 'opml', disabled: true, lastStatus: 'failed', consecutiveFailures: 4, lastError: 'HTTP 503\nService Unavailable' }),
    ]);
    expect(out).toMatchInlineSnapshot(`
      "feed           source          url                                articles  last fetch        status  failures  next due          every  last error
      ─────────────  ──────────────  ─────────────────────────────────  ────────  ────────────────  ──────  ────────  ────────────────  ─────  ────────────────────────────
      Volga Monitor  config          https://volga-monitor.example/rss        93  2024-05-20 11:00  ok             0  2024-05-20 12:40  1h30m
      Eurasia Wire   opml, disabled  https://eurasia-wire.example/atom         0  never             failed         4  now                   –  HTTP 503 Service Unavailable
      "
    `);
  });

  it('puts failing feeds first and closes with the failing count and rule', () => {
    const rows = [
      health({}),
      health({ id: 2, name: 'Steppe Herald', status: 'dead', isFailing: true, lastSuccessAt: null, lastNewItemAt: null, consecutiveFailures: 12, lastError: 'connect ECONNREFUSED', itemsPerDay7: 0, itemsPerDay30: 0, duplicateShare: null }),
      health({ id: 3, name: 'Eurasia Wire', status: 'retrying', consecutiveFailures: 1, lastError: 'timeout after 15000 ms', nextDueAt: null }),
      health({ id: 4, name: 'Dushanbe Daily', status: 'disabled', lastError: 'gone' }),
    ];
    expect(renderFeedHealth(rows, PLAIN, { failingAfterHours: 24 })).toMatchInlineSnapshot(`
      "feed            status    last success      last new item     failures  items/day 7d  30d  duplicates  next due          last error
      ──────────────  ────────  ────────────────  ────────────────  ────────  ────────────  ───  ──────────  ────────────────  ──────────────────────
      Steppe Herald   dead      never             never                   12           0.0  0.0           –  2024-05-20 12:40  connect ECONNREFUSED
      Eurasia Wire    retrying  2024-05-20 11:00  2024-05-20 09:10         1           4.3  3.1          8%  now               timeout after 15000 ms
      Volga Monitor   ok        2024-05-20 11:00  2024-05-20 09:10         0           4.3  3.1          8%  2024-05-20 12:40
      Dushanbe Daily  disabled  2024-05-20 11:00  2024-05-20 09:10         0           4.3  3.1          8%  –

      1 of 4 feeds failing (failed at least once in a row, no success for 24 h or ever)
      "
    `);
    expect(renderFeedHealth([health({})], PLAIN, { failingAfterHours: 24 }).trim().split('\n').at(-1)).toBe('1 feed, none failing');
    expect(renderFeedHealth(rows, COLOUR, { failingAfterHours: 24 })).toContain('\u001b[31mdead\u001b[39m');
  });

  it('lists discovered feeds, announced ones marked <link>', () => {
    expect(
      renderDiscovered([
        { url: 'https://steppe-herald.example/feed.xml', title: 'Steppe Herald — all news', type: 'rss', via: 'link' },
        { url: 'https://steppe-herald.example/feeds/society', title: null, type: 'unknown', via: 'anchor' },
      ]),
    ).toMatchInlineSnapshot(`
      "url                                          type     found in   title
      ───────────────────────────────────────────  ───────  ─────────  ────────────────────────
      https://steppe-herald.example/feed.xml       rss      <link>     Steppe Herald — all news
      https://steppe-herald.example/feeds/society  unknown  page link
      "
    `);
  });
});
