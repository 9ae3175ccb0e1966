/**
 * Every error class of xenoscope. A class says what happens next:
 * - `ConfigError`, `UsageError`: stop before work starts (exit 2).
 * - `RetryableFetchError`: timeout, reset, 5xx, 429; retried with backoff.
 * - `PermanentFetchError`: 404, 410, not a feed, unparseable; recorded, not retried this run.
 * - `StoreError`: wraps a database failure and stops the run.
 * Branch on the class or on `code`, never on the message text.
 */

export class XenoscopeError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found in a configuration or pipeline file. */
export interface ConfigIssue {
  /** Path of the key, e.g. `feeds[3].url`. */
  path: string;
  message: string;
  /** The file the problem is in, when it is not the error's own (problems of several files at once). */
  file?: string;
}

/** A configuration or pipeline file is missing, unreadable or invalid. Lists every problem at once. */
export class ConfigError extends XenoscopeError {
  readonly file: string;
  readonly issues: ConfigIssue[];
  constructor(file: string, issues: ConfigIssue[], options?: { cause?: unknown }) {
    const lines = issues.map((i) => (i.path ? `${i.path} in ${i.file ?? file}: ${i.message}` : `${i.file ?? file}: ${i.message}`));
    super('CONFIG_INVALID', lines.join('\n'), options);
    this.file = file;
    this.issues = issues;
  }

  /** One error with every problem of several files, each line naming its own file. */
  static combine(errors: readonly ConfigError[]): ConfigError {
    if (errors.length === 1) return errors[0] as ConfigError;
    const issues = errors.flatMap((e) => e.issues.map((i) => ({ ...i, file: i.file ?? e.file })));
    return new ConfigError(errors.map((e) => e.file).join(', '), issues);
  }
}

/** The command line asks for something that cannot be done as asked. */
export class UsageError extends XenoscopeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
  }
}

/** Base of fetch failures; `url` is what was requested. */
export abstract class FetchError extends XenoscopeError {
  readonly url: string;
  readonly status: number | null;
  constructor(code: string, url: string, message: string, status: number | null, options?: { cause?: unknown }) {
    super(code, message, options);
    this.url = url;
    this.status = status;
  }
  abstract readonly isRetryable: boolean;
}

/** A timeout, a reset connection, a 5xx or a 429: worth another try later in the run. */
export class RetryableFetchError extends FetchError {
  readonly isRetryable = true;
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterSecs: number | null;
  constructor(code: string, url: string, message: string, status: number | null = null, retryAfterSecs: number | null = null, options?: { cause?: unknown }) {
    super(code, url, message, status, options);
    this.retryAfterSecs = retryAfterSecs;
  }
}

/** A 404/410, a body that is not a feed, a refused address: recorded, not retried this run. */
export class PermanentFetchError extends FetchError {
  readonly isRetryable = false;
  constructor(code: string, url: string, message: string, status: number | null = null, options?: { cause?: unknown }) {
    super(code, url, message, status, options);
  }
}

/** The database failed, or its schema is not the one this version expects. Stops the run. */
export class StoreError extends XenoscopeError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Work dropped because the run is stopping (SIGINT/SIGTERM); not a failure of the feed or page. */
export class AbortedError extends XenoscopeError {
  constructor(message = 'the run is stopping') {
    super('ABORTED', message);
  }
}

/** Another crawl holds the lock. */
export class LockedError extends XenoscopeError {
  constructor(message: string) {
    super('LOCKED', message);
  }
}
