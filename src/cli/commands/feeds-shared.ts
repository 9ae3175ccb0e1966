import type { Config } from '../../config/index.js';
import { DEFAULT_FEED_SCHEDULE, type FeedScheduleSettings } from '../../crawl/index.js';
import { UsageError } from '../../errors.js';

/**
 * The adaptive schedule's settings: the defaults, overridden by `crawl.schedule` in config.yaml once the config
 * declares it.
 */
export function feedScheduleSettings(config: Config): FeedScheduleSettings {
  const declared = (config.crawl as { schedule?: Partial<FeedScheduleSettings> }).schedule;
  return { ...DEFAULT_FEED_SCHEDULE, ...declared };
}

/** A feed URL from the command line: http(s) only, as config.yaml asks. */
export function feedUrlArgument(value: string, flag = 'URL'): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new UsageError(`${flag}: expected an http(s) URL, received \`${value}\``);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: expected an http(s) URL, received \`${value}\``);
  return trimmed;
}

/** The URL as the user typed it, or as stored: a trailing slash or case in the host should not hide a feed. */
export function sameFeedUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
