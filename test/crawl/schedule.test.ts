import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEED_SCHEDULE,
  formatSecs,
  hintSecs,
  jitterFraction,
  planNextFetch,
  type FeedScheduleSettings,
  type ScheduleOutcome,
  type ScheduleState,
} from '../../src/crawl/schedule.js';

const NOW = new Date('2024-04-02T12:00:00.000Z');
/** Jitter off, so the table below can name exact delays. */
const NO_JITTER: FeedScheduleSettings = { ...DEFAULT_FEED_SCHEDULE, jitterRatio: 0 };

function state(overrides: Partial<ScheduleState> = {}): ScheduleState {
  return {
    url: 'https://volga-monitor.example/rss',
    intervalSecs: 3600,
    consecutiveFailures: 0,
    quietFetches: 0,
    lastSuccessAt: '2024-04-02T11:00:00.000Z',
    addedAt: '2024-03-01T00:00:00.000Z',
    ...overrides,
  };
}

const ok = (newItems: number): ScheduleOutcome => ({ kind: 'ok', newItems });
const failed: ScheduleOutcome = { kind: 'failed' };

describe('planNextFetch on success', () => {
  it.each([
    ['keeps the interval when a fetch brings one new item', state(), ok(1), 3600, 0],
    ['keeps the interval when a fetch brings a couple of new items', state({ quietFetches: 1 }), ok(1), 3600, 0],
    ['shortens the interval in proportion when a fetch brings many new items', state(), ok(3), 1800, 0],
    ['shortens at most to a quarter after one burst of new items', state(), ok(40), 900, 0],
    ['keeps the interval after a single fetch without new items', state(), ok(0), 3600, 1],
    ['lengthens the interval once several fetches in a row bring nothing', state({ quietFetches: 1 }), ok(0), 5400, 2],
    ['counts an unchanged feed (304) as a quiet fetch', state({ quietFetches: 2 }), { kind: 'not_modified' } as ScheduleOutcome, 5400, 3],
    ['starts a new feed at the initial interval', state({ intervalSecs: null }), ok(1), 3600, 0],
    ['never goes below the minimum interval', state({ intervalSecs: 700 }), ok(12), 600, 0],
    ['never goes above the maximum interval', state({ intervalSecs: 80_000, quietFetches: 5 }), ok(0), 86_400, 6],
  ])('%s', (_name, before, outcome, intervalSecs, quietFetches) => {
    const plan = planNextFetch(before, outcome, NOW, {}, NO_JITTER);
    expect(plan.intervalSecs).toBe(intervalSecs);
    expect(plan.delaySecs).toBe(intervalSecs);
    expect(plan.quietFetches).toBe(quietFetches);
    expect(plan.nextDueAt).toBe(new Date(NOW.getTime() + intervalSecs * 1000).toISOString());
  });

  it.each([
    ['an RSS ttl in minutes', { ttlMins: 120 }, 7200],
    ['the sy:updatePeriod interval', { updateIntervalSecs: 21_600 }, 21_600],
    ['the larger of ttl and the syndication hint', { ttlMins: 30, updateIntervalSecs: 3600 }, 3600],
  ])('holds a busy feed at %s', (_name, hints, floor) => {
    const plan = planNextFetch(state({ intervalSecs: 1200 }), ok(10), NOW, hints, NO_JITTER);
    expect(plan.intervalSecs).toBe(floor);
    expect(plan.reason).toContain("feed's update hint");
  });

  it('caps a hint that asks for more than the maximum interval', () => {
    const plan = planNextFetch(state(), ok(1), NOW, { ttlMins: null, updateIntervalSecs: 604_800 }, NO_JITTER);
    expect(plan.intervalSecs).toBe(86_400);
  });

  it('honours settings other than the defaults', () => {
    const settings = { ...NO_JITTER, minIntervalSecs: 300, targetNewItemsPerFetch: 2, lengtheningFactor: 2, quietFetchesBeforeLengthening: 1 };
    expect(planNextFetch(state(), ok(0), NOW, {}, settings).intervalSecs).toBe(7200);
    expect(planNextFetch(state({ intervalSecs: 1000 }), ok(8), NOW, {}, settings).intervalSecs).toBe(300);
  });
});

describe('planNextFetch on failure', () => {
  it.each([
    ['retries soon after the first failure', 0, 600],
    ['doubles the delay after the second failure', 1, 1200],
    ['doubles again after the third', 2, 2400],
    ['caps the doubling delay', 8, 21_600],
    ['stays at the cap after very many failures', 200, 21_600],
  ])('%s', (_name, failuresBefore, delaySecs) => {
    const plan = planNextFetch(state({ consecutiveFailures: failuresBefore }), failed, NOW, {}, NO_JITTER);
    expect(plan.delaySecs).toBe(delaySecs);
    expect(plan.reason).toBe(`failure ${failuresBefore + 1}: backing off`);
  });

  it('keeps the learned interval and the quiet count for when the feed recovers', () => {
    const plan = planNextFetch(state({ intervalSecs: 5400, quietFetches: 2 }), failed, NOW, {}, NO_JITTER);
    expect(plan.intervalSecs).toBe(5400);
    expect(plan.quietFetches).toBe(2);
  });

  it('polls a feed failing for more than deadAfterDays at the dead-feed interval, and never drops it', () => {
    const plan = planNextFetch(state({ consecutiveFailures: 3, lastSuccessAt: '2024-03-29T11:00:00.000Z' }), failed, NOW, {}, NO_JITTER);
    expect(plan.delaySecs).toBe(86_400);
    expect(plan.nextDueAt).toBe('2024-04-03T12:00:00.000Z');
    expect(plan.reason).toBe('dead: failing for 4 days (4 failures), tried every 1d');
  });

  it('counts a feed that never succeeded as failing since it was added', () => {
    const young = planNextFetch(state({ consecutiveFailures: 1, lastSuccessAt: null, addedAt: '2024-04-01T12:00:00.000Z' }), failed, NOW, {}, NO_JITTER);
    expect(young.delaySecs).toBe(1200);
    const old = planNextFetch(state({ consecutiveFailures: 1, lastSuccessAt: null, addedAt: '2024-03-20T12:00:00.000Z' }), failed, NOW, {}, NO_JITTER);
    expect(old.delaySecs).toBe(86_400);
  });

  it('waits at least as long as the server asked with Retry-After', () => {
    const plan = planNextFetch(state(), { kind: 'failed', retryAfterSecs: 7200 }, NOW, {}, NO_JITTER);
    expect(plan.delaySecs).toBe(7200);
    expect(plan.reason).toContain('server asked to wait');
  });
});

describe('jitter', () => {
  const urls = Array.from({ length: 200 }, (_, i) => `https://outlet-${i}.example/feed`);

  it('is fixed per feed URL', () => {
    const a = planNextFetch(state({ url: urls[7]! }), ok(1), NOW);
    const b = planNextFetch(state({ url: urls[7]! }), ok(1), NOW);
    expect(a).toEqual(b);
  });

  it('only delays, by at most jitterRatio of the interval', () => {
    for (const url of urls) {
      const plan = planNextFetch(state({ url }), ok(1), NOW);
      expect(plan.delaySecs).toBeGreaterThanOrEqual(3600);
      expect(plan.delaySecs).toBeLessThanOrEqual(3960);
      expect(plan.intervalSecs).toBe(3600);
    }
  });

  it('spreads feeds with the same interval over different due times', () => {
    const due = new Set(urls.map((url) => planNextFetch(state({ url }), ok(1), NOW).nextDueAt));
    expect(due.size).toBeGreaterThan(150);
    const fractions = urls.map(jitterFraction);
    const low = fractions.filter((f) => f < 0.5).length;
    expect(low).toBeGreaterThan(60);
    expect(low).toBeLessThan(140);
  });
});

describe('hintSecs', () => {
  it.each([
    [{}, 0],
    [{ ttlMins: 0, updateIntervalSecs: null }, 0],
    [{ ttlMins: 90, updateIntervalSecs: null }, 5400],
    [{ ttlMins: 10, updateIntervalSecs: 86_400 }, 86_400],
  ])('turns %j into a floor of %i seconds', (hints, secs) => {
    expect(hintSecs(hints)).toBe(secs);
  });
});

describe('formatSecs', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [90, '1m30s'],
    [3600, '1h'],
    [5400, '1h30m'],
    [90_000, '1d1h'],
    [86_405, '1d'],
  ])('formats %i as %s', (secs, text) => {
    expect(formatSecs(secs)).toBe(text);
  });
});
