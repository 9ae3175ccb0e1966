import type { Migration } from './index.js';

/**
 * Feeds managed from the command line and OPML files beside config.yaml, the adaptive schedule's state, and the
 * counters `feeds health` reports.
 * - `source`: who added the feed: `config` (config.yaml, via syncFeeds), `cli` (`feeds add`), `opml` (`feeds import`).
 *   Rows that existed before this migration all came from config.yaml.
 * - `disabled`: kept with its history but never due and never crawled.
 * - `interval_secs`, `quiet_fetches`, `schedule_reason`: the plan of the adaptive schedule (src/crawl/schedule.ts).
 * - `items_seen`, `items_new`: items listed by the feed over all fetches, and how many of them were new articles.
 */
export const feedManagement: Migration = {
  version: 2,
  name: 'feed management and schedule',
  sql: `
ALTER TABLE feeds ADD COLUMN source TEXT NOT NULL DEFAULT 'config' CHECK (source IN ('config', 'cli', 'opml'));
ALTER TABLE feeds ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN interval_secs INTEGER;
ALTER TABLE feeds ADD COLUMN quiet_fetches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN schedule_reason TEXT;
ALTER TABLE feeds ADD COLUMN items_seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN items_new INTEGER NOT NULL DEFAULT 0;
CREATE INDEX feeds_due ON feeds(disabled, next_due_at);
-- Per-feed article counts (feeds list, items per day in feeds health).
CREATE INDEX articles_feed ON articles(feed_id);
`,
};
