import { acquireRunLock, createFetcher, realSleep } from '../../crawl/index.js';
import type { Config } from '../../config/index.js';
import { runCrawl, type CrawlSummary } from '../../pipeline/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderCrawlSummary } from '../render/crawl-summary.js';

/** Progress lines off a terminal are periodic, not a redrawn bar. */
const PROGRESS_EVERY_MS = 5_000;

export default async function crawl(ctx: Context, options: { json?: boolean; all?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const controller = new AbortController();
  const stop = (signal: string) => {
    if (controller.signal.aborted) return;
    ctx.logger.warn(`${signal} received: finishing the articles in flight, then stopping (again to stop at once)`);
    controller.abort();
  };
  const onSigint = () => (controller.signal.aborted ? process.exit(130) : stop('SIGINT'));
  const onSigterm = () => stop('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  try {
    const summary = await crawlOnce(ctx, config, controller.signal, { all: Boolean(options.all) });
    if (options.json) ctx.io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return exitCodeOf(summary);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
}

export function exitCodeOf(summary: CrawlSummary): number {
  return summary.totals.feedsFailed > 0 || summary.totals.pagesFailed > 0 || summary.interrupted ? EXIT.partial : EXIT.ok;
}

/**
 * One locked crawl run with progress and the summary on stderr; shared by `crawl` and `schedule`.
 * Throws LockedError when another run holds the lock.
 */
export async function crawlOnce(ctx: Context, config: Config, signal: AbortSignal, options: { all?: boolean } = {}): Promise<CrawlSummary> {
  if (config.feeds.length === 0) {
    ctx.logger.warn(`no feeds configured${config.file ? ` in ${config.file}` : ' (no config file found)'}; add some under \`feeds:\``);
  }
  // Two overlapping cron runs would fetch everything twice; the second one stops here.
  const lock = config.database === ':memory:' ? null : acquireRunLock(`${config.database}.lock`, { now: ctx.io.clock.now(), onStale: (m) => ctx.logger.warn(m) });
  const isTTY = Boolean(ctx.io.stderr.isTTY) && !ctx.global.quiet;
  let lastLine = Date.now();
  try {
    const store = ctx.openStore(config);
    try {
      const summary = await runCrawl({
        config,
        store,
        fetcher: createFetcher(config.crawl),
        clock: ctx.io.clock,
        logger: ctx.logger,
        sleep: realSleep,
        signal,
        all: options.all ?? false,
        onProgress: (p) => {
          if (ctx.global.quiet) return;
          const line = `feeds ${p.feedsDone}/${p.feedsTotal} · pages ${p.pagesDone}/${p.pagesQueued}`;
          if (isTTY) ctx.io.stderr.write(`\r\u001b[2K${line}`);
          else if (Date.now() - lastLine > PROGRESS_EVERY_MS) {
            lastLine = Date.now();
            ctx.io.stderr.write(`${line}\n`);
          }
        },
      });
      if (isTTY) ctx.io.stderr.write('\r\u001b[2K');
      if (!ctx.global.quiet || summary.totals.feedsFailed > 0) ctx.io.stderr.write(renderCrawlSummary(summary, ctx.stderrStyle));
      return summary;
    } finally {
      store.close();
    }
  } finally {
    lock?.release();
  }
}
