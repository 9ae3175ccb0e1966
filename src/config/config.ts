import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import type { FeedSource } from '../model/index.js';
import { parseYaml } from './parse-yaml.js';
import { validateWith } from './zod-issues.js';

/**
 * config.yaml: every setting is declared once here, with its type, default and bounds.
 *
 * Precedence, highest first: command-line flag > environment (`XENOSCOPE_*`) > file > default.
 * Environment variables read here, and only here:
 * - `XENOSCOPE_CONFIG`: path of the config file (default `./config.yaml`).
 * - `XENOSCOPE_DATABASE`: database path, overrides `database`.
 * - `XENOSCOPE_USER_AGENT`: overrides `crawl.userAgent`.
 */

const httpUrl = z.string().refine((value) => isHttpUrl(value), { message: 'expected an http(s) URL' });

const feedSchema = z.strictObject({
  /** Feed address (RSS 2.0, RSS 1.0/RDF or Atom). */
  url: httpUrl,
  /** Outlet name shown in trends and review; also the `--source` filter value. */
  name: z.string().min(1),
  /** ISO 3166 country code of the outlet, e.g. `RU`, `KZ`. */
  country: z.string().min(2).max(3).optional(),
  /** Language the outlet writes in (BCP 47 primary tag), e.g. `en`, `ru`. */
  language: z.string().min(2).max(8).optional(),
  /** Free labels for grouping outlets. @default [] */
  tags: z.array(z.string().min(1)).default([]),
});

/** The adaptive per-feed schedule: how often each feed is fetched (see src/crawl/schedule.ts). */
const feedScheduleSchema = z.strictObject({
  /** Shortest interval between two fetches of one feed. @default 600 */
  minIntervalSecs: z.number().int().min(60).max(604_800).default(600),
  /** Longest interval between two fetches of a healthy feed. @default 86400 */
  maxIntervalSecs: z.number().int().min(60).max(2_592_000).default(86_400),
  /** Interval of a feed with no history yet. @default 3600 */
  initialIntervalSecs: z.number().int().min(60).max(604_800).default(3600),
  /** New items per fetch the interval aims at. @default 1.5 */
  targetNewItemsPerFetch: z.number().positive().max(1000).default(1.5),
  /** Fetches in a row without new items before the interval grows. @default 2 */
  quietFetchesBeforeLengthening: z.number().int().min(1).max(100).default(2),
  /** Factor a quiet feed's interval grows by. @default 1.5 */
  lengtheningFactor: z.number().min(1).max(10).default(1.5),
  /** Delay before retrying a failed feed; doubles with each further failure. @default 600 */
  failureRetrySecs: z.number().int().min(0).max(604_800).default(600),
  /** Cap of the doubling failure delay. @default 21600 */
  failureMaxDelaySecs: z.number().int().min(60).max(2_592_000).default(21_600),
  /** A feed failing for longer than this many days counts as dead (polled rarely, never dropped). @default 3 */
  deadAfterDays: z.number().min(0.1).max(365).default(3),
  /** How often a dead feed is still tried. @default 86400 */
  deadFeedIntervalSecs: z.number().int().min(600).max(2_592_000).default(86_400),
  /** Share of the delay added as per-feed jitter so feeds spread out. @default 0.1 */
  jitterRatio: z.number().min(0).max(1).default(0.1),
});

const crawlSchema = z.strictObject({
  /** Requests in flight at once, over all hosts. @default 8 */
  concurrency: z.number().int().min(1).max(64).default(8),
  /** Requests in flight at once to one host. @default 2 */
  perHostConcurrency: z.number().int().min(1).max(16).default(2),
  /** Deadline for one request: connect, headers and the whole body. @default 15000 */
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  /** Largest body accepted, in bytes. @default 5000000 */
  maxBodyBytes: z.number().int().min(1024).max(100_000_000).default(5_000_000),
  /** Redirects followed for one request; loops are detected before this. @default 5 */
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Extra attempts for a retryable failure (timeout, reset, 5xx, 429) within one run. @default 2 */
  retries: z.number().int().min(0).max(10).default(2),
  /** Base delay of the exponential backoff between attempts. @default 500 */
  retryBaseDelayMs: z.number().int().min(0).max(60_000).default(500),
  /** Sent with every request; include a contact URL so outlets can reach you. */
  userAgent: z.string().min(1).default('xenoscope/0.1 (+https://github.com/xenoscope/xenoscope)'),
  /** Least time between two requests to one site (registrable domain); a robots.txt Crawl-delay can raise it. @default 1000 */
  minDelayMs: z.number().int().min(0).max(120_000).default(1000),
  /** Honour robots.txt (allow/deny and Crawl-delay). @default true */
  respectRobotsTxt: z.boolean().default(true),
  /** Longest Crawl-delay honoured, in seconds; a larger one is capped. @default 60 */
  maxCrawlDelaySecs: z.number().int().min(0).max(3600).default(60),
  /** Fetch loopback and private addresses. Off for real crawls; the local fixture site needs it. @default false */
  allowPrivateAddresses: z.boolean().default(false),
  /** The adaptive schedule of feed fetches. */
  schedule: feedScheduleSchema.prefault({}),
  /** Most article pages fetched per feed in one run (newest first). @default 200 */
  maxItemsPerFeed: z.number().int().min(1).max(10_000).default(200),
});

const scheduleSchema = z.strictObject({
  /** Cron expression for `xenoscope schedule` (minute hour day month weekday). @default "*\/30 * * * *" */
  cron: z.string().min(1).refine(isCronExpression, { message: 'expected a cron expression such as "*/30 * * * *"' }).default('*/30 * * * *'),
  /** Time zone the cron expression is read in (IANA name). @default UTC */
  timezone: z.string().min(1).refine(isTimeZone, { message: 'expected an IANA time zone such as "UTC" or "Europe/Moscow"' }).default('UTC'),
});

const configSchema = z.strictObject({
  /** SQLite database file, relative to the config file. @default ./data/xenoscope.db */
  database: z.string().min(1).default('./data/xenoscope.db'),
  /** Pipelines run on every new article: names in `pipelines/` or paths to YAML files. @default [xenophobia] */
  pipelines: z.array(z.string().min(1)).min(1).default(['xenophobia']),
  crawl: crawlSchema.prefault({}),
  /** The built-in scheduler (`xenoscope schedule`), for those who don't use system cron. */
  schedule: scheduleSchema.prefault({}),
  feeds: z.array(feedSchema).default([]),
});

export type CrawlSettings = z.infer<typeof crawlSchema>;
export type ScheduleSettings = z.infer<typeof scheduleSchema>;

/** The validated, frozen configuration passed down from the CLI. */
export interface Config {
  /** Absolute path of the file it came from, or null for defaults only. */
  file: string | null;
  /** Absolute database path. */
  database: string;
  pipelines: string[];
  crawl: CrawlSettings;
  schedule: ScheduleSettings;
  feeds: FeedSource[];
}

export interface LoadConfigOptions {
  /** `--config FILE`; falls back to `XENOSCOPE_CONFIG`, then `./config.yaml`. */
  file?: string | undefined;
  /** `--db FILE`, highest precedence. */
  database?: string | undefined;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Loads config.yaml:
 * 1. Pick the file (flag > env > ./config.yaml); a missing default file means defaults, a missing named file is an error.
 * 2. Parse YAML, reporting syntax errors with line and column.
 * 3. Validate with the schema, reporting every problem with its key path, plus cross-field rules.
 * 4. Apply env and flag overrides, resolve paths against the config file's folder, freeze.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const named = options.file ?? env.XENOSCOPE_CONFIG;
  const file = resolve(cwd, named ?? 'config.yaml');
  let source: string | null = null;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    if (named !== undefined || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(file, [{ path: '', message: `cannot read the config file (${(error as Error).message})` }], { cause: error });
    }
  }
  const raw = source === null ? {} : parseYaml(source, file);
  const config = validateConfig(raw, file);
  const baseDir = source === null ? cwd : dirname(file);
  const database = options.database ?? env.XENOSCOPE_DATABASE ?? config.database;
  const userAgent = env.XENOSCOPE_USER_AGENT ?? config.crawl.userAgent;
  return deepFreeze({
    file: source === null ? null : file,
    database: database === ':memory:' ? database : isAbsolute(database) ? database : resolve(options.database ? cwd : baseDir, database),
    pipelines: config.pipelines,
    crawl: { ...config.crawl, userAgent },
    schedule: config.schedule,
    feeds: config.feeds.map((f) => ({ ...f, tags: f.tags })),
  });
}

/** Validates an already-parsed config document; `file` names it in messages. */
export function validateConfig(raw: unknown, file: string): z.infer<typeof configSchema> {
  const result = validateWith(configSchema, raw ?? {});
  if (!result.success) throw new ConfigError(file, result.issues);
  const issues = crossFieldIssues(result.data);
  if (issues.length > 0) throw new ConfigError(file, issues);
  return result.data;
}

function crossFieldIssues(config: z.infer<typeof configSchema>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const fs = config.crawl.schedule;
  if (fs.minIntervalSecs > fs.maxIntervalSecs) {
    issues.push({ path: 'crawl.schedule.minIntervalSecs', message: `expected at most crawl.schedule.maxIntervalSecs (${fs.maxIntervalSecs}), received \`${fs.minIntervalSecs}\`` });
  }
  if (config.crawl.perHostConcurrency > config.crawl.concurrency) {
    issues.push({
      path: 'crawl.perHostConcurrency',
      message: `expected at most crawl.concurrency (${config.crawl.concurrency}), received \`${config.crawl.perHostConcurrency}\``,
    });
  }
  const seenUrls = new Map<string, number>();
  const seenNames = new Map<string, number>();
  config.feeds.forEach((feed, i) => {
    const first = seenUrls.get(feed.url);
    if (first !== undefined) issues.push({ path: `feeds[${i}].url`, message: `expected a URL not listed before, received \`${feed.url}\`, already feeds[${first}].url` });
    else seenUrls.set(feed.url, i);
    const firstName = seenNames.get(feed.name);
    if (firstName !== undefined) issues.push({ path: `feeds[${i}].name`, message: `expected a unique outlet name, received \`${feed.name}\`, already feeds[${firstName}].name` });
    else seenNames.set(feed.name, i);
  });
  return issues;
}

function isCronExpression(value: string): boolean {
  try {
    new Cron(value, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
