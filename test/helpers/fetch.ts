import { expect } from 'vitest';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../src/crawl/index.js';
import { FetchError } from '../../src/errors.js';

/** The FetchError a fetch fails with; fails the test if it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail, but it succeeded');
}

export const TEST_USER_AGENT = 'xenoscope-test/0.1 (+https://example.org/contact)';

/** A fetcher for tests against a local server: a short deadline, private addresses allowed. */
export function testFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  return createFetcher({ userAgent: TEST_USER_AGENT, timeoutMs: 800, maxBodyBytes: 100_000, allowPrivateAddresses: true, ...overrides });
}
