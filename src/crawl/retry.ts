import { FetchError } from '../errors.js';

export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
  /** Injected so tests never wait. */
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Longest wait honoured from a Retry-After header. */
  maxDelayMs?: number;
}

/**
 * Retries a fetch on retryable failures with exponential backoff and full jitter, honouring Retry-After;
 * permanent failures and other errors are thrown at once.
 */
export async function withRetries<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof FetchError) || !error.isRetryable || attempt >= options.retries) throw error;
      const retryAfter = 'retryAfterSecs' in error && typeof error.retryAfterSecs === 'number' ? error.retryAfterSecs * 1000 : null;
      const backoff = options.baseDelayMs * 2 ** attempt * (0.5 + random() / 2);
      await options.sleep(Math.min(maxDelayMs, retryAfter ?? backoff));
    }
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
