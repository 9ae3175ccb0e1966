import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { FetchError, PermanentFetchError, RetryableFetchError } from '../errors.js';
import type { Clock } from '../model/index.js';
import { decodeBody, type CharsetSource } from './decode.js';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses; the system resolver (`dns.lookup`) by default. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetcherOptions {
  /** Sent as `User-Agent` with every request, redirects included (`crawl.userAgent`). */
  userAgent: string;
  /** One deadline for the whole fetch: DNS, connect, headers, every redirect and the body. */
  timeoutMs: number;
  /** Largest body accepted, in bytes, both as received and after decompression. */
  maxBodyBytes: number;
  /** Fetch loopback, private and link-local addresses. Off for real crawls. */
  allowPrivateAddresses: boolean;
  /** Redirects followed before giving up with `TOO_MANY_REDIRECTS`. @default 5 */
  maxRedirects?: number;
  /** Addresses fetched even when private, e.g. a local mirror. @default [] */
  allowAddresses?: readonly string[];
  /** Injected for tests; the system resolver by default. */
  resolveHost?: HostResolver;
  /** Injected for tests; turns a Retry-After date into seconds. Real time by default. */
  clock?: Clock;
}

export interface FetchRequest {
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  /** The body after decompression. */
  body: Buffer;
  /** Decoded text (empty on 304). */
  text: string;
  /** Charset used to decode `text`, e.g. `utf-8`, `windows-1251` (empty on 304). */
  charset: string;
  /** How the charset was chosen (null on 304). */
  charsetSource: CharsetSource | null;
  /** The charset label the server or document declared, when it was unknown or overridden too. */
  declaredCharset: string | null;
  /** Each URL redirected to, in order; empty when the first answer was final. */
  redirects: string[];
  /** sha256 of the body, to detect unchanged feeds whose server ignores validators. */
  bodyHash: string;
  durationMs: number;
}

/** The one HTTP client of xenoscope: fetches a URL or throws a Retryable/PermanentFetchError. */
export type Fetcher = (url: string, request?: FetchRequest) => Promise<FetchResponse>;

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const ACCEPT_ENCODING = 'gzip, deflate, br';
const DEFAULT_MAX_REDIRECTS = 5;

const IPV4_MAPPED_DOTTED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const IPV4_MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Network failures worth another try: the same code is kept as the error's `code`. */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
/** Certificate and handshake failures: they will not heal within a run. */
const TLS_ERROR_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;
type Coding = 'gzip' | 'deflate' | 'br';
type Decoder = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;
/** Content-Encoding tokens read, and the code of the error a corrupt body gets. */
const CODINGS: Readonly<Record<string, { coding: Coding; code: string }>> = {
  gzip: { coding: 'gzip', code: 'BAD_GZIP' },
  'x-gzip': { coding: 'gzip', code: 'BAD_GZIP' },
  deflate: { coding: 'deflate', code: 'BAD_DEFLATE' },
  br: { coding: 'br', code: 'BAD_BROTLI' },
};

/**
 * Creates the fetcher, built on node:http / node:https so every stage is bounded:
 * 1. Start one deadline for the whole fetch (DNS, connect, headers, redirects, body), however slowly
 *    bytes trickle in.
 * 2. Per hop: refuse non-http(s) schemes; resolve the host and, unless allowed, refuse loopback, private
 *    and link-local addresses; connect to exactly the address checked (a pinned `lookup`, so a DNS
 *    rebinding between check and connect cannot slip through).
 * 3. GET with the configured User-Agent, Accept, Accept-Encoding and the conditional validators.
 * 4. Follow 301/302/303/307/308 by hand: relative Location resolved, loops and more than
 *    `maxRedirects` hops refused, each hop checked again from step 2.
 * 5. Classify: 304 → not modified; 429 and 5xx → retryable (with Retry-After); other 4xx → permanent.
 * 6. Stream the body through gzip/deflate/br, aborting past `maxBodyBytes` before and after
 *    decompression; a body shorter than announced or cut by a reset is retryable `TRUNCATED`.
 * 7. Decode the text (see `decodeBody`) and hash the body.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) {
    throw new RangeError(`createFetcher: maxRedirects: expected an integer ≥ 0, received \`${maxRedirects}\``);
  }
  const settings: Settings = {
    ...options,
    maxRedirects,
    allowAddresses: new Set(options.allowAddresses ?? []),
    resolveHost: options.resolveHost ?? systemResolver,
    now: options.clock ? () => options.clock!.now().getTime() : Date.now,
  };
  return async (url, request = {}) => {
    const started = performance.now();
    const deadline = new Deadline(settings.timeoutMs);
    try {
      return await fetchFollowingRedirects(url, request, settings, deadline, started);
    } catch (error) {
      throw toFetchError(error, url, deadline.hasExpired, settings.timeoutMs);
    } finally {
      deadline.clear();
    }
  };
}

interface Settings extends Omit<FetcherOptions, 'allowAddresses' | 'clock'> {
  maxRedirects: number;
  allowAddresses: ReadonlySet<string>;
  resolveHost: HostResolver;
  now: () => number;
}

/** One timer for the whole fetch; `signal` aborts whatever stage is running when it fires. */
class Deadline {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  constructor(timeoutMs: number) {
    this.#timer = setTimeout(() => this.#controller.abort(), timeoutMs);
  }
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
  get hasExpired(): boolean {
    return this.#controller.signal.aborted;
  }
  clear(): void {
    clearTimeout(this.#timer);
  }
}

async function fetchFollowingRedirects(url: string, request: FetchRequest, settings: Settings, deadline: Deadline, started: number): Promise<FetchResponse> {
  let current = parseUrl(url, url);
  const visited = new Set([withoutHash(current)]);
  const redirects: string[] = [];
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: request.accept ?? FEED_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;

  for (;;) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new PermanentFetchError('BAD_SCHEME', url, `refused scheme ${current.protocol} in \`${current.href}\` (only http and https are fetched)`);
    }
    const address = await resolveAllowed(current, url, settings, deadline.signal);
    const response = await openRequest(current, address, headers, deadline.signal);
    const status = response.statusCode ?? 0;
    const responseHeaders = flattenHeaders(response.headers);

    const location = responseHeaders.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.destroy();
      const next = parseUrl(location, url, current);
      if (visited.has(withoutHash(next))) {
        throw new PermanentFetchError('REDIRECT_LOOP', url, `redirect loop: \`${current.href}\` sends back to \`${next.href}\` (after ${redirects.length + 1} redirects)`, status);
      }
      if (redirects.length >= settings.maxRedirects) {
        throw new PermanentFetchError('TOO_MANY_REDIRECTS', url, `more than ${settings.maxRedirects} redirects; the last one pointed to \`${next.href}\``, status);
      }
      visited.add(withoutHash(next));
      redirects.push(next.href);
      current = next;
      continue;
    }

    if (status === 304) {
      response.destroy();
      return { url: current.href, status, notModified: true, headers: responseHeaders, body: Buffer.alloc(0), text: '', charset: '', charsetSource: null, declaredCharset: null, redirects, bodyHash: '', durationMs: performance.now() - started };
    }
    if (status === 429 || status >= 500) {
      response.destroy();
      throw new RetryableFetchError(`HTTP_${status}`, url, httpMessage(status, response.statusMessage, current), status, parseRetryAfter(responseHeaders['retry-after'], settings.now()));
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new PermanentFetchError(`HTTP_${status}`, url, httpMessage(status, response.statusMessage, current), status);
    }

    const body = await readBody(response, url, settings, deadline);
    const decoded = decodeBody(body, responseHeaders['content-type'] ?? '');
    return {
      url: current.href,
      status,
      notModified: false,
      headers: responseHeaders,
      body,
      text: decoded.text,
      charset: decoded.charset,
      charsetSource: decoded.charsetSource,
      declaredCharset: decoded.declaredCharset,
      redirects,
      bodyHash: createHash('sha256').update(body).digest('hex'),
      durationMs: performance.now() - started,
    };
  }
}

function parseUrl(value: string, requested: string, base?: URL): URL {
  try {
    return new URL(value, base);
  } catch (error) {
    const what = base ? `redirect from \`${base.href}\` to` : 'not a valid URL:';
    throw new PermanentFetchError(base ? 'BAD_REDIRECT' : 'BAD_URL', requested, `${what} \`${value}\``, null, { cause: error });
  }
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}

function httpMessage(status: number, statusText: string | undefined, url: URL): string {
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''} from \`${url.href}\``;
}

async function systemResolver(hostname: string): Promise<ResolvedAddress[]> {
  const found = await dnsLookup(hostname, { all: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

/** Resolves the host of `url` and returns the address to connect to, refusing private ones unless allowed. */
async function resolveAllowed(url: URL, requested: string, settings: Settings, signal: AbortSignal): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family === 4 || family === 6) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await untilAborted(settings.resolveHost(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new RetryableFetchError('DNS', requested, `cannot resolve ${host}: ${(error as Error).message}`, null, null, { cause: error });
    }
    if (addresses.length === 0) throw new RetryableFetchError('DNS', requested, `cannot resolve ${host}: no addresses`);
  }
  if (!settings.allowPrivateAddresses) {
    // Every address is checked, not only the first: the system may connect to any of them.
    const blocked = addresses.find((a) => isPrivateAddress(a.address) && !settings.allowAddresses.has(a.address));
    if (blocked) {
      throw new PermanentFetchError('PRIVATE_ADDRESS', requested, `refused \`${url.href}\`: ${host} is a loopback/private address (${blocked.address}); set crawl.allowPrivateAddresses to fetch it`);
    }
  }
  return addresses[0]!;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('deadline reached'));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new Error('deadline reached'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A `lookup` that answers with the address already checked, whatever DNS would say now. */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
}

/** Sends the GET and resolves with the response head; the deadline destroys the request wherever it is. */
function openRequest(url: URL, address: ResolvedAddress, headers: Record<string, string>, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    // A fresh connection per request (no agent): a pooled socket could belong to an address not checked for this hop.
    const request = client.request(url, { method: 'GET', headers, agent: false, lookup: pinnedLookup(address) });
    const onAbort = (): void => {
      request.destroy(new Error('deadline reached'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    request.once('response', (response) => {
      response.once('close', () => signal.removeEventListener('abort', onAbort));
      resolve(response);
    });
    // `on`, not `once`: a destroyed request may report more than one error, and each must be caught.
    request.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    request.end();
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * Reads the body through its Content-Encoding decoder, within `maxBytes` before and after decoding.
 * Holds at most `maxBytes` plus one chunk, however long the server goes on sending.
 */
function readBody(response: http.IncomingMessage, url: string, settings: Settings, deadline: Deadline): Promise<Buffer> {
  const maxBytes = settings.maxBodyBytes;
  const declaredLength = Number(response.headers['content-length'] ?? Number.NaN);
  if (declaredLength > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge(url, maxBytes, `it announces ${declaredLength} bytes`));
  }
  const encodings = (response.headers['content-encoding'] ?? '')
    .toLowerCase()
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '' && token !== 'identity');
  if (encodings.length > 1 || (encodings[0] && !CODINGS[encodings[0]])) {
    response.destroy();
    return Promise.reject(new PermanentFetchError('UNSUPPORTED_ENCODING', url, `unsupported Content-Encoding \`${encodings.join(', ')}\` (gzip, deflate and br are read)`));
  }
  const coding = encodings[0] ? CODINGS[encodings[0]]! : null;

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let rawBytes = 0;
    let bodyBytes = 0;
    let decoder: Decoder | null = null;
    let settled = false;

    const finish = (error: FetchError | null): void => {
      if (settled) return;
      settled = true;
      deadline.signal.removeEventListener('abort', onDeadline);
      if (error) {
        response.destroy();
        decoder?.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, bodyBytes));
      }
    };
    const onDeadline = (): void => finish(timeoutError(url, settings.timeoutMs));
    deadline.signal.addEventListener('abort', onDeadline, { once: true });

    const accept = (chunk: Buffer): void => {
      if (settled) return;
      bodyBytes += chunk.length;
      if (bodyBytes > maxBytes) {
        const why = coding ? `it grew past that after ${coding.coding} decompression: stopped at ${bodyBytes} bytes decoded from ${rawBytes} received` : `stopped after receiving ${rawBytes} bytes`;
        finish(tooLarge(url, maxBytes, why));
      } else {
        chunks.push(chunk);
      }
    };
    const truncated = (cause?: unknown): void => {
      if (deadline.hasExpired) return finish(timeoutError(url, settings.timeoutMs));
      const expected = Number.isFinite(declaredLength) ? ` of ${declaredLength} announced` : '';
      finish(new RetryableFetchError('TRUNCATED', url, `body cut short: connection closed after ${rawBytes} bytes${expected}`, response.statusCode ?? null, null, { cause }));
    };

    const startDecoder = (first: Buffer): Decoder | null => {
      if (!coding) return null;
      const created = createDecoder(coding.coding, first);
      created.on('data', accept);
      // The decoder only sees bytes that arrived and is ended only after a complete response, so its
      // errors are corrupt data; a cut connection is reported by the response itself.
      created.on('error', (error) => {
        finish(new PermanentFetchError(coding.code, url, `corrupt ${coding.coding} body: ${error.message}`, response.statusCode ?? null, { cause: error }));
      });
      created.on('end', () => finish(null));
      created.on('drain', () => response.resume());
      return created;
    };

    response.on('data', (chunk: Buffer) => {
      if (settled) return;
      rawBytes += chunk.length;
      if (rawBytes > maxBytes) return finish(tooLarge(url, maxBytes, `stopped after receiving ${rawBytes} bytes`));
      if (!coding) return accept(chunk);
      decoder ??= startDecoder(chunk);
      if (decoder && !decoder.write(chunk)) response.pause();
    });
    response.on('end', () => {
      if (settled) return;
      if (!response.complete || (Number.isFinite(declaredLength) && rawBytes < declaredLength)) return truncated();
      // An empty body is empty in every coding; servers send it with `Content-Encoding: gzip` too.
      if (!coding || rawBytes === 0) return finish(null);
      decoder ??= startDecoder(Buffer.alloc(0));
      decoder?.end();
    });
    response.on('error', (error) => truncated(error));
    response.on('close', () => {
      if (!response.complete) truncated();
    });
  });
}

function createDecoder(coding: Coding, first: Buffer): Decoder {
  if (coding === 'gzip') return zlib.createGunzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate: the zlib header tells.
  return isZlibHeader(first) ? zlib.createInflate() : zlib.createInflateRaw();
}

/** A zlib stream header: compression method 8 and a check value divisible by 31 (RFC 1950). */
function isZlibHeader(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}

function tooLarge(url: string, maxBytes: number, why: string): PermanentFetchError {
  return new PermanentFetchError('TOO_LARGE', url, `body larger than ${maxBytes} bytes (${why}); raise crawl.maxBodyBytes to accept it`);
}

function timeoutError(url: string, timeoutMs: number, cause?: unknown): RetryableFetchError {
  return new RetryableFetchError('TIMEOUT', url, `no complete answer from \`${url}\` within ${timeoutMs} ms`, null, null, cause === undefined ? undefined : { cause });
}

/** Every failure leaves the fetcher as a FetchError with a stable code. */
function toFetchError(error: unknown, url: string, hasExpired: boolean, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  if (hasExpired) return timeoutError(url, timeoutMs, error);
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const detail = (error as Error | null)?.message ?? String(error);
  if (TLS_ERROR_CODE.test(code)) {
    return new PermanentFetchError('TLS', url, `TLS failure (${code}) for \`${url}\`: ${detail}`, null, { cause: error });
  }
  if (code.startsWith('HPE_')) {
    return new PermanentFetchError('BAD_RESPONSE', url, `malformed HTTP response (${code}) from \`${url}\`: ${detail}`, null, { cause: error });
  }
  if (RETRYABLE_NETWORK_CODES.has(code)) {
    return new RetryableFetchError(code, url, `network error (${code}) for \`${url}\`: ${detail}`, null, null, { cause: error });
  }
  return new RetryableFetchError('NETWORK', url, `network error for \`${url}\`: ${detail}`, null, null, { cause: error });
}

/** Retry-After as seconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - nowMs) / 1000));
}

/** True for loopback, private, carrier-grade NAT, link-local, unspecified and multicast addresses. */
export function isPrivateAddress(address: string): boolean {
  const ip = unmapIpv4(address);
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  const lower = ip.toLowerCase();
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:127.0.0.1` or `::ffff:7f00:1`), else the address. */
function unmapIpv4(address: string): string {
  const dotted = IPV4_MAPPED_DOTTED.exec(address);
  if (dotted) return dotted[1]!;
  const hex = IPV4_MAPPED_HEX.exec(address);
  if (!hex) return address;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

export { decodeBody };
