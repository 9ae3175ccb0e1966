import type { Analysis, EntityType, ExtractedArticle, FeedSource, ReviewDecision, ReviewLabel, TermMatch } from '../model/index.js';

/** Who added a feed: config.yaml, `feeds add`, or `feeds import` of an OPML file. */
export type FeedOrigin = 'config' | 'cli' | 'opml';

/** A feed as the store knows it: config fields plus fetch state. */
export interface FeedRecord extends FeedSource {
  id: number;
  source: FeedOrigin;
  /** Kept with its history, but never due and never crawled. */
  disabled: boolean;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastNewItemAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextDueAt: string | null;
  /** The adaptive schedule's learned interval; null until the feed is first scheduled. */
  intervalSecs: number | null;
  /** Successful fetches in a row without new items. */
  quietFetches: number;
  /** Why the feed is due when it is, from the last plan. */
  scheduleReason: string | null;
  /** Items the feed listed, summed over every fetch. */
  itemsSeen: number;
  /** Of those, items stored as new articles. */
  itemsNew: number;
  articleCount: number;
}

/** A feed added from the command line or an OPML file. */
export interface NewFeed extends FeedSource {
  source: Exclude<FeedOrigin, 'config'>;
}

export type AddFeedResult =
  | { kind: 'added'; feed: FeedRecord }
  | { kind: 'exists'; feed: FeedRecord }
  /** Another feed (another URL) already uses the name; outlet names are unique, as in config.yaml. */
  | { kind: 'name_taken'; feed: FeedRecord };

/** What `setFeedSchedule` stores: a `PlannedFetch` from src/crawl fits. */
export interface FeedSchedule {
  nextDueAt: string;
  intervalSecs: number;
  quietFetches?: number;
  reason?: string;
}

/**
 * How a feed is doing:
 * - `new`: never fetched; `ok`; `disabled`;
 * - `retrying`: its last fetch failed, but it succeeded within `failingAfterHours`;
 * - `failing`: failed at least once in a row and no success within `failingAfterHours` (or ever);
 * - `dead`: failing, and no success for more than `deadAfterDays` (since it was added, if never).
 */
export type FeedStatus = 'new' | 'ok' | 'retrying' | 'failing' | 'dead' | 'disabled';

export interface FeedHealthOptions {
  /** When given, only the feeds a crawl would use (see `activeFeeds`); otherwise every stored feed. */
  configFeeds?: readonly FeedSource[];
  /** @default 24 */
  failingAfterHours?: number;
  /** @default 3 */
  deadAfterDays?: number;
}

export interface FeedHealthRow {
  id: number;
  url: string;
  name: string;
  source: FeedOrigin;
  status: FeedStatus;
  /** True for `failing` and `dead`: what `feeds health` exits 3 on. */
  isFailing: boolean;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastNewItemAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** Stored articles dated (published, else fetched) within the last 7 and 30 days, per day. */
  itemsPerDay7: number;
  itemsPerDay30: number;
  /** Share of this feed's pages fetched in the last 30 days that were duplicates of stored articles; null without pages. */
  duplicateShare: number | null;
  pagesFetched30: number;
  nextDueAt: string | null;
  intervalSecs: number | null;
  scheduleReason: string | null;
  articleCount: number;
}

export type FetchOutcome = 'ok' | 'not_modified' | 'failed' | 'skipped';

export interface FetchLogEntry {
  runId: number | null;
  feedId: number | null;
  url: string;
  kind: 'feed' | 'page';
  outcome: FetchOutcome;
  httpStatus: number | null;
  errorCode: string | null;
  error: string | null;
  durationMs: number | null;
  fetchedAt: string;
}

/** What the feed fetch left behind, for the next conditional request and for health. */
export interface FeedFetchResult {
  outcome: FetchOutcome;
  at: string;
  httpStatus: number | null;
  errorCode: string | null;
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  bodyHash?: string | null;
  newItems?: number;
  /** Items the feed listed in this fetch. */
  itemsSeen?: number;
}

/** An extracted article ready to store. */
export interface NewArticle {
  url: string;
  feedId: number | null;
  source: string;
  guid: string | null;
  fetchedAt: string;
  extractorVersion: string;
  titleHash: string | null;
  article: ExtractedArticle;
  /**
   * Story fingerprint (`storyFingerprint` in src/analyze, 16 hex digits), or null/absent when the text is too short:
   * the article then is a story of its own.
   */
  simhash?: string | null;
}

export type SaveResult = { kind: 'stored'; id: number } | { kind: 'duplicate'; id: number; reason: string };

export interface StoredAnalysis {
  analysis: Analysis;
  analyzerVersion: string;
  analyzedAt: string;
}

export interface ArticleRecord {
  id: number;
  url: string;
  canonicalUrl: string | null;
  source: string;
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  lang: string | null;
  text: string;
  description: string | null;
  siteName: string | null;
  metaSources: Record<string, string>;
  /** Story fingerprint; null when the text was too short or it was stored before fingerprints. */
  simhash: string | null;
  /** Id of the story's first article; the article's own id when it starts one (or was stored before stories). */
  storyId: number;
}

export interface AnalysisRecord {
  id: number;
  articleId: number;
  pipeline: string;
  pipelineVersion: string;
  analyzerVersion: string;
  analyzedAt: string;
  lang: string | null;
  flagged: boolean;
  score: number;
  threshold: number;
  categories: string[];
  targets: string[];
  reasons: string[];
  breakdown: Analysis['breakdown'];
  matches: TermMatch[];
  entities: Analysis['entities'];
}

export type TrendBucket = 'day' | 'week' | 'month';

export interface TrendQuery {
  pipeline: string;
  by: TrendBucket;
  /** Inclusive ISO date (YYYY-MM-DD). */
  since?: string | undefined;
  /** Exclusive ISO date (YYYY-MM-DD). */
  until?: string | undefined;
  category?: string | undefined;
  term?: string | undefined;
  entity?: string | undefined;
  source?: string | undefined;
  target?: string | undefined;
  /** Restrict to one pipeline version; default: the current analysis whatever its version. */
  pipelineVersion?: string | undefined;
  /** Count flagged articles only (default), or every article that has the filters' evidence. */
  flaggedOnly: boolean;
  /**
   * What a count counts: articles, or stories (distinct story ids among the matching articles of the bucket, so
   * copies of one story count once; totals likewise). A story whose copies fall in two buckets counts in both.
   * @default 'articles'
   */
  count?: TrendCount | undefined;
}

export type TrendCount = 'articles' | 'stories';

export interface TrendRow {
  bucket: string;
  count: number;
  /** All articles (or stories) from the same sources in the bucket, for normalization. */
  total: number;
  /** Pipeline versions that produced the counted analyses. */
  versions: string[];
}

/** Options of `reassignStories`, and of story assignment in `saveArticle`. */
export interface StoryOptions {
  /** Candidates are articles dated within this many days either side. @default 7 */
  windowDays?: number;
}

export interface StoryReassignResult {
  /** Articles given a story id. */
  articles: number;
  stories: number;
  /** Stories with more than one article. */
  multiArticle: number;
}

export interface StoryListQuery {
  /** Stories whose first article is dated on or after this ISO date (YYYY-MM-DD). */
  since?: string | undefined;
  /** …and before this one (exclusive). */
  until?: string | undefined;
  /** Only stories with at least this many articles. @default 2 */
  minSize?: number | undefined;
  /** @default 50 */
  limit?: number | undefined;
}

export interface StoryRow {
  /** The id of the story's first stored article. */
  storyId: number;
  size: number;
  /** Distinct outlets (source names) that ran the story, by name. */
  outlets: string[];
  /** Title of the story's first article. */
  title: string | null;
  /** Earliest and latest date (published, else fetched) of its articles. */
  firstAt: string;
  lastAt: string;
}

export interface StoryArticle {
  id: number;
  title: string | null;
  source: string;
  url: string;
  publishedAt: string | null;
  simhash: string | null;
  /** Bits that differ from the story's first article; null without fingerprints. */
  distance: number | null;
}

export interface TopEntitiesQuery {
  pipeline: string;
  type?: EntityType | undefined;
  since?: string | undefined;
  until?: string | undefined;
  source?: string | undefined;
  flaggedOnly: boolean;
  limit: number;
}

export interface TopEntityRow {
  canonical: string;
  type: EntityType;
  articles: number;
  mentions: number;
}

export interface ReviewQueueQuery {
  pipeline: string;
  limit: number;
  /** Include articles that already have a decision. */
  includeReviewed: boolean;
  label?: ReviewLabel | undefined;
}

export interface ReviewQueueRow {
  articleId: number;
  title: string | null;
  source: string;
  publishedAt: string | null;
  score: number;
  categories: string[];
  targets: string[];
  label: ReviewLabel | null;
}

export type { ReviewDecision };
