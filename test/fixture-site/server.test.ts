import * as cheerio from 'cheerio';
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_PATHS, RSS_TRACKING_QUERY, startFixtureServer, type FixtureServer } from '../../src/fixture-site/index.js';
import { xmlProblem } from './well-formed-xml.js';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(server.url + path, { headers, redirect: 'manual' });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** A GET on a fresh connection (no keep-alive pool), for tests that restart a server on the same port. */
function fetchFresh(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

/** Item links of a feed, resolved against the feed URL, with the item count. */
function feedLinks(xml: string, feedUrl: string): string[] {
  const $ = cheerio.load(xml, { xml: true });
  const atom = $('entry');
  if (atom.length > 0) return atom.map((_, e) => new URL($(e).find('link').attr('href') ?? '', feedUrl).href).get();
  return $('item').map((_, e) => new URL($(e).find('link').text(), feedUrl).href).get();
}

describe('the fixture server', () => {
  it('listens on 127.0.0.1 and reports its url and port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves robots.txt allowing everything and an index linking every outlet', async () => {
    expect((await get('/robots.txt')).body).toBe('User-agent: *\nAllow: /\n');
    const index = await get('/');
    for (const outlet of server.site.outlets) expect(index.body).toContain(`href="${outlet.homePath}"`);
  });

  describe.each(['steppe-herald', 'volga-monitor', 'eurasia-wire'])('the %s feed', (id) => {
    it('is well-formed XML with one item per article of the outlet, newest first, each link leading to its page', async () => {
      const outlet = server.site.outlets.find((o) => o.id === id)!;
      const feed = await get(outlet.feedPath);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/xml/);
      expect(xmlProblem(feed.body)).toBeNull();
      const expected = server.site.articles.filter((a) => a.outlet === id);
      const links = feedLinks(feed.body, server.url + outlet.feedPath);
      expect(links.map((l) => new URL(l).pathname)).toEqual(expected.map((a) => a.path));
      for (const link of links) {
        const page = await fetch(link);
        expect(page.status, link).toBe(200);
      }
    });
  });

  it('shapes each feed in its own format', async () => {
    const rss = (await get('/steppe-herald/rss.xml')).body;
    expect(rss).toMatch(/<rss version="2.0"[\s\S]*<ttl>\d+<\/ttl>/);
    expect(rss).toContain(RSS_TRACKING_QUERY.replace(/&/g, '&amp;'));
    const atom = (await get('/volga-monitor/atom.xml')).body;
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom).toMatch(/<link rel="alternate" type="text\/html" href="\/volga-monitor\/articles\//);
    const rdf = (await get('/eurasia-wire/index.rdf')).body;
    expect(rdf).toMatch(/<rdf:RDF[\s\S]*<dc:date>2024-/);
  });

  it('serves every article page with its title and its first paragraph', async () => {
    for (const a of server.site.articles) {
      const page = await get(a.path);
      expect(page.status, a.path).toBe(200);
      const $ = cheerio.load(page.body);
      expect($('html').attr('lang')).toBe('en');
      expect($('title').text(), a.path).toContain(a.title);
      expect($('link[rel=canonical]').attr('href')).toBe(server.url + a.path);
      const firstParagraph = a.text.split('\n\n')[0]!;
      expect($('p').map((_, p) => $(p).text()).get(), a.path).toContain(firstParagraph);
    }
  });

  it('gives each outlet its own metadata style', async () => {
    const byOutlet = (id: string) => server.site.articles.find((a) => a.outlet === id && a.author)!;
    const herald = cheerio.load((await get(byOutlet('steppe-herald').path)).body);
    const ld = JSON.parse(herald('script[type="application/ld+json"]').text());
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: byOutlet('steppe-herald').title, datePublished: byOutlet('steppe-herald').published });
    expect(ld.articleBody).toBeUndefined();
    expect(herald('meta[property="og:title"]').attr('content')).toBe(byOutlet('steppe-herald').title);

    const volga = cheerio.load((await get(byOutlet('volga-monitor').path)).body);
    expect(volga('script[type="application/ld+json"]').length).toBe(0);
    expect(volga('time[datetime]').first().attr('datetime')).toBe(byOutlet('volga-monitor').published);
    expect(volga('.news-item__author').text()).toBe(`By ${byOutlet('volga-monitor').author}`);

    const wire = cheerio.load((await get(byOutlet('eurasia-wire').path)).body);
    expect(wire('meta[name="article:published_time"]').attr('content')).toBe(byOutlet('eurasia-wire').published);
    expect(wire('meta[name="author"]').attr('content')).toBe(byOutlet('eurasia-wire').author);
  });

  it('puts headlines of other articles, relevant ones included, in the sidebar', async () => {
    const a = server.site.articles.find((x) => x.kind === 'unrelated')!;
    const $ = cheerio.load((await get(a.path)).body);
    const sidebar = $('.most-read a, .side-block--popular a, .rail__block a').map((_, e) => $(e).attr('href')).get();
    const relevantPaths = new Set(server.site.articles.filter((x) => x.kind === 'relevant').map((x) => x.path));
    expect(sidebar).not.toContain(a.path);
    expect(sidebar.some((href) => relevantPaths.has(href))).toBe(true);
  });

  it('renders the same page and feed again byte for byte', async () => {
    const a = server.site.articles[0]!;
    expect((await get(a.path)).body).toBe((await get(a.path)).body);
    expect((await get('/volga-monitor/atom.xml')).body).toBe((await get('/volga-monitor/atom.xml')).body);
  });

  it('answers 404 for an unknown page and redirects an outlet path without its trailing slash', async () => {
    expect((await get('/steppe-herald/news/2024/01/01/nothing.html')).status).toBe(404);
    expect((await get('/no-such-outlet/')).status).toBe(404);
    const redirect = await get('/volga-monitor');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/volga-monitor/');
  });

  it('ignores query strings such as tracking parameters when routing', async () => {
    const a = server.site.articles.find((x) => x.outlet === 'steppe-herald')!;
    expect((await get(a.path + RSS_TRACKING_QUERY)).status).toBe(200);
  });
});

describe('conditional GET', () => {
  it.each(['/steppe-herald/rss.xml', '/volga-monitor/atom.xml', '/eurasia-wire/index.rdf', '/steppe-herald/'])(
    'answers 304 on %s when the ETag or the date still matches, and 200 otherwise',
    async (path) => {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

      const byTag = await get(path, { 'If-None-Match': etag });
      expect(byTag.status).toBe(304);
      expect(byTag.body).toBe('');
      expect((await get(path, { 'If-Modified-Since': lastModified })).status).toBe(304);
      expect((await get(path, { 'If-None-Match': '"stale"' })).status).toBe(200);
      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await get(path, { 'If-Modified-Since': older })).status).toBe(200);
    },
  );

  it('answers 304 on an article page and logs the validators the client sent', async () => {
    const a = server.site.articles[0]!;
    const etag = (await get(a.path)).headers.get('etag')!;
    expect((await get(a.path, { 'If-None-Match': etag })).status).toBe(304);
    const logged = server.requests.filter((r) => r.path === a.path).at(-1)!;
    expect(logged).toMatchObject({ method: 'GET', status: 304 });
    expect(logged.headers['if-none-match']).toBe(etag);
  });
});

describe('fault routes', () => {
  it.each([
    [FAULT_PATHS.serverError, 500, /text\/plain/],
    [FAULT_PATHS.notFound, 404, /text\/html/],
    [FAULT_PATHS.notXml, 200, /text\/html/],
    [FAULT_PATHS.malformed, 200, /application\/rss\+xml/],
  ])('%s answers %i with %s', async (path, status, type) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(type);
  });

  it('serves a malformed feed that a strict parser rejects', async () => {
    const body = (await get(FAULT_PATHS.malformed)).body;
    expect(body.startsWith('<?xml')).toBe(true);
    expect(xmlProblem(body)).not.toBeNull();
  });

  it('serves HTML, not XML, on the not-xml route', async () => {
    expect((await get(FAULT_PATHS.notXml)).body).toMatch(/^<!DOCTYPE html>/);
  });

  it('lists one good article and the hanging page in the feed with a hanging page', async () => {
    const body = (await get(FAULT_PATHS.feedWithHangingPage)).body;
    expect(xmlProblem(body)).toBeNull();
    const links = feedLinks(body, server.url + FAULT_PATHS.feedWithHangingPage).map((l) => new URL(l).pathname);
    expect(links).toHaveLength(2);
    expect(server.site.articles.map((a) => a.path)).toContain(links[0]);
    expect(links[1]).toBe(FAULT_PATHS.hang);
  });

  it('never answers on the hang route, so a client with a short timeout gives up', async () => {
    const err = await fetch(server.url + FAULT_PATHS.hang, { signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('TimeoutError');
    expect(server.requests.find((r) => r.path === FAULT_PATHS.hang)?.status).toBeNull();
  });
});

describe('close()', () => {
  it('returns while a request hangs, and the hanging client sees the connection end', async () => {
    const own = await startFixtureServer();
    const pending = fetch(own.url + FAULT_PATHS.hang).catch((e: unknown) => e);
    await own.waitForRequest((r) => r.path === FAULT_PATHS.hang);
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
    await expect(fetch(own.url + '/')).rejects.toThrow();
  });

  it('serves the same bytes again from a new server on the same port', async () => {
    const first = await startFixtureServer();
    const a = first.site.articles[0]!;
    const before = [await fetchFresh(first.url + a.path), await fetchFresh(first.url + '/eurasia-wire/index.rdf')];
    await first.close();
    const second = await startFixtureServer({ port: first.port });
    try {
      const after = [await fetchFresh(second.url + a.path), await fetchFresh(second.url + '/eurasia-wire/index.rdf')];
      expect(after).toEqual(before);
    } finally {
      await second.close();
    }
  });
});
