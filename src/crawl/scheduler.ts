import PQueue from 'p-queue';
import { AbortedError } from '../errors.js';
import { siteKey } from './url.js';

export interface SchedulerOptions {
  /** Requests in flight at once, over all sites. */
  concurrency: number;
  /** Requests in flight at once to one site (registrable domain). */
  perHostConcurrency: number;
  /** Least time between the starts of two requests to one site. @default 0 */
  minDelayMs?: number;
  /** Injected for tests; real time by default. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Site {
  queue: PQueue;
  delayMs: number;
  nextStartAt: number;
  /** Highest number of tasks seen running at once, for health checks and tests. */
  peak: number;
  running: number;
}

/**
 * Runs network tasks politely: a global cap, a cap per site (registrable domain, so news.example.ru and
 * www.example.ru share one), and a least delay between request starts to one site that a robots.txt
 * Crawl-delay can raise. A task takes its site's place first, then a global place, so one slow outlet
 * cannot hold every global slot.
 */
export class RequestScheduler {
  #global: PQueue;
  #sites = new Map<string, Site>();
  #perSite: number;
  #minDelayMs: number;
  #now: () => number;
  #sleep: (ms: number) => Promise<void>;
  /** Rejecters of tasks not yet started, so `clear()` can settle them. */
  #waiting = new Set<(error: Error) => void>();

  constructor(options: SchedulerOptions) {
    this.#global = new PQueue({ concurrency: options.concurrency });
    this.#perSite = options.perHostConcurrency;
    this.#minDelayMs = options.minDelayMs ?? 0;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  #site(url: string): Site {
    const key = siteKey(url);
    let site = this.#sites.get(key);
    if (!site) {
      site = { queue: new PQueue({ concurrency: this.#perSite }), delayMs: this.#minDelayMs, nextStartAt: 0, peak: 0, running: 0 };
      this.#sites.set(key, site);
    }
    return site;
  }

  /** Raises the least delay between requests to the site of `url` (e.g. from robots.txt Crawl-delay). */
  setSiteDelay(url: string, delayMs: number): void {
    const site = this.#site(url);
    site.delayMs = Math.max(this.#minDelayMs, delayMs);
  }

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const site = this.#site(url);
    return new Promise<T>((resolve, reject) => {
      this.#waiting.add(reject);
      // True once the task may run; false once clear() has rejected it (it must then never run).
      const start = () => this.#waiting.delete(reject);
      this.#runQueued(site, task, start).then(resolve, reject);
    });
  }

  #runQueued<T>(site: Site, task: () => Promise<T>, start: () => boolean): Promise<T> {
    return site.queue.add(async () => {
      // Reserve the next start slot before waiting, so concurrent tasks of one site space out.
      const startAt = Math.max(this.#now(), site.nextStartAt);
      site.nextStartAt = startAt + site.delayMs;
      const wait = startAt - this.#now();
      if (wait > 0) await this.#sleep(wait);
      return this.#global.add(async () => {
        if (!start()) throw new AbortedError();
        site.running++;
        site.peak = Math.max(site.peak, site.running);
        try {
          return await task();
        } finally {
          site.running--;
        }
      });
    }) as Promise<T>;
  }

  /** Most requests seen in flight at once to the site of `url`. */
  peakFor(url: string): number {
    return this.#sites.get(siteKey(url))?.peak ?? 0;
  }

  /** Drops tasks not yet started (on shutdown), rejecting them with AbortedError; tasks in flight finish. */
  clear(): void {
    for (const site of this.#sites.values()) site.queue.clear();
    this.#global.clear();
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const reject of waiting) reject(new AbortedError());
  }
}
