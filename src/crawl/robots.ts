import robotsParserModule from 'robots-parser';
import { FetchError } from '../errors.js';
import type { Fetcher } from './fetcher.js';

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our user agent, in seconds, when the site sets one. */
  crawlDelaySecs: number | null;
  /** Why: 'rules', 'no robots.txt' (4xx: everything allowed), 'unavailable' (5xx/network: allowed, see below). */
  basis: 'rules' | 'no robots.txt' | 'unavailable';
}

// The package is CommonJS with an ESM-style declaration: at run time the default import is the function.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Rules;

type Rules = { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined } | null;

/**
 * robots.txt, fetched once per origin per run and cached:
 * 1. 2xx: rules apply (allow/deny, longest match, wildcards, Crawl-delay) for our product token.
 * 2. 4xx (no robots.txt): everything is allowed, as the robots exclusion standard says.
 * 3. 5xx or network failure: allowed for this run, but remembered as `unavailable` — a news site whose
 *    robots.txt times out should not go dark in a monitor; its pages are still fetched politely.
 */
export class RobotsCache {
  #fetcher: Fetcher;
  #agent: string;
  #cache = new Map<string, Promise<{ rules: Rules; basis: RobotsVerdict['basis'] }>>();

  constructor(fetcher: Fetcher, userAgent: string) {
    this.#fetcher = fetcher;
    // The product token robots.txt groups match on: "xenoscope" in "xenoscope/0.1 (+https://…)".
    this.#agent = userAgent.split(/[\s/]/)[0] || userAgent;
  }

  async check(url: string): Promise<RobotsVerdict> {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return { allowed: false, crawlDelaySecs: null, basis: 'rules' };
    }
    let entry = this.#cache.get(origin);
    if (!entry) {
      entry = this.#load(`${origin}/robots.txt`);
      this.#cache.set(origin, entry);
    }
    const { rules, basis } = await entry;
    if (!rules) return { allowed: true, crawlDelaySecs: null, basis };
    return { allowed: rules.isAllowed(url, this.#agent) !== false, crawlDelaySecs: rules.getCrawlDelay(this.#agent) ?? null, basis };
  }

  async #load(robotsUrl: string): Promise<{ rules: Rules; basis: RobotsVerdict['basis'] }> {
    try {
      const response = await this.#fetcher(robotsUrl, { accept: 'text/plain, */*;q=0.5' });
      return { rules: robotsParser(response.url, response.text), basis: 'rules' };
    } catch (error) {
      if (error instanceof FetchError && error.status !== null && error.status >= 400 && error.status < 500) return { rules: null, basis: 'no robots.txt' };
      if (error instanceof FetchError) return { rules: null, basis: 'unavailable' };
      throw error;
    }
  }
}
