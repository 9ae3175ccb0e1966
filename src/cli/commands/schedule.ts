import { Cron } from 'croner';
import { LockedError } from '../../errors.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { crawlOnce } from './crawl.js';

/**
 * `xenoscope schedule`: crawls on `schedule.cron` in one long-lived process, for machines without system
 * cron. A tick that finds a crawl still running (here or from cron) is skipped, not queued. SIGINT/SIGTERM
 * stop the clock, let the crawl in flight finish its articles, and exit.
 */
export default async function schedule(ctx: Context, options: { runNow?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const controller = new AbortController();
  let running: Promise<void> | null = null;

  const tick = async () => {
    if (running || controller.signal.aborted) {
      ctx.logger.warn('previous crawl still running; skipping this tick');
      return;
    }
    running = (async () => {
      try {
        await crawlOnce(ctx, config, controller.signal);
      } catch (error) {
        if (error instanceof LockedError) ctx.logger.warn(`${error.message}; skipping this tick`);
        else ctx.logger.error(`crawl failed: ${(error as Error).message}`);
      } finally {
        running = null;
        if (!controller.signal.aborted) ctx.logger.info(`next crawl at ${job.nextRun()?.toISOString() ?? 'never'}`);
      }
    })();
    await running;
  };

  const job = new Cron(config.schedule.cron, { timezone: config.schedule.timezone, protect: true }, tick);
  ctx.logger.info(`scheduling crawls on "${config.schedule.cron}" (${config.schedule.timezone}); next at ${job.nextRun()?.toISOString()}; Ctrl-C to stop`);
  if (options.runNow) void tick();

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      ctx.logger.warn(`${signal} received: stopping the schedule${running ? ' after the crawl in flight' : ''}`);
      job.stop();
      controller.abort();
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  if (running) await running;
  return EXIT.ok;
}
