import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { Analysis, EntityType, FeedSource, ReviewDecision, ReviewLabel } from '../model/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { fingerprintBands, fingerprintDistance, isFingerprint, STORY_MAX_DISTANCE, STORY_WINDOW_DAYS } from './story-bands.js';
import type {
  AddFeedResult,
  AnalysisRecord,
  ArticleRecord,
  FeedFetchResult,
  FeedHealthOptions,
  FeedHealthRow,
  FeedOrigin,
  FeedRecord,
  FeedSchedule,
  FeedStatus,
  FetchLogEntry,
  NewArticle,
  NewFeed,
  ReviewQueueQuery,
  ReviewQueueRow,
  SaveResult,
  StoredAnalysis,
  StoryArticle,
  StoryListQuery,
  StoryOptions,
  StoryReassignResult,
  StoryRow,
  TopEntitiesQuery,
  TopEntityRow,
  TrendQuery,
  TrendRow,
} from './types.js';

type Db = Database.Database;
type Row = Record<string, unknown>;

export interface OpenStoreOptions {
  /** Apply pending migrations to an existing database (what `xenoscope db migrate` does). @default false */
  migrate?: boolean;
  readonly?: boolean;
}

/** SQL expression for the date an article counts on: its publication date, else when we fetched it. */
const ARTICLE_DATE = 'COALESCE(a.published_at, a.fetched_at)';

const BUCKET_SQL = {
  day: `date(${ARTICLE_DATE})`,
  // The Monday on or before the date.
  week: `date(${ARTICLE_DATE}, '-6 days', 'weekday 1')`,
  month: `strftime('%Y-%m-01', ${ARTICLE_DATE})`,
} as const;

/** What a trend counts per bucket: rows, or distinct stories (an article stored before stories is its own). */
const COUNT_SQL = {
  articles: 'COUNT(*)',
  stories: 'COUNT(DISTINCT COALESCE(a.story_id, a.id))',
} as const;

/**
 * Opens (and on first use creates) the database:
 * 1. Open the file, creating its folder; WAL journal, foreign keys, a busy timeout for a concurrent reader.
 * 2. A new, empty database gets every migration; an older schema stops with a hint to run `xenoscope db migrate`
 *    unless `migrate` is set; a newer schema stops with a hint to upgrade xenoscope.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: options.readonly ?? false });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new StoreError('STORE_OPEN', `cannot open the database ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    migrate(db, path, options.migrate ?? false);
  } catch (error) {
    db.close();
    throw error;
  }
  return new Store(db, path);
}

function migrate(db: Db, path: string, allowUpgrade: boolean): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StoreError('SCHEMA_TOO_NEW', `the database ${path} has schema version ${current}, newer than this xenoscope understands (${SCHEMA_VERSION}); upgrade xenoscope`);
  }
  if (current === SCHEMA_VERSION) return 0;
  const isEmpty = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n === 0;
  if (!isEmpty && !allowUpgrade) {
    throw new StoreError('SCHEMA_OLD', `the database ${path} has schema version ${current}, this xenoscope needs ${SCHEMA_VERSION}; run \`xenoscope db migrate\` (back up the file first)`);
  }
  let applied = 0;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied++;
  }
  return applied;
}

/**
 * WHERE clauses built from optional filters: each clause is added only when its value is given, and the
 * value travels as a named, bound parameter.
 */
class Filters {
  readonly clauses: string[] = [];
  readonly params: Record<string, unknown>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = { ...params };
  }

  /** Adds `clause` always. */
  always(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** Adds `clause` with `@name` bound to `value` when `value` is given. */
  when(name: string, value: unknown, clause: string): this {
    if (value === undefined || value === null || value === '' || value === false) return this;
    this.clauses.push(clause);
    if (value !== true) this.params[name] = value;
    return this;
  }

  sql(joiner = ' AND '): string {
    return this.clauses.join(joiner);
  }
}

/**
 * The only module that speaks SQL. Every write runs in one synchronous transaction, never across an
 * await, so a killed process leaves either the whole article or none of it.
 */
export class Store {
  readonly path: string;
  #db: Db;
  #statements = new Map<string, Database.Statement>();

  constructor(db: Db, path: string) {
    this.#db = db;
    this.path = path;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  #stmt(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #write<T>(fn: () => T): T {
    try {
      return this.#db.transaction(fn)();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('STORE_WRITE', `database write failed: ${(error as Error).message}`, { cause: error });
    }
  }

  // ── feeds ────────────────────────────────────────────────────────────────

  /** Adds configured feeds that are new and refreshes name/country/language/tags of known ones. */
  syncFeeds(feeds: readonly FeedSource[], at: string): void {
    const upsert = this.#stmt(`INSERT INTO feeds (url, name, country, language, tags, added_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(url) DO UPDATE SET name = excluded.name, country = excluded.country, language = excluded.language, tags = excluded.tags`);
    this.#write(() => {
      for (const f of feeds) upsert.run(f.url, f.name, f.country ?? null, f.language ?? null, JSON.stringify(f.tags), at);
    });
  }

  listFeeds(): FeedRecord[] {
    const rows = this.#stmt(`SELECT f.*, (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) AS article_count FROM feeds f ORDER BY f.name`).all() as Row[];
    return rows.map(toFeedRecord);
  }

  getFeed(url: string): FeedRecord | null {
    const row = this.#stmt(`SELECT f.*, (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) AS article_count FROM feeds f WHERE f.url = ?`).get(url) as Row | undefined;
    return row ? toFeedRecord(row) : null;
  }

  /** Updates a feed's fetch state after one attempt. */
  recordFeedFetch(feedId: number, result: FeedFetchResult): void {
    this.#write(() => {
      const ok = result.outcome === 'ok' || result.outcome === 'not_modified';
      this.#stmt(`UPDATE feeds SET
          last_fetched_at = @at,
          last_status = @outcome,
          last_error = @error,
          last_success_at = CASE WHEN @ok THEN @at ELSE last_success_at END,
          last_new_item_at = CASE WHEN @newItems > 0 THEN @at ELSE last_new_item_at END,
          consecutive_failures = CASE WHEN @ok THEN 0 ELSE consecutive_failures + 1 END,
          etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
          last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END,
          body_hash = COALESCE(@bodyHash, body_hash),
          items_seen = items_seen + @itemsSeen,
          items_new = items_new + @newItems
        WHERE id = @feedId`).run({
        at: result.at,
        outcome: result.outcome,
        error: result.error,
        ok: ok ? 1 : 0,
        newItems: result.newItems ?? 0,
        hasValidators: result.outcome === 'ok' ? 1 : 0,
        etag: result.etag ?? null,
        lastModified: result.lastModified ?? null,
        bodyHash: result.bodyHash ?? null,
        itemsSeen: result.itemsSeen ?? 0,
        feedId,
      });
    });
  }

  /**
   * The feeds a crawl uses: every feed in config.yaml plus the enabled feeds added with `feeds add` or
   * `feeds import`. Config wins on conflicts: a config URL reads with the config's name, country, language and
   * tags, and a stored feed whose name a config feed also uses is left out (outlet names are unique). Disabled
   * feeds are left out. Call `syncFeeds` first so every config feed has a row.
   */
  activeFeeds(configFeeds: readonly FeedSource[]): FeedRecord[] {
    return selectActive(this.listFeeds(), configFeeds);
  }

  /**
   * Feeds due for a fetch at `now`: never scheduled, or `next_due_at` ≤ now; never disabled ones. Longest
   * overdue first. With `configFeeds`, only the active feeds (see `activeFeeds`).
   */
  dueFeeds(now: string, configFeeds?: readonly FeedSource[]): FeedRecord[] {
    const rows = this.#stmt(`SELECT f.*, (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) AS article_count FROM feeds f
      WHERE f.disabled = 0 AND (f.next_due_at IS NULL OR f.next_due_at <= ?) ORDER BY f.next_due_at IS NOT NULL, f.next_due_at, f.name`).all(now) as Row[];
    const due = rows.map(toFeedRecord);
    return configFeeds ? selectActive(due, configFeeds) : due;
  }

  /** Stores the next due time and the learned interval of a feed (a `PlannedFetch` from src/crawl fits). */
  setFeedSchedule(feedId: number, schedule: FeedSchedule): void {
    this.#write(() => {
      this.#stmt(`UPDATE feeds SET next_due_at = @nextDueAt, interval_secs = @intervalSecs,
          quiet_fetches = COALESCE(@quietFetches, quiet_fetches), schedule_reason = COALESCE(@reason, schedule_reason) WHERE id = @feedId`).run({
        feedId,
        nextDueAt: schedule.nextDueAt,
        intervalSecs: Math.round(schedule.intervalSecs),
        quietFetches: schedule.quietFetches ?? null,
        reason: schedule.reason ?? null,
      });
    });
  }

  /**
   * Adds a feed from the command line or an OPML file. A URL already stored is left as it is (`exists`); a name
   * another feed uses is refused (`name_taken`), as config.yaml refuses it.
   */
  addFeed(feed: NewFeed, at: string): AddFeedResult {
    return this.#write((): AddFeedResult => {
      const existing = this.getFeed(feed.url);
      if (existing) return { kind: 'exists', feed: existing };
      const sameName = this.#stmt(`SELECT url FROM feeds WHERE name = ? COLLATE NOCASE LIMIT 1`).get(feed.name) as { url: string } | undefined;
      if (sameName) return { kind: 'name_taken', feed: this.getFeed(sameName.url)! };
      this.#stmt(`INSERT INTO feeds (url, name, country, language, tags, added_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        feed.url,
        feed.name,
        feed.country ?? null,
        feed.language ?? null,
        JSON.stringify(feed.tags),
        at,
        feed.source,
      );
      return { kind: 'added', feed: this.getFeed(feed.url)! };
    });
  }

  /**
   * Removes a feed. Its articles stay, with their outlet name (`source`), analyses and review decisions; they and
   * the fetch log just lose the link to the feed row. Returns the removed feed, or null when the URL is unknown.
   */
  removeFeed(url: string): { feed: FeedRecord; articlesKept: number } | null {
    return this.#write(() => {
      const feed = this.getFeed(url);
      if (!feed) return null;
      this.#stmt(`UPDATE articles SET feed_id = NULL WHERE feed_id = ?`).run(feed.id);
      this.#stmt(`UPDATE fetch_log SET feed_id = NULL WHERE feed_id = ?`).run(feed.id);
      this.#stmt(`DELETE FROM feeds WHERE id = ?`).run(feed.id);
      return { feed, articlesKept: feed.articleCount };
    });
  }

  /**
   * Gives failing feeds a fresh start: failures reset to 0 and due at once (the schedule's backoff starts over).
   * One URL, or with `all` every feed that has failures. Returns the number of feeds revived.
   */
  reviveFeed(which: { url: string } | { all: true }): number {
    return this.#write(() => {
      if ('url' in which) return this.#stmt(`UPDATE feeds SET consecutive_failures = 0, next_due_at = NULL WHERE url = ?`).run(which.url).changes;
      return this.#stmt(`UPDATE feeds SET consecutive_failures = 0, next_due_at = NULL WHERE consecutive_failures > 0`).run().changes;
    });
  }

  /** Disables (or enables again) a feed: a disabled feed keeps its history but is never due. Returns false for an unknown URL. */
  setFeedDisabled(url: string, disabled: boolean): boolean {
    return this.#write(() => this.#stmt(`UPDATE feeds SET disabled = ? WHERE url = ?`).run(disabled ? 1 : 0, url).changes > 0);
  }

  /**
   * Health of each feed at `now`, by name: status (see `FeedStatus`), last success, last new item, failures in a
   * row, stored articles per day over the last 7 and 30 days (dated by publication, else by fetch; future dates
   * left out), the share of duplicate pages in the fetch log over 30 days, and the schedule.
   */
  feedHealth(now: string, options: FeedHealthOptions = {}): FeedHealthRow[] {
    const nowMs = Date.parse(now);
    const since = (days: number) => new Date(nowMs - days * DAY_MS).toISOString();
    const rows = this.#stmt(`SELECT f.*,
        (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) AS article_count,
        (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id AND ${ARTICLE_DATE} >= @since7 AND ${ARTICLE_DATE} <= @now) AS articles7,
        (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id AND ${ARTICLE_DATE} >= @since30 AND ${ARTICLE_DATE} <= @now) AS articles30,
        (SELECT COUNT(*) FROM fetch_log l WHERE l.feed_id = f.id AND l.kind = 'page' AND l.outcome = 'ok' AND l.fetched_at >= @since30) AS pages30,
        (SELECT COUNT(*) FROM fetch_log l WHERE l.feed_id = f.id AND l.kind = 'page' AND l.outcome = 'ok' AND l.fetched_at >= @since30
          AND (l.error_code = 'DUPLICATE' OR l.error LIKE 'duplicate of article %')) AS duplicates30
      FROM feeds f ORDER BY f.name`).all({ now, since7: since(7), since30: since(30) }) as Row[];
    const configured = options.configFeeds ? new Set(selectActive(rows.map(toFeedRecord), options.configFeeds).map((f) => f.url)) : null;
    const failingAfterMs = (options.failingAfterHours ?? 24) * 3_600_000;
    const deadAfterMs = (options.deadAfterDays ?? 3) * DAY_MS;
    return rows
      .filter((r) => configured === null || configured.has(r.url as string))
      .map((r) => {
        const feed = toFeedRecord(r);
        const pages = r.pages30 as number;
        const status = feedStatus(feed, nowMs, failingAfterMs, deadAfterMs);
        return {
          id: feed.id,
          url: feed.url,
          name: feed.name,
          source: feed.source,
          status,
          isFailing: status === 'failing' || status === 'dead',
          lastFetchedAt: feed.lastFetchedAt,
          lastSuccessAt: feed.lastSuccessAt,
          lastNewItemAt: feed.lastNewItemAt,
          consecutiveFailures: feed.consecutiveFailures,
          lastError: feed.lastError,
          itemsPerDay7: round2((r.articles7 as number) / 7),
          itemsPerDay30: round2((r.articles30 as number) / 30),
          duplicateShare: pages > 0 ? round2((r.duplicates30 as number) / pages) : null,
          pagesFetched30: pages,
          nextDueAt: feed.nextDueAt,
          intervalSecs: feed.intervalSecs,
          scheduleReason: feed.scheduleReason,
          articleCount: feed.articleCount,
        };
      });
  }

  // ── runs and the fetch log ───────────────────────────────────────────────

  startRun(at: string): number {
    return this.#write(() => Number(this.#stmt(`INSERT INTO crawl_runs (started_at, status) VALUES (?, 'running')`).run(at).lastInsertRowid));
  }

  /** Marks runs left 'running' by a killed process as interrupted; call while holding the run lock. */
  closeAbandonedRuns(at: string): number {
    return this.#write(() => this.#stmt(`UPDATE crawl_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'`).run(at).changes);
  }

  finishRun(runId: number, status: 'finished' | 'interrupted' | 'failed', summary: unknown, at: string): void {
    this.#write(() => {
      this.#stmt(`UPDATE crawl_runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?`).run(at, status, JSON.stringify(summary), runId);
    });
  }

  logFetch(entry: FetchLogEntry): void {
    this.#write(() => {
      this.#stmt(`INSERT INTO fetch_log (run_id, feed_id, url, kind, outcome, http_status, error_code, error, duration_ms, fetched_at)
        VALUES (@runId, @feedId, @url, @kind, @outcome, @httpStatus, @errorCode, @error, @durationMs, @fetchedAt)`).run(entry);
    });
  }

  /** Fetch log rows of one run (or the latest run), failures first. */
  fetchLog(runId: number): FetchLogEntry[] {
    const rows = this.#stmt(`SELECT * FROM fetch_log WHERE run_id = ? ORDER BY outcome = 'ok', id`).all(runId) as Row[];
    return rows.map((r) => ({
      runId: r.run_id as number | null,
      feedId: r.feed_id as number | null,
      url: r.url as string,
      kind: r.kind as 'feed' | 'page',
      outcome: r.outcome as FetchLogEntry['outcome'],
      httpStatus: r.http_status as number | null,
      errorCode: r.error_code as string | null,
      error: r.error as string | null,
      durationMs: r.duration_ms as number | null,
      fetchedAt: r.fetched_at as string,
    }));
  }

  // ── articles ─────────────────────────────────────────────────────────────

  /** Which of these normalized URLs are stored already (as URL or canonical URL). */
  knownUrls(urls: readonly string[]): Set<string> {
    const known = new Set<string>();
    const byUrl = this.#stmt(`SELECT 1 FROM articles WHERE url = ? OR canonical_url = ? LIMIT 1`);
    for (const url of urls) if (byUrl.get(url, url)) known.add(url);
    return known;
  }

  /**
   * Stores an article and its analyses in one transaction. A duplicate (same URL, same canonical URL, or the
   * same title hash from the same outlet) is not stored again. With a story fingerprint (`simhash`) the article
   * joins the story of the nearest earlier article within `STORY_MAX_DISTANCE` bits and `windowDays` days, or
   * starts one; see `reassignStories`.
   */
  saveArticle(input: NewArticle, analyses: readonly StoredAnalysis[], storyOptions: StoryOptions = {}): SaveResult {
    return this.#write((): SaveResult => {
      const a = input.article;
      const sameUrl = this.#stmt(`SELECT id FROM articles WHERE url = ? OR canonical_url = ? OR url = ? LIMIT 1`).get(
        input.url,
        input.url,
        a.canonicalUrl ?? input.url,
      ) as { id: number } | undefined;
      if (sameUrl) return { kind: 'duplicate', id: sameUrl.id, reason: 'url' };
      if (a.canonicalUrl) {
        const sameCanonical = this.#stmt(`SELECT id FROM articles WHERE canonical_url = ? LIMIT 1`).get(a.canonicalUrl) as { id: number } | undefined;
        if (sameCanonical) return { kind: 'duplicate', id: sameCanonical.id, reason: 'canonical url' };
      }
      if (input.titleHash) {
        const sameTitle = this.#stmt(`SELECT id FROM articles WHERE source = ? AND title_hash = ? LIMIT 1`).get(input.source, input.titleHash) as { id: number } | undefined;
        if (sameTitle) return { kind: 'duplicate', id: sameTitle.id, reason: 'same title from the same outlet' };
      }
      const id = Number(
        this.#stmt(`INSERT INTO articles (url, canonical_url, feed_id, source, guid, title, title_hash, author, published_at, fetched_at, lang,
            description, site_name, text, extractor_version, meta_sources)
          VALUES (@url, @canonicalUrl, @feedId, @source, @guid, @title, @titleHash, @author, @published, @fetchedAt, @lang,
            @description, @siteName, @text, @extractorVersion, @metaSources)`).run({
          url: input.url,
          canonicalUrl: a.canonicalUrl,
          feedId: input.feedId,
          source: input.source,
          guid: input.guid,
          title: a.title,
          titleHash: input.titleHash,
          author: a.author,
          published: a.published,
          fetchedAt: input.fetchedAt,
          lang: a.lang,
          description: a.description,
          siteName: a.siteName,
          text: a.text,
          extractorVersion: input.extractorVersion,
          metaSources: JSON.stringify(a.sources),
        }).lastInsertRowid,
      );
      this.#setSimhash(id, input.simhash ?? null);
      this.#assignStory(id, storyOptions);
      for (const stored of analyses) this.#insertAnalysis(id, stored);
      return { kind: 'stored', id };
    });
  }

  // ── stories ──────────────────────────────────────────────────────────────

  /**
   * Stores (or clears, with null) an article's story fingerprint and its bands. Its story id is left as it is:
   * call `reassignStories` after refreshing fingerprints. Returns false for an unknown id.
   */
  setSimhash(articleId: number, simhash: string | null): boolean {
    return this.#write(() => this.#setSimhash(articleId, simhash));
  }

  /** `setSimhash` for a batch, in one transaction. Returns how many articles were found. */
  setSimhashes(entries: readonly { id: number; simhash: string | null }[]): number {
    return this.#write(() => entries.filter((e) => this.#setSimhash(e.id, e.simhash)).length);
  }

  /**
   * Recomputes every story id, in storage order, exactly as `saveArticle` assigned them one by one:
   * 1. Clear the story ids.
   * 2. For each article by id: without a fingerprint it is a story of its own; otherwise it joins the story of the
   *    nearest earlier article (fewest differing bits, then lowest id) that shares a band, is dated within
   *    `windowDays` days and is within `STORY_MAX_DISTANCE` bits; else it starts a story.
   * One transaction: readers see the old stories or the new ones.
   */
  reassignStories(options: StoryOptions = {}): StoryReassignResult {
    return this.#write(() => {
      this.#stmt(`UPDATE articles SET story_id = NULL`).run();
      const ids = this.#stmt(`SELECT id FROM articles ORDER BY id`).pluck().all() as number[];
      for (const id of ids) this.#assignStory(id, options);
      const counts = this.#stmt(`SELECT COUNT(*) AS stories, COALESCE(SUM(n > 1), 0) AS multi FROM (SELECT COUNT(*) AS n FROM articles GROUP BY story_id)`).get() as {
        stories: number;
        multi: number;
      };
      return { articles: ids.length, stories: counts.stories, multiArticle: counts.multi };
    });
  }

  /**
   * Stories, newest first: id, size, outlets, first title and date range. `minSize` (default 2) leaves out
   * articles that are a story of their own.
   */
  listStories(q: StoryListQuery = {}): StoryRow[] {
    const having: string[] = ['COUNT(*) >= @minSize'];
    const params: Record<string, unknown> = { minSize: q.minSize ?? 2, limit: q.limit ?? 50 };
    if (q.since) {
      having.push('MIN(d) >= @since');
      params.since = q.since;
    }
    if (q.until) {
      having.push('MIN(d) < @until');
      params.until = q.until;
    }
    const sql = `WITH s AS (SELECT COALESCE(a.story_id, a.id) AS story_id, a.source, ${ARTICLE_DATE} AS d FROM articles a)
      SELECT s.story_id, COUNT(*) AS size, group_concat(DISTINCT s.source) AS outlets, MIN(s.d) AS first_at, MAX(s.d) AS last_at, f.title
      FROM s LEFT JOIN articles f ON f.id = s.story_id
      GROUP BY s.story_id HAVING ${having.join(' AND ')}
      ORDER BY first_at DESC, s.story_id LIMIT @limit`;
    return (this.#db.prepare(sql).all(params) as Row[]).map((r) => ({
      storyId: r.story_id as number,
      size: r.size as number,
      outlets: String(r.outlets ?? '')
        .split(',')
        .filter(Boolean)
        .sort((x, y) => x.localeCompare(y)),
      title: r.title as string | null,
      firstAt: r.first_at as string,
      lastAt: r.last_at as string,
    }));
  }

  /** The articles of one story, oldest first, with each one's distance from the first; empty for an unknown id. */
  storyArticles(storyId: number): StoryArticle[] {
    const rows = this.#stmt(`SELECT a.id, a.title, a.source, a.url, a.published_at, a.simhash FROM articles a
      WHERE a.story_id = @storyId OR (a.story_id IS NULL AND a.id = @storyId) ORDER BY ${ARTICLE_DATE}, a.id`).all({ storyId }) as Row[];
    const first = (rows.find((r) => r.id === storyId)?.simhash as string | null | undefined) ?? null;
    return rows.map((r) => {
      const simhash = r.simhash as string | null;
      return {
        id: r.id as number,
        title: r.title as string | null,
        source: r.source as string,
        url: r.url as string,
        publishedAt: r.published_at as string | null,
        simhash,
        distance: first !== null && simhash !== null ? fingerprintDistance(first, simhash) : null,
      };
    });
  }

  #setSimhash(articleId: number, simhash: string | null): boolean {
    if (simhash !== null && !isFingerprint(simhash)) {
      throw new StoreError('BAD_FINGERPRINT', `story fingerprint of article ${articleId}: expected 16 lower-case hex digits, received \`${simhash}\``);
    }
    const changed = this.#stmt(`UPDATE articles SET simhash = ? WHERE id = ?`).run(simhash, articleId).changes > 0;
    this.#stmt(`DELETE FROM story_bands WHERE article_id = ?`).run(articleId);
    if (!changed || simhash === null) return changed;
    const insert = this.#stmt(`INSERT INTO story_bands (band, value, day, article_id) VALUES (?, ?, (SELECT date(${ARTICLE_DATE}) FROM articles a WHERE a.id = ?), ?)`);
    fingerprintBands(simhash).forEach((value, band) => insert.run(band, value, articleId, articleId));
    return true;
  }

  /** Gives one article its story id from earlier articles; see `reassignStories`. Runs inside a write. */
  #assignStory(articleId: number, options: StoryOptions): void {
    const windowDays = options.windowDays ?? STORY_WINDOW_DAYS;
    if (!Number.isInteger(windowDays) || windowDays < 0) throw new StoreError('BAD_OPTION', `story windowDays: expected a whole number ≥ 0, received ${windowDays}`);
    const self = this.#stmt(`SELECT a.simhash, date(${ARTICLE_DATE}, @before) AS low, date(${ARTICLE_DATE}, @after) AS high FROM articles a WHERE a.id = @id`).get({
      id: articleId,
      before: `-${windowDays} days`,
      after: `+${windowDays} days`,
    }) as { simhash: string | null; low: string | null; high: string | null } | undefined;
    if (!self) return;
    let best: { id: number; storyId: number; distance: number } | null = null;
    if (self.simhash !== null && self.low !== null && self.high !== null) {
      const candidates = this.#stmt(`SELECT a.id, a.simhash, COALESCE(a.story_id, a.id) AS story_id FROM story_bands b JOIN articles a ON a.id = b.article_id
        WHERE b.band = @band AND b.value = @value AND b.day BETWEEN @low AND @high AND b.article_id < @id`);
      const seen = new Set<number>();
      const bands = fingerprintBands(self.simhash);
      for (let band = 0; band < bands.length; band++) {
        for (const c of candidates.all({ band, value: bands[band], low: self.low, high: self.high, id: articleId }) as { id: number; simhash: string; story_id: number }[]) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          const distance = fingerprintDistance(self.simhash, c.simhash);
          if (distance > STORY_MAX_DISTANCE) continue;
          if (best === null || distance < best.distance || (distance === best.distance && c.id < best.id)) best = { id: c.id, storyId: c.story_id, distance };
        }
      }
    }
    this.#stmt(`UPDATE articles SET story_id = ? WHERE id = ?`).run(best?.storyId ?? articleId, articleId);
  }

  /** Replaces the current analysis of an article under the same pipeline; earlier ones are kept as history. */
  saveAnalysis(articleId: number, stored: StoredAnalysis): number {
    return this.#write(() => this.#insertAnalysis(articleId, stored));
  }

  #insertAnalysis(articleId: number, { analysis, analyzerVersion, analyzedAt }: StoredAnalysis): number {
    this.#stmt(`UPDATE analyses SET is_current = 0 WHERE article_id = ? AND pipeline = ? AND is_current = 1`).run(articleId, analysis.pipeline);
    const analysisId = Number(
      this.#stmt(`INSERT INTO analyses (article_id, pipeline, pipeline_version, analyzer_version, analyzed_at, lang, flagged, score, threshold, reasons, breakdown)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        articleId,
        analysis.pipeline,
        analysis.pipelineVersion,
        analyzerVersion,
        analyzedAt,
        analysis.lang,
        analysis.flagged ? 1 : 0,
        analysis.score,
        analysis.threshold,
        JSON.stringify(analysis.reasons),
        JSON.stringify(analysis.breakdown),
      ).lastInsertRowid,
    );
    const category = this.#stmt(`INSERT OR IGNORE INTO analysis_categories (analysis_id, category) VALUES (?, ?)`);
    for (const c of analysis.categories) category.run(analysisId, c);
    const target = this.#stmt(`INSERT OR IGNORE INTO analysis_targets (analysis_id, target) VALUES (?, ?)`);
    for (const t of analysis.targets) target.run(analysisId, t);
    const match = this.#stmt(`INSERT INTO matches (analysis_id, kind, category, target, term, text, field, start, end, sentence, sentence_text, weight, negated, quoted_by, counted, reason)
      VALUES (@analysisId, @kind, @category, @target, @term, @text, @field, @start, @end, @sentence, @sentenceText, @weight, @negated, @quotedBy, @counted, @reason)`);
    for (const m of analysis.matches) {
      match.run({ ...m, analysisId, negated: m.negated ? 1 : 0, counted: m.counted ? 1 : 0 });
    }
    const entity = this.#stmt(`INSERT INTO entities (analysis_id, canonical, type, text, field, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (const e of analysis.entities) entity.run(analysisId, e.canonical, e.type, e.text, e.field, e.start, e.end);
    return analysisId;
  }

  getArticle(id: number): ArticleRecord | null {
    const r = this.#stmt(`SELECT * FROM articles WHERE id = ?`).get(id) as Row | undefined;
    return r ? toArticleRecord(r) : null;
  }

  /** Article ids in storage order, for reanalysis in batches. */
  articleIds(afterId: number, limit: number): number[] {
    return (this.#stmt(`SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?`).all(afterId, limit) as { id: number }[]).map((r) => r.id);
  }

  countArticles(): number {
    return (this.#stmt(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n;
  }

  /** The current analysis of an article under a pipeline, with its matches and entities. */
  getAnalysis(articleId: number, pipeline: string): AnalysisRecord | null {
    const r = this.#stmt(`SELECT * FROM analyses WHERE article_id = ? AND pipeline = ? AND is_current = 1`).get(articleId, pipeline) as Row | undefined;
    if (!r) return null;
    const analysisId = r.id as number;
    const categories = (this.#stmt(`SELECT category FROM analysis_categories WHERE analysis_id = ? ORDER BY category`).all(analysisId) as { category: string }[]).map((x) => x.category);
    const targets = (this.#stmt(`SELECT target FROM analysis_targets WHERE analysis_id = ? ORDER BY target`).all(analysisId) as { target: string }[]).map((x) => x.target);
    const matches = (this.#stmt(`SELECT * FROM matches WHERE analysis_id = ? ORDER BY field DESC, start`).all(analysisId) as Row[]).map((m) => ({
      kind: m.kind as 'category' | 'target',
      category: m.category as string | null,
      target: m.target as string | null,
      term: m.term as string,
      text: m.text as string,
      field: m.field as 'title' | 'text',
      start: m.start as number,
      end: m.end as number,
      sentence: m.sentence as number,
      sentenceText: m.sentence_text as string,
      weight: m.weight as number,
      negated: m.negated === 1,
      quotedBy: m.quoted_by as string | null,
      counted: m.counted === 1,
      reason: m.reason as string,
    }));
    const entities = (this.#stmt(`SELECT * FROM entities WHERE analysis_id = ? ORDER BY field DESC, start`).all(analysisId) as Row[]).map((e) => ({
      text: e.text as string,
      canonical: e.canonical as string,
      type: e.type as EntityType,
      field: e.field as 'title' | 'text',
      start: e.start as number,
      end: e.end as number,
    }));
    return {
      id: analysisId,
      articleId,
      pipeline: r.pipeline as string,
      pipelineVersion: r.pipeline_version as string,
      analyzerVersion: r.analyzer_version as string,
      analyzedAt: r.analyzed_at as string,
      lang: r.lang as string | null,
      flagged: r.flagged === 1,
      score: r.score as number,
      threshold: r.threshold as number,
      categories,
      targets,
      reasons: JSON.parse(r.reasons as string) as string[],
      breakdown: JSON.parse(r.breakdown as string) as Analysis['breakdown'],
      matches,
      entities,
    };
  }

  /** Full-text search over titles and texts (FTS5 syntax), best first. */
  search(query: string, limit: number): { id: number; title: string | null; source: string; publishedAt: string | null }[] {
    try {
      return (
        this.#stmt(`SELECT a.id, a.title, a.source, a.published_at FROM articles_fts f JOIN articles a ON a.id = f.rowid
          WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`).all(query, limit) as Row[]
      ).map((r) => ({ id: r.id as number, title: r.title as string | null, source: r.source as string, publishedAt: r.published_at as string | null }));
    } catch (error) {
      throw new StoreError('SEARCH_SYNTAX', `cannot search for \`${query}\`: ${(error as Error).message}`, { cause: error });
    }
  }

  // ── trends ───────────────────────────────────────────────────────────────

  /**
   * Counts articles (or stories, with `count: 'stories'`) per bucket that match the filters. `total` counts every
   * stored article (or story) of the same sources in the bucket, whatever its analysis, so counts can be
   * normalized by coverage volume.
   */
  trend(q: TrendQuery): TrendRow[] {
    const bucket = BUCKET_SQL[q.by];
    const matched = new Filters({ pipeline: q.pipeline })
      .always('an.pipeline = @pipeline')
      .always('an.is_current = 1')
      .when('flaggedOnly', q.flaggedOnly, 'an.flagged = 1')
      .when('pipelineVersion', q.pipelineVersion, 'an.pipeline_version = @pipelineVersion')
      .when('category', q.category, 'EXISTS (SELECT 1 FROM analysis_categories c WHERE c.analysis_id = an.id AND c.category = @category)')
      .when('target', q.target, 'EXISTS (SELECT 1 FROM analysis_targets t WHERE t.analysis_id = an.id AND t.target = @target)')
      .when('term', q.term, 'EXISTS (SELECT 1 FROM matches m WHERE m.analysis_id = an.id AND m.counted = 1 AND m.term = @term COLLATE NOCASE)')
      .when('entity', q.entity, 'EXISTS (SELECT 1 FROM entities e WHERE e.analysis_id = an.id AND e.canonical = @entity COLLATE NOCASE)');
    // The scope (outlet, period) applies to the totals too, so shares compare like with like.
    const scope = new Filters()
      .when('source', q.source, 'a.source = @source COLLATE NOCASE')
      .when('since', q.since, `${ARTICLE_DATE} >= @since`)
      .when('until', q.until, `${ARTICLE_DATE} < @until`);
    const params = { ...matched.params, ...scope.params };
    const scopeSql = scope.clauses.length > 0 ? `WHERE ${scope.sql()}` : '';
    const matchedSql = [...matched.clauses, ...scope.clauses].join(' AND ');
    const tally = COUNT_SQL[q.count ?? 'articles'];
    const sql = `
      WITH totals AS (SELECT ${bucket} AS bucket, ${tally} AS total FROM articles a ${scopeSql} GROUP BY 1),
      counted AS (
        SELECT ${bucket} AS bucket, ${tally} AS count, group_concat(DISTINCT an.pipeline_version) AS versions
        FROM articles a JOIN analyses an ON an.article_id = a.id
        WHERE ${matchedSql} GROUP BY 1)
      SELECT t.bucket, COALESCE(c.count, 0) AS count, t.total, c.versions FROM totals t LEFT JOIN counted c ON c.bucket = t.bucket
      WHERE t.bucket IS NOT NULL ORDER BY t.bucket`;
    return (this.#db.prepare(sql).all(params) as Row[]).map((r) => ({
      bucket: r.bucket as string,
      count: r.count as number,
      total: r.total as number,
      versions: r.versions ? String(r.versions).split(',').sort() : [],
    }));
  }

  /** Entities by the number of (flagged) articles that mention them. */
  topEntities(q: TopEntitiesQuery): TopEntityRow[] {
    const filters = new Filters({ pipeline: q.pipeline, limit: q.limit })
      .always('an.pipeline = @pipeline')
      .always('an.is_current = 1')
      .when('flaggedOnly', q.flaggedOnly, 'an.flagged = 1')
      .when('type', q.type, 'e.type = @type')
      .when('source', q.source, 'a.source = @source COLLATE NOCASE')
      .when('since', q.since, `${ARTICLE_DATE} >= @since`)
      .when('until', q.until, `${ARTICLE_DATE} < @until`);
    const where = filters.clauses;
    const params = filters.params;
    const sql = `SELECT e.canonical, e.type, COUNT(DISTINCT a.id) AS articles, COUNT(*) AS mentions
      FROM entities e JOIN analyses an ON an.id = e.analysis_id JOIN articles a ON a.id = an.article_id
      WHERE ${where.join(' AND ')} GROUP BY e.canonical COLLATE NOCASE, e.type ORDER BY articles DESC, mentions DESC, e.canonical LIMIT @limit`;
    return (this.#db.prepare(sql).all(params) as Row[]).map((r) => ({
      canonical: r.canonical as string,
      type: r.type as EntityType,
      articles: r.articles as number,
      mentions: r.mentions as number,
    }));
  }

  // ── review ───────────────────────────────────────────────────────────────

  /** Flagged articles by score, best first; by default only those without a decision. */
  reviewQueue(q: ReviewQueueQuery): ReviewQueueRow[] {
    const where = ['an.pipeline = @pipeline', 'an.is_current = 1', 'an.flagged = 1'];
    const params: Record<string, unknown> = { pipeline: q.pipeline, limit: q.limit };
    if (!q.includeReviewed) where.push('d.label IS NULL');
    if (q.label) {
      where.push('d.label = @label');
      params.label = q.label;
    }
    const sql = `SELECT a.id, a.title, a.source, a.published_at, an.score, an.id AS analysis_id, d.label,
        (SELECT group_concat(category) FROM analysis_categories WHERE analysis_id = an.id) AS categories,
        (SELECT group_concat(target) FROM analysis_targets WHERE analysis_id = an.id) AS targets
      FROM articles a JOIN analyses an ON an.article_id = a.id
      LEFT JOIN (SELECT article_id, label FROM review_decisions r WHERE id = (SELECT MAX(id) FROM review_decisions WHERE article_id = r.article_id)) d
        ON d.article_id = a.id
      WHERE ${where.join(' AND ')}
      ORDER BY an.score DESC, a.published_at DESC, a.id LIMIT @limit`;
    return (this.#db.prepare(sql).all(params) as Row[]).map((r) => ({
      articleId: r.id as number,
      title: r.title as string | null,
      source: r.source as string,
      publishedAt: r.published_at as string | null,
      score: r.score as number,
      categories: r.categories ? String(r.categories).split(',').sort() : [],
      targets: r.targets ? String(r.targets).split(',').sort() : [],
      label: (r.label as ReviewLabel | null) ?? null,
    }));
  }

  /** Appends a decision; the article's current label is its latest decision. */
  recordDecision(decision: ReviewDecision): number {
    return this.#write(() => {
      const exists = this.#stmt(`SELECT 1 FROM articles WHERE id = ?`).get(decision.articleId);
      if (!exists) throw new StoreError('NOT_FOUND', `no article with id ${decision.articleId}`);
      return Number(
        this.#stmt(`INSERT INTO review_decisions (article_id, label, note, reviewer, decided_at) VALUES (?, ?, ?, ?, ?)`).run(
          decision.articleId,
          decision.label,
          decision.note,
          decision.reviewer,
          decision.decidedAt,
        ).lastInsertRowid,
      );
    });
  }

  decisions(articleId: number): ReviewDecision[] {
    return (this.#stmt(`SELECT * FROM review_decisions WHERE article_id = ? ORDER BY id`).all(articleId) as Row[]).map((r) => ({
      articleId: r.article_id as number,
      label: r.label as ReviewLabel,
      note: r.note as string | null,
      reviewer: r.reviewer as string | null,
      decidedAt: r.decided_at as string,
    }));
  }

  /** Every decision with its article, for export. */
  allDecisions(): (ReviewDecision & { title: string | null; url: string; source: string })[] {
    return (this.#stmt(`SELECT r.*, a.title, a.url, a.source FROM review_decisions r JOIN articles a ON a.id = r.article_id ORDER BY r.id`).all() as Row[]).map((r) => ({
      articleId: r.article_id as number,
      label: r.label as ReviewLabel,
      note: r.note as string | null,
      reviewer: r.reviewer as string | null,
      decidedAt: r.decided_at as string,
      title: r.title as string | null,
      url: r.url as string,
      source: r.source as string,
    }));
  }
}

const DAY_MS = 86_400_000;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Config feeds, then stored feeds from other sources that clash with no config URL or name; never disabled ones. */
function selectActive(feeds: readonly FeedRecord[], configFeeds: readonly FeedSource[]): FeedRecord[] {
  const byUrl = new Map(configFeeds.map((f) => [f.url, f]));
  const configNames = new Set(configFeeds.map((f) => f.name.toLowerCase()));
  const active: FeedRecord[] = [];
  for (const feed of feeds) {
    if (feed.disabled) continue;
    const config = byUrl.get(feed.url);
    if (config) active.push({ ...feed, source: 'config', name: config.name, country: config.country, language: config.language, tags: [...config.tags] });
    else if (feed.source !== 'config' && !configNames.has(feed.name.toLowerCase())) active.push(feed);
  }
  return active;
}

/** The status rule of `feeds health`; see `FeedStatus`. */
function feedStatus(feed: FeedRecord, nowMs: number, failingAfterMs: number, deadAfterMs: number): FeedStatus {
  if (feed.disabled) return 'disabled';
  if (feed.lastFetchedAt === null) return 'new';
  if (feed.consecutiveFailures === 0) return 'ok';
  const lastSuccessMs = feed.lastSuccessAt === null ? null : Date.parse(feed.lastSuccessAt);
  if (lastSuccessMs !== null && nowMs - lastSuccessMs <= failingAfterMs) return 'retrying';
  const failingSinceMs = lastSuccessMs ?? Date.parse(feed.addedAt);
  return nowMs - failingSinceMs > deadAfterMs ? 'dead' : 'failing';
}

function toFeedRecord(r: Row): FeedRecord {
  return {
    id: r.id as number,
    url: r.url as string,
    source: r.source as FeedOrigin,
    disabled: r.disabled === 1,
    addedAt: r.added_at as string,
    name: r.name as string,
    country: (r.country as string | null) ?? undefined,
    language: (r.language as string | null) ?? undefined,
    tags: JSON.parse(r.tags as string) as string[],
    etag: r.etag as string | null,
    lastModified: r.last_modified as string | null,
    bodyHash: r.body_hash as string | null,
    lastFetchedAt: r.last_fetched_at as string | null,
    lastSuccessAt: r.last_success_at as string | null,
    lastNewItemAt: r.last_new_item_at as string | null,
    lastStatus: r.last_status as string | null,
    lastError: r.last_error as string | null,
    consecutiveFailures: r.consecutive_failures as number,
    nextDueAt: r.next_due_at as string | null,
    intervalSecs: r.interval_secs as number | null,
    quietFetches: r.quiet_fetches as number,
    scheduleReason: r.schedule_reason as string | null,
    itemsSeen: r.items_seen as number,
    itemsNew: r.items_new as number,
    articleCount: (r.article_count as number) ?? 0,
  };
}

function toArticleRecord(r: Row): ArticleRecord {
  return {
    id: r.id as number,
    url: r.url as string,
    canonicalUrl: r.canonical_url as string | null,
    source: r.source as string,
    title: r.title as string | null,
    author: r.author as string | null,
    publishedAt: r.published_at as string | null,
    fetchedAt: r.fetched_at as string,
    lang: r.lang as string | null,
    text: r.text as string,
    description: r.description as string | null,
    siteName: r.site_name as string | null,
    metaSources: JSON.parse(r.meta_sources as string) as Record<string, string>,
    simhash: (r.simhash as string | null) ?? null,
    storyId: (r.story_id as number | null) ?? (r.id as number),
  };
}
