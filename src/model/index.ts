/**
 * Shared types that travel between the stages: crawl → extract → analyze → store → trends/review.
 * This module imports nothing from src/.
 */

export type { BlamingClaims, PipelineDef, PipelineTerm, PipelineCategory, PipelineTarget } from './pipeline.js';

/** One configured feed, as validated by src/config. */
export interface FeedSource {
  url: string;
  name: string;
  country?: string | undefined;
  language?: string | undefined;
  tags: string[];
}

/** One item of a parsed feed, with its link already resolved against the feed URL. */
export interface FeedItem {
  url: string;
  guid: string | null;
  title: string | null;
  /** ISO 8601 UTC, or null when the feed gives no usable date. */
  published: string | null;
  author: string | null;
  summary: string | null;
}

/** Where a metadata value came from, so a reviewer can judge it. */
export type MetaSource = 'feed' | 'json-ld' | 'meta' | 'og' | 'h1' | 'title' | 'time' | 'url' | 'text' | 'html' | 'detected' | 'byline';

/** What extract returns for a page that holds an article. */
export interface ExtractedArticle {
  title: string | null;
  /** Main text: paragraphs and headings separated by blank lines ("\n\n"). */
  text: string;
  author: string | null;
  /** ISO 8601 UTC. */
  published: string | null;
  modified: string | null;
  /** BCP 47 primary tag, e.g. "en", "ru". */
  lang: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  description: string | null;
  image: string | null;
  /** Set when the page marks its body as paid content: the text may be a teaser only. */
  isPaywalled?: boolean;
  /** For each metadata field that has a value, where it came from. */
  sources: Partial<Record<'title' | 'author' | 'published' | 'modified' | 'lang' | 'canonicalUrl' | 'siteName' | 'description' | 'image', MetaSource>>;
}

/** Ordinary outcomes are results, not exceptions. */
export type ExtractResult =
  | { kind: 'article'; article: ExtractedArticle }
  | { kind: 'skipped'; reason: string };

export type EntityType = 'person' | 'organization' | 'location' | 'other';
export type TextField = 'title' | 'text';

/** A named entity found in the title or the text; offsets are UTF-16 indexes into that field. */
export interface EntityMention {
  text: string;
  /** Normalized name shared by spelling variants ("Saint Petersburg" → "St. Petersburg"). */
  canonical: string;
  type: EntityType;
  field: TextField;
  start: number;
  end: number;
}

/** One lexicon hit, counted or not, with the evidence a reviewer needs. */
export interface TermMatch {
  /** "category" hits carry `category`; "target" hits carry `target`. */
  kind: 'category' | 'target';
  category: string | null;
  target: string | null;
  /** The lexicon term as written in the pipeline (its id for trends). */
  term: string;
  /** The matched surface text. */
  text: string;
  field: TextField;
  start: number;
  end: number;
  /** Index of the sentence in its field, and the sentence itself. */
  sentence: number;
  sentenceText: string;
  weight: number;
  negated: boolean;
  /** Who is quoted saying it, when the text says so. */
  quotedBy: string | null;
  /** Whether the hit contributes to the score. */
  counted: boolean;
  /** Why it counts or not, in words: "target `migrants` in the same sentence", "negated by `no`". */
  reason: string;
}

/** One line of the score breakdown. */
export interface ScoreComponent {
  category: string;
  term: string;
  field: TextField;
  weight: number;
  /** Multiplier applied (title weight, repetition damping…). */
  factor: number;
  points: number;
  note: string;
}

/** The analysis of one article under one pipeline. */
export interface Analysis {
  pipeline: string;
  pipelineVersion: string;
  /** Language the analysis ran on. */
  lang: string;
  flagged: boolean;
  score: number;
  threshold: number;
  categories: string[];
  targets: string[];
  entities: EntityMention[];
  matches: TermMatch[];
  breakdown: ScoreComponent[];
  /** Short human-readable reasons, strongest first. */
  reasons: string[];
}

/** Input to analysis. */
export interface AnalysisInput {
  title?: string | null;
  text: string;
  lang?: string | null;
}

export type ReviewLabel = 'confirmed' | 'dismissed' | 'followup';
export const REVIEW_LABELS: readonly ReviewLabel[] = ['confirmed', 'dismissed', 'followup'];

/** An append-only review decision. */
export interface ReviewDecision {
  articleId: number;
  label: ReviewLabel;
  note: string | null;
  reviewer: string | null;
  /** ISO 8601 UTC. */
  decidedAt: string;
}

/** Injected time source, so runs and tests agree on "now". */
export interface Clock {
  now(): Date;
}

/** The one stderr logger, created in src/cli and passed down. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/**
 * The label of a link to other stories, at the start of a block or line: "Read also:", "Related",
 * and their Russian counterparts. Extraction drops such blocks; analysis blanks such lines of a text.
 */
export const READ_ALSO_LABEL =
  /^(?:read|see|watch|listen)(?:\s+\w+)?\s+(?:also|more|next)\b|^(?:related|more on this|more from|recommended|also read|also on)\b|^(?:читайте|смотрите)\s+(?:также|еще|ещё)|^(?:по\s+теме|также\s+читайте|подробнее)\s*:/i;
