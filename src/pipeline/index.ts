export { runCrawl, loadAnalyzers, type CrawlDeps, type CrawlSummary, type FeedSummary } from './crawl-run.js';
