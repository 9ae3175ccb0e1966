import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEED_ACCEPT, PAGE_ACCEPT, RequestScheduler, type FetcherOptions, type HostResolver } from '../../src/crawl/index.js';
import { FetchError, PermanentFetchError, RetryableFetchError } from '../../src/errors.js';
import { startFaultServer, type FaultServer } from './fault-server.js';
import { rejection, TEST_USER_AGENT, testFetcher } from '../helpers/fetch.js';


let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.resetCounters());

function fetcher(overrides: Partial<FetcherOptions> = {}) {
  return testFetcher(overrides);
}


describe('what the fetcher sends', () => {
  it('sends the configured User-Agent and Accept-Encoding on every hop of a redirect chain', async () => {
    await fetcher()(`${server.url}/chain/3`, { accept: PAGE_ACCEPT });
    expect(server.requests.map((r) => r.url)).toEqual(['/chain/3', '/chain/2', '/chain/1', '/chain/0']);
    for (const request of server.requests) {
      expect(request.headers['user-agent']).toBe(TEST_USER_AGENT);
      expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');
      expect(request.headers.accept).toBe(PAGE_ACCEPT);
    }
  });

  it('asks for feeds by default and sends the conditional validators', async () => {
    await fetcher()(`${server.url}/ok`, { etag: '"abc"', lastModified: 'Fri, 22 Mar 2024 18:00:00 GMT' });
    const [request] = server.requests;
    expect(request!.headers.accept).toBe(FEED_ACCEPT);
    expect(request!.headers['if-none-match']).toBe('"abc"');
    expect(request!.headers['if-modified-since']).toBe('Fri, 22 Mar 2024 18:00:00 GMT');
  });

  it('returns status, headers, body, hash and the decoded text of a plain answer', async () => {
    const response = await fetcher()(`${server.url}/ok`);
    expect(response).toMatchObject({ url: `${server.url}/ok`, status: 200, notModified: false, text: 'ok', charset: 'utf-8', charsetSource: 'header', redirects: [] });
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body.toString()).toBe('ok');
    expect(response.bodyHash).toBe(createHash('sha256').update('ok').digest('hex'));
  });
});

describe('how the fetcher resolves and connects', () => {
  it('connects to the address it checked, resolving each host once', async () => {
    const asked: string[] = [];
    // A rebinding resolver: the first answer is allowed, any later one is private.
    const resolveHost: HostResolver = async (host) => {
      asked.push(host);
      return [{ address: asked.length === 1 ? '127.0.0.1' : '10.0.0.7', family: 4 }];
    };
    const guarded = fetcher({ allowPrivateAddresses: false, allowAddresses: ['127.0.0.1'], resolveHost });
    const response = await guarded(`http://news.example:${server.port}/ok`);
    expect(response.text).toBe('ok');
    expect(asked).toEqual(['news.example']);
    expect(server.requests[0]!.headers.host).toBe(`news.example:${server.port}`);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolveHost: HostResolver = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '192.168.0.10', family: 4 },
    ];
    const error = await rejection(fetcher({ allowPrivateAddresses: false, allowAddresses: ['127.0.0.1'], resolveHost })(`http://mixed.example:${server.port}/ok`));
    expect(error.code).toBe('PRIVATE_ADDRESS');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a resolver failure as a retryable DNS error', async () => {
    const resolveHost: HostResolver = async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const error = await rejection(fetcher({ resolveHost })('http://gone.example/feed.xml'));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('DNS');
    expect(error.message).toContain('cannot resolve gone.example');
  });

  it('counts DNS against the deadline', async () => {
    const resolveHost: HostResolver = () => new Promise(() => {});
    const error = await rejection(fetcher({ timeoutMs: 300, resolveHost })('http://slow-dns.example/feed.xml'));
    expect(error.code).toBe('TIMEOUT');
  });

  it('reports a refused connection as a retryable ECONNREFUSED', async () => {
    const closed = await startFaultServer();
    const url = `${closed.url}/ok`;
    await closed.close();
    const error = await rejection(fetcher()(url));
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect(error.code).toBe('ECONNREFUSED');
  });

  it.each([
    ['not a URL', 'BAD_URL'],
    ['ftp://files.example/feed.xml', 'BAD_SCHEME'],
  ])('refuses `%s` with %s before any request', async (url, code) => {
    const error = await rejection(fetcher()(url));
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect(error.code).toBe(code);
  });

  it('refuses a negative maxRedirects when created', () => {
    expect(() => fetcher({ maxRedirects: -1 })).toThrow('maxRedirects: expected an integer ≥ 0, received `-1`');
  });
});

describe('concurrency against one host', () => {
  it('opens one connection per request when nothing limits it', async () => {
    const fetch = fetcher();
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/hold?ms=400`)));
    expect(server.peakOpenRequests).toBe(5);
  });

  it('keeps at most perHostConcurrency requests open when run through the scheduler', async () => {
    const fetch = fetcher();
    const scheduler = new RequestScheduler({ concurrency: 8, perHostConcurrency: 2 });
    const urls = Array.from({ length: 6 }, (_, i) => `${server.url}/hold?ms=200&n=${i}`);
    const responses = await Promise.all(urls.map((url) => scheduler.run(url, () => fetch(url))));
    expect(responses.map((r) => r.text)).toEqual(Array(6).fill('late'));
    expect(server.requests).toHaveLength(6);
    expect(server.peakOpenRequests).toBe(2);
  });
});
