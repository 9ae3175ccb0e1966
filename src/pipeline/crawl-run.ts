import { createAnalyzer, ANALYZER_VERSION, storyFingerprint } from '../analyze/index.js';
import type { Config } from '../config/index.js';
import { loadPipeline } from '../config/index.js';
import { FEED_ACCEPT, PAGE_ACCEPT, parseFeed, planNextFetch, RequestScheduler, RobotsCache, titleHash, withRetries, type FeedHints, type Fetcher, type ScheduleOutcome } from '../crawl/index.js';
import { AbortedError, FetchError, PermanentFetchError, RetryableFetchError, StoreError, XenoscopeError } from '../errors.js';
import { extractArticle, EXTRACTOR_VERSION } from '../extract/index.js';
import type { Clock, FeedItem, Logger } from '../model/index.js';
import type { FeedRecord, Store, StoredAnalysis } from '../store/index.js';

/** What a crawl run did, per feed and in total; printed on stderr and as JSON with `--json`. */
export interface CrawlSummary {
  runId: number;
  startedAt: string;
  finishedAt: string;
  interrupted: boolean;
  feeds: FeedSummary[];
  /** Active feeds skipped because they are not due yet, with when they are. */
  notDue: { name: string; url: string; nextDueAt: string | null }[];
  totals: {
    feedsOk: number;
    feedsNotModified: number;
    feedsFailed: number;
    articlesNew: number;
    articlesDuplicate: number;
    articlesSkipped: number;
    pagesFailed: number;
    flagged: number;
  };
  /** Failures grouped by code, with the URLs that had them. */
  failures: { code: string; count: number; examples: { url: string; feed: string; message: string }[] }[];
}

export interface FeedSummary {
  name: string;
  url: string;
  /** `interrupted`: the run stopped (SIGINT/SIGTERM) before this feed was fetched. */
  status: 'ok' | 'not_modified' | 'failed' | 'interrupted';
  error: { code: string; message: string } | null;
  /** Something odd that did not stop the feed, e.g. no items where there used to be some. */
  warning: string | null;
  items: number;
  known: number;
  new: number;
  duplicate: number;
  skipped: number;
  failed: number;
  flagged: number;
}

export interface CrawlDeps {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  clock: Clock;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  /** Fetch every active feed, whether due or not (`crawl --all`). */
  all?: boolean;
  /** Set when SIGINT/SIGTERM arrives: pages in flight finish, nothing new starts. */
  signal?: AbortSignal;
  /** Called after each page with running totals, for progress display. */
  onProgress?: (progress: { feedsDone: number; feedsTotal: number; pagesDone: number; pagesQueued: number }) => void;
}

interface Analyzers {
  run(title: string | null, text: string, lang: string | null): StoredAnalysis[];
}

/**
 * One crawl run:
 * 1. Register configured feeds in the store and open a run record.
 * 2. Fetch every feed through the scheduler (global + per-host caps) with conditional GET and retries;
 *    an unchanged body (304, or same hash) costs no parsing.
 * 3. Parse items, drop links already stored, and queue the new pages on the same scheduler.
 * 4. Each page: fetch → extract → analyze under every configured pipeline → store in one transaction.
 * 5. A feed's validators are saved only once all its new items were handled, so an interrupted run
 *    never hides unfetched items from the next one.
 * 6. Record every failure in the fetch log, close the run and return the summary.
 */
export async function runCrawl(deps: CrawlDeps): Promise<CrawlSummary> {
  const { config, store, fetcher, clock, logger } = deps;
  const startedAt = clock.now().toISOString();
  store.syncFeeds(config.feeds, startedAt);
  const abandoned = store.closeAbandonedRuns(startedAt);
  if (abandoned > 0) logger.warn(`${abandoned} earlier run(s) ended without finishing (killed?); this run completes their work`);
  const runId = store.startRun(startedAt);
  const analyzers = loadAnalyzers(config, clock);
  const scheduler = new RequestScheduler({ ...config.crawl, sleep: deps.sleep, now: () => clock.now().getTime() });
  const robots = config.crawl.respectRobotsTxt ? new RobotsCache(fetcher, config.crawl.userAgent) : null;
  /** Null when robots.txt allows the URL (and applies its Crawl-delay); otherwise why not. */
  const robotsRefusal = async (url: string): Promise<string | null> => {
    if (!robots) return null;
    const verdict = await robots.check(url);
    if (verdict.crawlDelaySecs !== null) scheduler.setSiteDelay(url, Math.min(verdict.crawlDelaySecs, config.crawl.maxCrawlDelaySecs) * 1000);
    return verdict.allowed ? null : 'disallowed by robots.txt';
  };
  const retry = <T>(task: () => Promise<T>) => withRetries(task, { retries: config.crawl.retries, baseDelayMs: config.crawl.retryBaseDelayMs, sleep: deps.sleep });
  // Config feeds plus those added with `feeds add`/`feeds import`; only the due ones unless `all`.
  const active = store.activeFeeds(config.feeds);
  const feeds = deps.all ? active : store.dueFeeds(startedAt, config.feeds);
  const notDue = active.filter((f) => !feeds.some((d) => d.id === f.id));
  const progress = { feedsDone: 0, feedsTotal: feeds.length, pagesDone: 0, pagesQueued: 0 };
  const onAbort = () => scheduler.clear();
  deps.signal?.addEventListener('abort', onAbort, { once: true });

  /** Sets when the feed is due again, from what this fetch found (see src/crawl/schedule.ts). */
  const reschedule = (feed: FeedRecord, outcome: ScheduleOutcome, hints: Partial<FeedHints> = {}) => {
    const plan = planNextFetch(feed, outcome, clock.now(), hints, config.crawl.schedule);
    store.setFeedSchedule(feed.id, plan);
  };

  const crawlFeed = async (feed: FeedRecord): Promise<FeedSummary> => {
    const summary: FeedSummary = { name: feed.name, url: feed.url, status: 'ok', error: null, warning: null, items: 0, known: 0, new: 0, duplicate: 0, skipped: 0, failed: 0, flagged: 0 };
    const at = () => clock.now().toISOString();
    let response;
    try {
      const refusal = await robotsRefusal(feed.url);
      if (refusal) throw new PermanentFetchError('ROBOTS_DISALLOWED', feed.url, refusal);
      response = await scheduler.run(feed.url, () => retry(() => fetcher(feed.url, { etag: feed.etag, lastModified: feed.lastModified, accept: FEED_ACCEPT })));
    } catch (error) {
      if (error instanceof AbortedError) {
        summary.status = 'interrupted';
        return summary;
      }
      return failFeed(feed, summary, error);
    }
    if (response.notModified || (feed.bodyHash !== null && response.bodyHash === feed.bodyHash)) {
      summary.status = 'not_modified';
      store.logFetch({ runId, feedId: feed.id, url: feed.url, kind: 'feed', outcome: 'not_modified', httpStatus: response.status, errorCode: null, error: null, durationMs: Math.round(response.durationMs), fetchedAt: at() });
      store.recordFeedFetch(feed.id, { outcome: 'not_modified', at: at(), httpStatus: response.status, errorCode: null, error: null });
      reschedule(feed, { kind: 'not_modified' });
      return summary;
    }
    let items: FeedItem[];
    let hints: FeedHints;
    try {
      ({ items, hints } = await parseFeed(response.text, response.url));
    } catch (error) {
      return failFeed(feed, summary, error, response.status);
    }
    if (items.length === 0 && feed.articleCount > 0) {
      summary.warning = 'the feed has no items now, though earlier runs found some: check that its address still serves the news';
      logger.warn(`feed ${feed.name}: ${summary.warning}`);
    }
    store.logFetch({ runId, feedId: feed.id, url: feed.url, kind: 'feed', outcome: 'ok', httpStatus: response.status, errorCode: null, error: null, durationMs: Math.round(response.durationMs), fetchedAt: at() });
    summary.items = items.length;
    items = items.slice(0, config.crawl.maxItemsPerFeed);
    const known = store.knownUrls(items.map((i) => i.url));
    summary.known = known.size;
    const fresh = items.filter((i) => !known.has(i.url));
    progress.pagesQueued += fresh.length;
    let retryableFailures = 0;
    await Promise.all(
      fresh.map(async (item) => {
        const outcome = await crawlPage(feed, item);
        progress.pagesDone++;
        deps.onProgress?.(progress);
        if (outcome === 'retryable') retryableFailures++;
      }),
    );

    async function crawlPage(feed: FeedRecord, item: FeedItem): Promise<'done' | 'retryable' | 'aborted'> {
      if (deps.signal?.aborted) return 'aborted';
      let page;
      try {
        const refusal = await robotsRefusal(item.url);
        if (refusal) {
          summary.skipped++;
          store.logFetch({ runId, feedId: feed.id, url: item.url, kind: 'page', outcome: 'skipped', httpStatus: null, errorCode: 'ROBOTS_DISALLOWED', error: refusal, durationMs: null, fetchedAt: at() });
          return 'done';
        }
        page = await scheduler.run(item.url, () => retry(() => fetcher(item.url, { accept: PAGE_ACCEPT })));
      } catch (error) {
        if (error instanceof AbortedError) return 'aborted';
        summary.failed++;
        logPageFailure(feed, item.url, error);
        return error instanceof FetchError && error.isRetryable ? 'retryable' : 'done';
      }
      const extracted = extractArticle(page.text, { url: page.url, feed: { title: item.title, published: item.published, author: item.author } });
      if (extracted.kind === 'skipped') {
        summary.skipped++;
        store.logFetch({ runId, feedId: feed.id, url: item.url, kind: 'page', outcome: 'skipped', httpStatus: page.status, errorCode: 'NO_ARTICLE', error: extracted.reason, durationMs: Math.round(page.durationMs), fetchedAt: at() });
        return 'done';
      }
      const article = extracted.article;
      const analyses = analyzers.run(article.title ?? item.title, article.text, article.lang);
      const saved = store.saveArticle(
        { url: item.url, feedId: feed.id, source: feed.name, guid: item.guid, fetchedAt: at(), extractorVersion: EXTRACTOR_VERSION, titleHash: titleHash(article.title ?? item.title), article,
          simhash: storyFingerprint(article.title ?? item.title, article.text) },
        analyses,
      );
      store.logFetch({
        runId,
        feedId: feed.id,
        url: item.url,
        kind: 'page',
        outcome: 'ok',
        httpStatus: page.status,
        errorCode: saved.kind === 'duplicate' ? 'DUPLICATE' : null,
        error: saved.kind === 'duplicate' ? `duplicate of article ${saved.id} (${saved.reason})` : null,
        durationMs: Math.round(page.durationMs),
        fetchedAt: at(),
      });
      if (saved.kind === 'duplicate') summary.duplicate++;
      else {
        summary.new++;
        if (analyses.some((a) => a.analysis.flagged)) summary.flagged++;
      }
      return 'done';
    }

    const complete = retryableFailures === 0 && !deps.signal?.aborted;
    store.recordFeedFetch(feed.id, {
      outcome: 'ok',
      at: at(),
      httpStatus: response.status,
      errorCode: null,
      error: complete ? null : 'some pages were not fetched; they will be tried again on the next run',
      // Without every item handled, keep the old validators so the next run sees the feed as changed.
      etag: complete ? (response.headers.etag ?? null) : feed.etag,
      lastModified: complete ? (response.headers['last-modified'] ?? null) : feed.lastModified,
      bodyHash: complete ? response.bodyHash : feed.bodyHash,
      newItems: summary.new,
      itemsSeen: summary.items,
    });
    if (!deps.signal?.aborted) reschedule(feed, { kind: 'ok', newItems: summary.new }, hints);
    return summary;
  };

  function failFeed(feed: FeedRecord, summary: FeedSummary, error: unknown, httpStatus: number | null = null): FeedSummary {
    if (error instanceof StoreError || !(error instanceof XenoscopeError)) throw error;
    const at = clock.now().toISOString();
    summary.status = 'failed';
    summary.error = { code: error.code, message: error.message };
    logger.warn(`feed ${feed.name} failed: ${error.message}`);
    store.logFetch({ runId, feedId: feed.id, url: feed.url, kind: 'feed', outcome: 'failed', httpStatus: error instanceof FetchError ? error.status : httpStatus, errorCode: error.code, error: error.message, durationMs: null, fetchedAt: at });
    store.recordFeedFetch(feed.id, { outcome: 'failed', at, httpStatus, errorCode: error.code, error: error.message });
    reschedule(feed, { kind: 'failed', retryAfterSecs: error instanceof RetryableFetchError ? error.retryAfterSecs : null });
    return summary;
  }

  function logPageFailure(feed: FeedRecord, url: string, error: unknown): void {
    if (error instanceof StoreError || !(error instanceof XenoscopeError)) throw error;
    logger.debug(`page ${url} failed: ${error.message}`);
    store.logFetch({ runId, feedId: feed.id, url, kind: 'page', outcome: 'failed', httpStatus: error instanceof FetchError ? error.status : null, errorCode: error.code, error: error.message, durationMs: null, fetchedAt: clock.now().toISOString() });
  }

  let feedSummaries: FeedSummary[];
  try {
    feedSummaries = await Promise.all(
      feeds.map(async (feed) => {
        const s = await crawlFeed(feed);
        progress.feedsDone++;
        deps.onProgress?.(progress);
        return s;
      }),
    );
  } catch (error) {
    store.finishRun(runId, 'failed', { error: (error as Error).message }, clock.now().toISOString());
    throw error;
  } finally {
    deps.signal?.removeEventListener('abort', onAbort);
  }
  const summary = summarize(runId, startedAt, clock.now().toISOString(), deps.signal?.aborted ?? false, feedSummaries, store);
  summary.notDue = notDue.map((f) => ({ name: f.name, url: f.url, nextDueAt: f.nextDueAt }));
  store.finishRun(runId, summary.interrupted ? 'interrupted' : 'finished', summary, summary.finishedAt);
  return summary;
}

function summarize(runId: number, startedAt: string, finishedAt: string, interrupted: boolean, feeds: FeedSummary[], store: Store): CrawlSummary {
  const sum = (key: 'new' | 'duplicate' | 'skipped' | 'failed' | 'flagged') => feeds.reduce((n, f) => n + f[key], 0);
  const groups = new Map<string, CrawlSummary['failures'][number]>();
  const feedNames = new Map(feeds.map((f) => [f.url, f.name]));
  const feedIds = new Map(store.listFeeds().map((f) => [f.id, f.name]));
  for (const entry of store.fetchLog(runId)) {
    if (entry.outcome !== 'failed' && entry.outcome !== 'skipped') continue;
    const code = entry.errorCode ?? 'UNKNOWN';
    const group = groups.get(code) ?? { code, count: 0, examples: [] };
    group.count++;
    if (group.examples.length < 5) group.examples.push({ url: entry.url, feed: (entry.feedId !== null ? feedIds.get(entry.feedId) : undefined) ?? feedNames.get(entry.url) ?? '', message: entry.error ?? '' });
    groups.set(code, group);
  }
  return {
    runId,
    startedAt,
    finishedAt,
    interrupted,
    feeds,
    notDue: [],
    totals: {
      feedsOk: feeds.filter((f) => f.status === 'ok').length,
      feedsNotModified: feeds.filter((f) => f.status === 'not_modified').length,
      feedsFailed: feeds.filter((f) => f.status === 'failed').length,
      articlesNew: sum('new'),
      articlesDuplicate: sum('duplicate'),
      articlesSkipped: sum('skipped'),
      pagesFailed: sum('failed'),
      flagged: sum('flagged'),
    },
    failures: [...groups.values()].sort((a, b) => b.count - a.count),
  };
}

/** Loads every configured pipeline once and returns a function that runs them all on one article. */
export function loadAnalyzers(config: Pick<Config, 'pipelines'>, clock?: Clock): Analyzers {
  const analyzers = config.pipelines.map((ref) => createAnalyzer(loadPipeline(ref)));
  return {
    run(title, text, lang) {
      const analyzedAt = (clock ?? { now: () => new Date() }).now().toISOString();
      return analyzers.map((a) => ({ analysis: a.analyze({ title, text, lang }), analyzerVersion: ANALYZER_VERSION, analyzedAt }));
    },
  };
}
