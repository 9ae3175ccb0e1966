import { createHash } from 'node:crypto';
import type { FeedHints } from './feed.js';

/**
 * Adaptive feed scheduling. Pure: the caller passes the feed's state, the outcome of the fetch that just
 * finished, the time and the feed's own update hints, and stores the plan it gets back.
 */

/** Settings of the adaptive schedule (config keys `crawl.schedule.*`). */
export interface FeedScheduleSettings {
  /** Shortest interval between two fetches of one feed. @default 600 */
  minIntervalSecs: number;
  /** Longest interval between two fetches of a healthy feed (before jitter). @default 86400 */
  maxIntervalSecs: number;
  /** Interval of a feed that has no history yet. @default 3600 */
  initialIntervalSecs: number;
  /** New items per fetch the interval aims at: more shortens it, none for a while lengthens it. @default 1.5 */
  targetNewItemsPerFetch: number;
  /** Fetches in a row without new items before the interval grows. @default 2 */
  quietFetchesBeforeLengthening: number;
  /** Factor a quiet feed's interval grows by. @default 1.5 */
  lengtheningFactor: number;
  /** Delay before retrying a feed after its first failure; doubles with each further failure. @default 600 */
  failureRetrySecs: number;
  /** Cap of the doubling failure delay. @default 21600 */
  failureMaxDelaySecs: number;
  /** A feed failing for longer than this (since its last success, or since it was added) counts as dead. @default 3 */
  deadAfterDays: number;
  /** How often a dead feed is still tried: it is never dropped. @default 86400 */
  deadFeedIntervalSecs: number;
  /** Share of the delay added as per-feed jitter (0 to 1), so feeds with equal intervals spread out. @default 0.1 */
  jitterRatio: number;
}

export const DEFAULT_FEED_SCHEDULE: Readonly<FeedScheduleSettings> = Object.freeze({
  minIntervalSecs: 600,
  maxIntervalSecs: 86_400,
  initialIntervalSecs: 3600,
  targetNewItemsPerFetch: 1.5,
  quietFetchesBeforeLengthening: 2,
  lengtheningFactor: 1.5,
  failureRetrySecs: 600,
  failureMaxDelaySecs: 21_600,
  deadAfterDays: 3,
  deadFeedIntervalSecs: 86_400,
  jitterRatio: 0.1,
});

/** What the schedule needs to know about a feed before the fetch (a `FeedRecord` fits). */
export interface ScheduleState {
  url: string;
  /** The learned interval, or null for a feed never scheduled. */
  intervalSecs: number | null;
  /** Failures in a row before this fetch. */
  consecutiveFailures: number;
  /** Successful fetches in a row without new items before this fetch. */
  quietFetches: number;
  lastSuccessAt: string | null;
  /** When the feed was added; stands in for the last success of a feed that never had one. */
  addedAt: string | null;
}

/** The fetch that just finished. */
export type ScheduleOutcome =
  | { kind: 'ok'; newItems: number }
  | { kind: 'not_modified' }
  | { kind: 'failed'; retryAfterSecs?: number | null };

export interface PlannedFetch {
  /** ISO 8601 UTC time from which the feed is due again. */
  nextDueAt: string;
  /** The learned interval for a healthy feed; a failure leaves it as it was. */
  intervalSecs: number;
  /** Seconds from `now` to `nextDueAt`, jitter included. */
  delaySecs: number;
  /** Successful fetches in a row without new items, after this fetch. */
  quietFetches: number;
  /** Why this delay, in a few words (shown by `feeds health`). */
  reason: string;
}

/** One busy fetch shortens the interval at most by this factor, so a burst (a live blog) does not swing it wildly. */
const MAX_SHORTENING = 0.25;

const DAY_MS = 86_400_000;

/**
 * Plans the next fetch of a feed:
 * 1. A failure backs off: `failureRetrySecs` after the first, doubling up to `failureMaxDelaySecs`; a feed that has
 *    failed for more than `deadAfterDays` is tried every `deadFeedIntervalSecs`. A server's Retry-After is a floor.
 *    The learned interval is kept for when the feed recovers.
 * 2. A success adapts the interval towards `targetNewItemsPerFetch` new items per fetch: a fetch with more new items
 *    shortens it in proportion; `quietFetchesBeforeLengthening` fetches in a row without new items (a 304 counts as
 *    one) lengthen it by `lengtheningFactor`; otherwise it stays.
 * 3. The interval is clamped to [minIntervalSecs, maxIntervalSecs]; the feed's own hints raise the lower bound
 *    (never above the maximum).
 * 4. A jitter of up to `jitterRatio` of the delay, fixed per feed URL, is added so feeds with equal intervals do
 *    not all fall due in the same run.
 */
export function planNextFetch(state: ScheduleState, outcome: ScheduleOutcome, now: Date, hints: Partial<FeedHints> = {}, settings: FeedScheduleSettings = DEFAULT_FEED_SCHEDULE): PlannedFetch {
  const current = state.intervalSecs ?? settings.initialIntervalSecs;
  let delaySecs: number;
  let intervalSecs = current;
  let quietFetches = state.quietFetches;
  let reason: string;

  if (outcome.kind === 'failed') {
    const failures = state.consecutiveFailures + 1;
    const failingSince = state.lastSuccessAt ?? state.addedAt;
    const failingMs = failingSince === null ? 0 : now.getTime() - Date.parse(failingSince);
    if (failingMs > settings.deadAfterDays * DAY_MS) {
      delaySecs = settings.deadFeedIntervalSecs;
      reason = `dead: failing for ${Math.floor(failingMs / DAY_MS)} days (${failures} failures), tried every ${formatSecs(delaySecs)}`;
    } else {
      delaySecs = Math.min(settings.failureMaxDelaySecs, settings.failureRetrySecs * 2 ** Math.min(failures - 1, 30));
      reason = `failure ${failures}: backing off`;
    }
    if (outcome.retryAfterSecs && outcome.retryAfterSecs > delaySecs) {
      delaySecs = outcome.retryAfterSecs;
      reason += ', server asked to wait';
    }
  } else {
    const newItems = outcome.kind === 'ok' ? outcome.newItems : 0;
    if (newItems > settings.targetNewItemsPerFetch) {
      quietFetches = 0;
      intervalSecs = current * Math.max(MAX_SHORTENING, settings.targetNewItemsPerFetch / newItems);
      reason = `busy: ${newItems} new items, shortened`;
    } else if (newItems > 0) {
      quietFetches = 0;
      reason = `steady: ${newItems} new item${newItems === 1 ? '' : 's'}`;
    } else {
      quietFetches++;
      if (quietFetches >= settings.quietFetchesBeforeLengthening) {
        intervalSecs = current * settings.lengtheningFactor;
        reason = `quiet: ${quietFetches} fetches without new items, lengthened`;
      } else {
        reason = outcome.kind === 'not_modified' ? 'unchanged' : 'no new items';
      }
    }
    const floor = Math.min(settings.maxIntervalSecs, Math.max(settings.minIntervalSecs, hintSecs(hints)));
    const clamped = Math.min(settings.maxIntervalSecs, Math.max(floor, intervalSecs));
    if (clamped !== intervalSecs) {
      reason += clamped === floor && floor > settings.minIntervalSecs ? ', held at the feed\'s update hint' : clamped === floor ? ', at the minimum' : ', at the maximum';
    }
    intervalSecs = Math.round(clamped);
    delaySecs = intervalSecs;
  }

  delaySecs = Math.round(delaySecs * (1 + settings.jitterRatio * jitterFraction(state.url)));
  return { nextDueAt: new Date(now.getTime() + delaySecs * 1000).toISOString(), intervalSecs, delaySecs, quietFetches, reason };
}

/** The shortest interval the feed's hints (`<ttl>`, `sy:updatePeriod`/`sy:updateFrequency`) ask for, in seconds; 0 without hints. */
export function hintSecs(hints: Partial<FeedHints>): number {
  const ttl = hints.ttlMins && hints.ttlMins > 0 ? hints.ttlMins * 60 : 0;
  const sy = hints.updateIntervalSecs && hints.updateIntervalSecs > 0 ? hints.updateIntervalSecs : 0;
  return Math.max(ttl, sy);
}

/** `90` → `1m30s`, `7200` → `2h`, `90000` → `1d1h`: the largest unit and the next one, rounded down. */
export function formatSecs(secs: number): string {
  const units: [string, number][] = [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]];
  const total = Math.max(0, Math.round(secs));
  const first = units.findIndex(([, size]) => total >= size);
  if (first < 0) return '0s';
  const [unit, size] = units[first]!;
  const whole = Math.floor(total / size);
  const next = units[first + 1];
  const rest = next ? Math.floor((total - whole * size) / next[1]) : 0;
  return `${whole}${unit}${next && rest > 0 ? `${rest}${next[0]}` : ''}`;
}

/** A number in [0, 1) fixed by the feed URL. */
export function jitterFraction(url: string): number {
  return createHash('sha256').update(url).digest().readUInt32BE(0) / 2 ** 32;
}
