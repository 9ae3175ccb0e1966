export { createFetcher, decodeBody, isPrivateAddress, FEED_ACCEPT, PAGE_ACCEPT, type Fetcher, type FetcherOptions, type FetchRequest, type FetchResponse } from './fetcher.js';
export { parseFeed, type ParsedFeed, type FeedHints } from './feed.js';
export { RequestScheduler, type SchedulerOptions } from './scheduler.js';
export { withRetries, realSleep, type RetryOptions } from './retry.js';
export { normalizeUrl, hostKey, siteKey, titleHash } from './url.js';
export { RobotsCache, type RobotsVerdict } from './robots.js';
export { acquireRunLock, type RunLock } from './lock.js';
export { planNextFetch, hintSecs, jitterFraction, formatSecs, DEFAULT_FEED_SCHEDULE, type FeedScheduleSettings, type ScheduleState, type ScheduleOutcome, type PlannedFetch } from './schedule.js';
export { parseOpml, renderOpml, OPML_NAMESPACE, type OpmlFeed, type OpmlEntry, type ParsedOpml } from './opml.js';
