import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { PermanentFetchError, RetryableFetchError } from '../errors.js';

export interface FetcherOptions {
  userAgent: string;
  /** Deadline for the whole request: connect, headers and body. */
  timeoutMs: number;
  maxBodyBytes: number;
  allowPrivateAddresses: boolean;
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
  body: Buffer;
  /** Decoded text (empty on 304). */
  text: string;
  charset: string;
  /** sha256 of the raw body, to detect unchanged feeds whose server ignores validators. */
  bodyHash: string;
  durationMs: number;
}

/** The one HTTP client of xenoscope: fetches a URL or throws a Retryable/PermanentFetchError. */
export type Fetcher = (url: string, request?: FetchRequest) => Promise<FetchResponse>;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
export { FEED_ACCEPT };

const CHARSET_IN_TYPE = /charset\s*=\s*["']?([\w.:-]+)/i;
const CHARSET_IN_XML = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i;
const CHARSET_IN_META = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;

/**
 * Creates the fetcher:
 * 1. Refuse non-http(s) schemes and, unless allowed, hosts that resolve to loopback, private or link-local addresses.
 * 2. GET with the configured User-Agent and conditional headers; one deadline covers connect, headers and body.
 * 3. Read the body as a stream and abort past `maxBodyBytes` (after decompression).
 * 4. Classify: 304 → not modified; 429/5xx → retryable; other 4xx → permanent.
 * 5. Decode text with the charset from BOM, then header, then XML declaration or <meta>.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  return async (url, request = {}) => {
    const started = performance.now();
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new PermanentFetchError('BAD_URL', url, `not a valid URL: \`${url}\``);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new PermanentFetchError('BAD_SCHEME', url, `refused scheme ${parsed.protocol} (only http and https are fetched)`);
    }
    if (!options.allowPrivateAddresses) await assertPublicHost(parsed);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: request.accept ?? FEED_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    try {
      let response: Response;
      try {
        response = await fetch(parsed, { headers, redirect: 'follow', signal: controller.signal });
      } catch (error) {
        throw networkError(url, error, controller.signal.aborted, options.timeoutMs);
      }
      const responseHeaders = Object.fromEntries(response.headers.entries());
      if (response.status === 304) {
        await response.body?.cancel();
        return { url: response.url || url, status: 304, notModified: true, headers: responseHeaders, body: Buffer.alloc(0), text: '', charset: '', bodyHash: '', durationMs: performance.now() - started };
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        throw new RetryableFetchError(`HTTP_${response.status}`, url, `HTTP ${response.status} ${response.statusText}`.trim(), response.status, parseRetryAfter(response.headers.get('retry-after')));
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        throw new PermanentFetchError(`HTTP_${response.status}`, url, `HTTP ${response.status} ${response.statusText}`.trim(), response.status);
      }
      let body: Buffer;
      try {
        body = await readCapped(response, options.maxBodyBytes, url);
      } catch (error) {
        if (error instanceof PermanentFetchError) throw error;
        throw networkError(url, error, controller.signal.aborted, options.timeoutMs);
      }
      const { text, charset } = decodeBody(body, responseHeaders['content-type'] ?? '');
      return {
        url: response.url || url,
        status: response.status,
        notModified: false,
        headers: responseHeaders,
        body,
        text,
        charset,
        bodyHash: createHash('sha256').update(body).digest('hex'),
        durationMs: performance.now() - started,
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PermanentFetchError('TOO_LARGE', url, `body larger than ${maxBytes} bytes; raise crawl.maxBodyBytes to accept it`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function networkError(url: string, error: unknown, timedOut: boolean, timeoutMs: number): RetryableFetchError {
  if (timedOut) return new RetryableFetchError('TIMEOUT', url, `no complete answer within ${timeoutMs} ms`, null, null, { cause: error });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? 'NETWORK';
  return new RetryableFetchError(code, url, `network error: ${cause?.message ?? (error as Error).message}`, null, null, { cause: error });
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Decodes a body with the charset from its BOM, the Content-Type header, or the XML/HTML declaration. */
export function decodeBody(body: Buffer, contentType: string): { text: string; charset: string } {
  let charset = 'utf-8';
  let start = 0;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    start = 3;
  } else if (body[0] === 0xff && body[1] === 0xfe) {
    charset = 'utf-16le';
    start = 2;
  } else if (body[0] === 0xfe && body[1] === 0xff) {
    charset = 'utf-16be';
    start = 2;
  } else {
    const head = body.subarray(0, 2048).toString('latin1');
    const declared = CHARSET_IN_TYPE.exec(contentType)?.[1] ?? CHARSET_IN_XML.exec(head.trimStart())?.[1] ?? CHARSET_IN_META.exec(head)?.[1];
    if (declared) charset = declared.toLowerCase();
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
    charset = 'utf-8';
  }
  return { text: decoder.decode(body.subarray(start)), charset };
}

/** Refuses hosts that are, or resolve to, loopback, private, link-local or unspecified addresses. */
async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch (error) {
      throw new RetryableFetchError('DNS', url.href, `cannot resolve ${host}: ${(error as Error).message}`, null, null, { cause: error });
    }
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) {
    throw new PermanentFetchError('PRIVATE_ADDRESS', url.href, `refused: ${host} is a loopback/private address (${blocked}); set crawl.allowPrivateAddresses to fetch it`);
  }
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  const lower = ip.toLowerCase();
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}
