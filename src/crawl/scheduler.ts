import PQueue from 'p-queue';
import { hostKey } from './url.js';

export interface SchedulerOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Requests in flight at once to one host. */
  perHostConcurrency: number;
}

/**
 * Runs network tasks with a global cap and a per-host cap: a task first takes a place in its host's queue,
 * then one in the global queue, so one slow outlet cannot take every global slot.
 */
export class RequestScheduler {
  #global: PQueue;
  #hosts = new Map<string, PQueue>();
  #perHost: number;

  constructor(options: SchedulerOptions) {
    this.#global = new PQueue({ concurrency: options.concurrency });
    this.#perHost = options.perHostConcurrency;
  }

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const key = hostKey(url);
    let queue = this.#hosts.get(key);
    if (!queue) {
      queue = new PQueue({ concurrency: this.#perHost });
      this.#hosts.set(key, queue);
    }
    return queue.add(() => this.#global.add(task)) as Promise<T>;
  }

  /** Resolves when every scheduled task has finished. */
  async onIdle(): Promise<void> {
    await Promise.all([...this.#hosts.values()].map((q) => q.onIdle()));
    await this.#global.onIdle();
  }

  /** Drops tasks not yet started (on shutdown); tasks in flight finish. */
  clear(): void {
    for (const q of this.#hosts.values()) q.clear();
    this.#global.clear();
  }
}
