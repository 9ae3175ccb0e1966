import { feedManagement } from './002-feed-management.js';
import { stories } from './003-stories.js';

/**
 * Numbered migrations, applied in order inside one transaction each. `PRAGMA user_version` holds the
 * number of the last one applied. Never edit a released migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const initial = `
CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  country TEXT,
  language TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  added_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  last_fetched_at TEXT,
  last_success_at TEXT,
  last_new_item_at TEXT,
  last_status TEXT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_due_at TEXT
);

CREATE TABLE crawl_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted', 'failed')),
  summary TEXT
);

-- One row per request: feeds and pages, successes and failures.
CREATE TABLE fetch_log (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES crawl_runs(id),
  feed_id INTEGER REFERENCES feeds(id),
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'failed', 'skipped')),
  http_status INTEGER,
  error_code TEXT,
  error TEXT,
  duration_ms INTEGER,
  fetched_at TEXT NOT NULL
);
CREATE INDEX fetch_log_feed ON fetch_log(feed_id, fetched_at);
CREATE INDEX fetch_log_run ON fetch_log(run_id);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  canonical_url TEXT,
  feed_id INTEGER REFERENCES feeds(id),
  source TEXT NOT NULL,
  guid TEXT,
  title TEXT,
  title_hash TEXT,
  author TEXT,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  lang TEXT,
  description TEXT,
  site_name TEXT,
  text TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  meta_sources TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX articles_canonical ON articles(canonical_url);
CREATE INDEX articles_source_title ON articles(source, title_hash);
CREATE INDEX articles_published ON articles(published_at);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Every analysis is kept; is_current marks the latest per article and pipeline.
CREATE TABLE analyses (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  pipeline TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  analyzer_version TEXT NOT NULL,
  analyzed_at TEXT NOT NULL,
  lang TEXT,
  flagged INTEGER NOT NULL,
  score REAL NOT NULL,
  threshold REAL NOT NULL,
  reasons TEXT NOT NULL DEFAULT '[]',
  breakdown TEXT NOT NULL DEFAULT '[]',
  is_current INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX analyses_current ON analyses(article_id, pipeline) WHERE is_current = 1;
CREATE INDEX analyses_flagged ON analyses(pipeline, is_current, flagged, score);

CREATE TABLE analysis_categories (
  analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  PRIMARY KEY (analysis_id, category)
) WITHOUT ROWID;
CREATE INDEX analysis_categories_category ON analysis_categories(category);

CREATE TABLE analysis_targets (
  analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  PRIMARY KEY (analysis_id, target)
) WITHOUT ROWID;
CREATE INDEX analysis_targets_target ON analysis_targets(target);

CREATE TABLE matches (
  id INTEGER PRIMARY KEY,
  analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  category TEXT,
  target TEXT,
  term TEXT NOT NULL,
  text TEXT NOT NULL,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  sentence_text TEXT NOT NULL,
  weight REAL NOT NULL,
  negated INTEGER NOT NULL,
  quoted_by TEXT,
  counted INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX matches_analysis ON matches(analysis_id);
CREATE INDEX matches_term ON matches(term, counted);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  canonical TEXT NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX entities_analysis ON entities(analysis_id);
CREATE INDEX entities_canonical ON entities(canonical COLLATE NOCASE, type);

-- Append-only: the current label of an article is its latest decision.
CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  label TEXT NOT NULL CHECK (label IN ('confirmed', 'dismissed', 'followup')),
  note TEXT,
  reviewer TEXT,
  decided_at TEXT NOT NULL
);
CREATE INDEX review_decisions_article ON review_decisions(article_id, id);
CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions BEGIN
  SELECT RAISE(ABORT, 'review decisions are append-only');
END;
CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions
WHEN (SELECT COUNT(*) FROM articles WHERE id = old.article_id) > 0 BEGIN
  SELECT RAISE(ABORT, 'review decisions are append-only');
END;
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial schema', sql: initial }, feedManagement, stories];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
