/**
 * The fixture news site: three fictional outlets replayed on 127.0.0.1 from Markdown sources in
 * `fixtures/site/`, for xenoscope's demo and end-to-end tests. Not used by the pipeline itself.
 */
export {
  loadFixtureSite,
  parseArticleSource,
  defaultSiteDir,
  ARTICLE_KINDS,
  CATEGORY_IDS,
  TARGET_IDS,
  PHENOMENA,
  SITE_FIRST_DATE,
  SITE_LAST_DATE,
  type ArticleKind,
  type FixtureSite,
  type ReaderComment,
  type SiteArticle,
} from './load.js';
export { OUTLETS, articlePath, type FeedFormat, type Outlet, type OutletId } from './outlets.js';
export { markdownToHtml, markdownToText, parseMarkdown, type MarkdownBlock } from './markdown.js';
export { RSS_TRACKING_QUERY, renderFeed } from './feeds.js';
export { startFixtureServer, isNotModified, FAULT_PATHS, type FixtureServer, type FixtureServerOptions, type RequestLogEntry } from './server.js';
