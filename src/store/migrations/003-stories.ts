import type { Migration } from './index.js';

/**
 * Stories: copies of one article (syndicated, rewritten, mirrored) grouped so trends can count each story once.
 * - `articles.simhash`: the story fingerprint, 16 hex digits; NULL for texts too short to compare.
 * - `articles.story_id`: id of the story's first stored article (its own id when it starts a story); NULL for
 *   rows stored before this migration until `xenoscope stories rebuild` (queries read NULL as the article's own id).
 * - `story_bands`: the fingerprint cut into bands (src/store/story-bands.ts) with the article's date, so the
 *   candidates for a new article are found through the index, within a few days of its date.
 */
export const stories: Migration = {
  version: 3,
  name: 'story fingerprints',
  sql: `
ALTER TABLE articles ADD COLUMN simhash TEXT;
ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE story_bands (
  band INTEGER NOT NULL,
  value INTEGER NOT NULL,
  day TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, value, day, article_id)
) WITHOUT ROWID;
CREATE INDEX story_bands_article ON story_bands(article_id);
`,
};
