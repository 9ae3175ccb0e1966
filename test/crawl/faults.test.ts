import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetcherOptions } from '../../src/crawl/index.js';
import { FetchError, PermanentFetchError, RetryableFetchError } from '../../src/errors.js';
import { BOMB_BYTES, MAX_STREAM_BYTES, STREAM_CHUNK_BYTES, startFaultServer, type FaultServer } from './fault-server.js';
import { rejection, testFetcher } from '../helpers/fetch.js';

const MAX_BODY_BYTES = 256 * 1024;
/**
 * Bytes the server can hand to the loopback socket buffers (its send buffer plus our receive buffer)
 * that the fetcher never reads; about 4 MB measured on Linux.
 */
const SOCKET_BUFFER_SLACK = 8 * 1024 * 1024;
/** Largest chunk one socket read hands to the fetcher (libuv reads at most 64 KiB at a time). */
const SOCKET_READ_BYTES = 64 * 1024;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.resetCounters());

function fetcher(overrides: Partial<FetcherOptions> = {}) {
  return testFetcher({ maxBodyBytes: MAX_BODY_BYTES, ...overrides });
}


describe('the fetcher against a slow or broken connection', () => {
  it('gives up with TIMEOUT when the headers come later than the deadline', async () => {
    const error = await rejection(fetcher({ timeoutMs: 300 })(`${server.url}/slow-headers?ms=2000`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('within 300 ms');
  });

  it('gives up with TIMEOUT when the body stalls after the headers', async () => {
    const error = await rejection(fetcher({ timeoutMs: 400 })(`${server.url}/stall-body`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('TIMEOUT');
  });

  it('gives up with TIMEOUT at the deadline even while bytes keep trickling in', async () => {
    const error = await rejection(fetcher({ timeoutMs: 400 })(`${server.url}/stall-body?trickleMs=20`));
    expect(error.code).toBe('TIMEOUT');
    // The server sent several bytes after the first chunk: the deadline is total, not per read.
    expect(server.requests[0]!.bytesSent).toBeGreaterThan('the beginning of a body that never ends'.length + 3);
  });

  it('reports a connection reset before any answer as a retryable ECONNRESET', async () => {
    const error = await rejection(fetcher()(`${server.url}/reset-before-headers`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('ECONNRESET');
  });

  it('reports a reset in the middle of the body as a retryable TRUNCATED', async () => {
    const error = await rejection(fetcher()(`${server.url}/reset-mid-body`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('TRUNCATED');
  });

  it('reports a body shorter than its Content-Length as a retryable TRUNCATED', async () => {
    const error = await rejection(fetcher()(`${server.url}/short-body`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('TRUNCATED');
    expect(error.message).toContain('after 400 bytes of 1000 announced');
  });
});

describe('the fetcher against bodies that are too large', () => {
  it('stops an endless body at the size cap and closes the connection', async () => {
    const error = await rejection(fetcher({ timeoutMs: 1500 })(`${server.url}/endless`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('TOO_LARGE');
    // Memory bound: the fetcher held at most the cap plus the one socket read that crossed it.
    const received = Number(/stopped after receiving (\d+) bytes/.exec(error.message)?.[1]);
    expect(received).toBeGreaterThan(MAX_BODY_BYTES);
    expect(received).toBeLessThanOrEqual(MAX_BODY_BYTES + SOCKET_READ_BYTES);
    // The server saw the client hang up long before its own bound, having sent no more than what the
    // fetcher read plus what fits in the loopback socket buffers.
    await vi.waitFor(() => expect(server.openRequests).toBe(0));
    const record = server.requests[0]!;
    expect(record.endedBy).toBe('client');
    expect(record.bytesSent).toBeGreaterThanOrEqual(received);
    expect(record.bytesSent).toBeLessThanOrEqual(received + STREAM_CHUNK_BYTES + SOCKET_BUFFER_SLACK);
    expect(record.bytesSent).toBeLessThan(MAX_STREAM_BYTES);
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    const error = await rejection(fetcher()(`${server.url}/huge`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('it announces 52428800 bytes');
  });

  it('stops a gzip bomb at the cap after decompression, although its compressed size is small', async () => {
    const error = await rejection(fetcher({ maxBodyBytes: 1024 * 1024 })(`${server.url}/gzip-bomb`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/after gzip decompression: stopped at \d+ bytes decoded from \d+ received/);
    expect(server.requests[0]!.bytesSent).toBeLessThan(1024 * 1024);
    expect(server.requests[0]!.bytesSent).toBeLessThan(BOMB_BYTES / 100);
  });
});

describe('the fetcher following redirects', () => {
  it('detects a redirect loop', async () => {
    const error = await rejection(fetcher()(`${server.url}/loop/a`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('REDIRECT_LOOP');
    expect(error.message).toContain(`sends back to \`${server.url}/loop/a\``);
  });

  it('follows a chain of relative and absolute 301s within the limit and returns the final URL', async () => {
    const response = await fetcher({ maxRedirects: 5 })(`${server.url}/chain/5`);
    expect(response.text).toBe('end of chain');
    expect(response.url).toBe(`${server.url}/chain/0`);
    expect(response.redirects).toEqual([4, 3, 2, 1, 0].map((n) => `${server.url}/chain/${n}`));
  });

  it('gives up on a chain longer than maxRedirects', async () => {
    const error = await rejection(fetcher({ maxRedirects: 5 })(`${server.url}/chain/6`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
    expect(server.requests).toHaveLength(6);
  });

  it('refuses a redirect to a link-local address when private addresses are not allowed', async () => {
    const guarded = fetcher({ allowPrivateAddresses: false, allowAddresses: ['127.0.0.1'] });
    const error = await rejection(guarded(`${server.url}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('PRIVATE_ADDRESS');
    expect(error.message).toContain('169.254.169.254');
  });

  it('refuses a redirect to a host name that resolves to a private address', async () => {
    const guarded = fetcher({
      allowPrivateAddresses: false,
      allowAddresses: ['127.0.0.1'],
      resolveHost: async (host) => (host === 'intranet.example' ? [{ address: '10.1.2.3', family: 4 }] : []),
    });
    const error = await rejection(guarded(`${server.url}/redirect?to=${encodeURIComponent('http://intranet.example/admin')}`));
    expect(error.code).toBe('PRIVATE_ADDRESS');
    expect(error.message).toContain('10.1.2.3');
  });

  it('refuses a redirect to an IPv4-mapped IPv6 loopback written in hex', async () => {
    const guarded = fetcher({ allowPrivateAddresses: false, allowAddresses: ['127.0.0.1'] });
    const error = await rejection(guarded(`${server.url}/redirect?to=${encodeURIComponent(`http://[::ffff:7f00:2]:${server.port}/ok`)}`));
    expect(error.code).toBe('PRIVATE_ADDRESS');
  });

  it('refuses a redirect to a file: URL', async () => {
    const error = await rejection(fetcher()(`${server.url}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('BAD_SCHEME');
  });

  it('refuses the loopback server itself when private addresses are not allowed, without connecting', async () => {
    const error = await rejection(fetcher({ allowPrivateAddresses: false })(`${server.url}/ok`));
    expect(error.code).toBe('PRIVATE_ADDRESS');
    expect(server.requests).toHaveLength(0);
  });
});

describe('the fetcher classifying HTTP statuses', () => {
  it.each([
    [404, PermanentFetchError],
    [410, PermanentFetchError],
    [500, RetryableFetchError],
  ])('HTTP %i is a %o with code HTTP_<status>', async (status, errorClass) => {
    const error = await rejection(fetcher()(`${server.url}/status/${status}`));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.code).toBe(`HTTP_${status}`);
    expect(error.status).toBe(status);
  });

  it('passes the seconds of a Retry-After on a 503', async () => {
    const error = await rejection(fetcher()(`${server.url}/status/503?retryAfter=120`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('HTTP_503');
    expect((error as RetryableFetchError).retryAfterSecs).toBe(120);
  });

  it('turns a Retry-After date on a 503 into seconds from now', async () => {
    const clock = { now: () => new Date('2024-03-29T10:00:00Z') };
    const date = encodeURIComponent('Fri, 29 Mar 2024 10:01:30 GMT');
    const error = await rejection(fetcher({ clock })(`${server.url}/status/503?retryAfter=${date}`));
    expect((error as RetryableFetchError).retryAfterSecs).toBe(90);
  });

  it('treats 429 as retryable with its Retry-After', async () => {
    const error = await rejection(fetcher()(`${server.url}/status/429?retryAfter=7`));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('HTTP_429');
    expect((error as RetryableFetchError).retryAfterSecs).toBe(7);
  });

  it('returns notModified on a 304 without a body', async () => {
    server.serve('/not-modified', { status: 304, headers: { etag: '"v2"' } });
    const response = await fetcher()(`${server.url}/not-modified`, { etag: '"v2"' });
    expect(response.notModified).toBe(true);
    expect(response.text).toBe('');
    expect(server.requests[0]!.headers['if-none-match']).toBe('"v2"');
  });
});

const FEED_TEXT = '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Вести Прикамья</title><item><title>Рейды в общежитиях строителей после теракта</title><link>https://news.example/1</link></item></channel></rss>';
const PAGE_TEXT = '<p>Жители района собрали подписи в защиту соседей из Таджикистана.</p>';

describe('the fetcher with odd content types and encodings', () => {
  it('decodes by the XML declaration when the content type is wrong', async () => {
    server.serve('/wrong-type.xml', { headers: { 'content-type': 'application/octet-stream' }, body: iconv.encode(FEED_TEXT, 'windows-1251') });
    const response = await fetcher()(`${server.url}/wrong-type.xml`);
    expect(response.text).toBe(FEED_TEXT);
    expect(response.charset).toBe('windows-1251');
    expect(response.charsetSource).toBe('declaration');
  });

  it('decodes UTF-8 by default when there is no content type', async () => {
    server.serve('/no-type', { body: Buffer.from(PAGE_TEXT) });
    const response = await fetcher()(`${server.url}/no-type`);
    expect(response.headers['content-type']).toBeUndefined();
    expect(response.text).toBe(PAGE_TEXT);
    expect(response.charsetSource).toBe('default');
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decompresses a %s body', async (coding, compress) => {
    server.serve(`/compressed-${coding}`, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': coding }, body: compress(Buffer.from(PAGE_TEXT)) });
    const response = await fetcher()(`${server.url}/compressed-${coding}`);
    expect(response.text).toBe(PAGE_TEXT);
  });

  it('decompresses raw deflate sent as "deflate"', async () => {
    server.serve('/raw-deflate', { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' }, body: deflateRawSync(Buffer.from(PAGE_TEXT)) });
    const response = await fetcher()(`${server.url}/raw-deflate`);
    expect(response.text).toBe(PAGE_TEXT);
  });

  it('returns an empty body sent with Content-Encoding: gzip as empty text', async () => {
    server.serve('/empty-gzip', { headers: { 'content-encoding': 'gzip', 'content-length': '0' }, body: '' });
    const response = await fetcher()(`${server.url}/empty-gzip`);
    expect(response.text).toBe('');
    expect(response.body.length).toBe(0);
  });

  it('reports a corrupt gzip body as a permanent BAD_GZIP', async () => {
    const error = await rejection(fetcher()(`${server.url}/corrupt-gzip`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('BAD_GZIP');
  });

  it('reports corrupt gzip found while a long body is still arriving as BAD_GZIP, not TRUNCATED', async () => {
    const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
    server.serve('/long-corrupt-gzip', { headers: { 'content-encoding': 'gzip' }, body: Buffer.concat([header, Buffer.alloc(200_000, 0xff)]) });
    const error = await rejection(fetcher()(`${server.url}/long-corrupt-gzip`));
    expect(error.code).toBe('BAD_GZIP');
  });

  it('reports a gzip stream cut short inside a complete response as BAD_GZIP', async () => {
    const whole = gzipSync(Buffer.from(PAGE_TEXT.repeat(20)));
    server.serve('/cut-gzip', { headers: { 'content-encoding': 'gzip' }, body: whole.subarray(0, whole.length - 12) });
    const error = await rejection(fetcher()(`${server.url}/cut-gzip`));
    expect(error.code).toBe('BAD_GZIP');
  });

  it('refuses a Content-Encoding it cannot read', async () => {
    server.serve('/compress', { headers: { 'content-encoding': 'compress' }, body: 'x' });
    const error = await rejection(fetcher()(`${server.url}/compress`));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe('UNSUPPORTED_ENCODING');
  });
});
