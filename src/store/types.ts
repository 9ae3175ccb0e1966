import type { Analysis, EntityType, ExtractedArticle, FeedSource, ReviewDecision, ReviewLabel, TermMatch } from '../model/index.js';

/** A feed as the store knows it: config fields plus fetch state. */
export interface FeedRecord extends FeedSource {
  id: number;
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
}

export interface TrendRow {
  bucket: string;
  count: number;
  /** All articles from the same sources in the bucket, for normalization. */
  total: number;
  /** Pipeline versions that produced the counted analyses. */
  versions: string[];
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
