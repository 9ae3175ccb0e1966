import { expect } from 'vitest';
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
