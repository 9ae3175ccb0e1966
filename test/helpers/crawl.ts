import { validateConfig, type Config } from '../../src/config/index.js';
import { createFetcher } from '../../src/crawl/index.js';
import { runCrawl, type CrawlSummary } from '../../src/pipeline/index.js';
import { openStore, type Store } from '../../src/store/index.js';

/** Runs one crawl in-process into an in-memory store, with a fixed clock, no waiting and no log output. */
export async function crawlInMemory(rawConfig: unknown, now = '2024-04-02T12:00:00Z'): Promise<{ summary: CrawlSummary; store: Store; config: Config }> {
  const raw = validateConfig(rawConfig, 'test');
  const config: Config = { file: null, database: ':memory:', pipelines: raw.pipelines, crawl: raw.crawl, schedule: raw.schedule, feeds: raw.feeds };
  const store = openStore(':memory:');
  const summary = await runCrawl({
    config,
    store,
    fetcher: createFetcher(config.crawl),
    clock: { now: () => new Date(now) },
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    sleep: async () => {},
  });
  return { summary, store, config };
}

/** config.yaml lines for the three outlets of a running fixture site. */
export function siteFeedLines(serverUrl: string): string[] {
  return [
    `  - { url: "${serverUrl}/steppe-herald/rss.xml", name: The Steppe Herald }`,
    `  - { url: "${serverUrl}/volga-monitor/atom.xml", name: Volga Monitor }`,
    `  - { url: "${serverUrl}/eurasia-wire/index.rdf", name: Eurasia Wire }`,
  ];
}

/**
 * A config.yaml for a crawl of a running fixture site into `database`: private addresses allowed
 * (the site listens on 127.0.0.1), the given crawl settings, the three outlets and any more feeds.
 */
export function siteConfigYaml(database: string, serverUrl: string, crawlLines: readonly string[], moreFeedLines: readonly string[] = []): string {
  return [`database: ${database}`, 'crawl:', '  allowPrivateAddresses: true', ...crawlLines, 'feeds:', ...siteFeedLines(serverUrl), ...moreFeedLines, ''].join('\n');
}
