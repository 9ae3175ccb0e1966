/**
 * A local replay of the fixture news site on 127.0.0.1: outlet pages, article pages and feeds rendered
 * from the Markdown sources, conditional GET, a request log, and fault routes for crawler tests.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { newestUtc, outletArticles, renderFeed, renderLinkFeed } from './feeds.js';
import { loadFixtureSite, type FixtureSite, type SiteArticle } from './load.js';
import { escapeHtml as esc } from './markdown.js';
import { hashString, type Outlet } from './outlets.js';
import { TEMPLATES, pickComments, pickMostRead, pickRelated } from './templates/index.js';

/** One request the server received, so tests can assert what a client sent. */
export interface RequestLogEntry {
  method: string;
  /** Path and query as requested (`/steppe-herald/rss.xml?x=1`). */
  path: string;
  /** Status sent, or null while the request is still open (e.g. `/faults/hang`). */
  status: number | null;
  headers: IncomingHttpHeaders;
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  port: number;
  site: FixtureSite;
  requests: RequestLogEntry[];
  /** Resolves with the first logged request (past or future) that matches, e.g. to know a hang has begun. */
  waitForRequest(predicate: (entry: RequestLogEntry) => boolean): Promise<RequestLogEntry>;
  /** Stops listening and destroys open connections, including hanging ones. */
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default `<package root>/fixtures/site` */
  siteDir?: string;
}

/** Fault routes for crawler tests (documented in fixtures/site/README.md). */
export const FAULT_PATHS = {
  serverError: '/faults/500.xml',
  notXml: '/faults/not-xml.xml',
  hang: '/faults/hang',
  feedWithHangingPage: '/faults/feed-with-hanging-page.xml',
  notFound: '/faults/404.xml',
  malformed: '/faults/malformed.xml',
  feedWithListingPage: '/faults/feed-with-listing-page.xml',
} as const;

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  rss2: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
  svg: 'image/svg+xml',
} as const;

/** A response decided by the router; `lastModified` (ISO) turns on conditional GET. */
interface Reply {
  status: number;
  contentType: string;
  body: string;
  lastModified?: string;
  location?: string;
}

type Route = Reply | { hang: true };

/**
 * Starts the fixture server.
 * 1. Load and validate the site once (throws on invalid sources).
 * 2. Listen on host:port; track sockets so `close()` can end hanging requests.
 * 3. For each request: log it, route it, answer 304 when the validators match, else send the reply.
 */
export async function startFixtureServer(opts: FixtureServerOptions = {}): Promise<FixtureServer> {
  const site = loadFixtureSite(opts.siteDir);
  const host = opts.host ?? '127.0.0.1';
  const requests: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();
  const waiters: { predicate: (entry: RequestLogEntry) => boolean; resolve: (entry: RequestLogEntry) => void }[] = [];
  let router: (path: string) => Route = () => ({ status: 503, contentType: CONTENT_TYPES.text, body: 'starting\n' });

  const server = createServer((req, res) => {
    const entry: RequestLogEntry = { method: req.method ?? 'GET', path: req.url ?? '/', status: null, headers: req.headers };
    requests.push(entry);
    for (const waiter of waiters.filter((w) => w.predicate(entry))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(entry);
    }
    handle(req, res, entry, router);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  router = createRouter(site, url);

  return {
    url,
    port,
    site,
    requests,
    waitForRequest: (predicate) => {
      const seen = requests.find(predicate);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function handle(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, router: (path: string) => Route): void {
  const send = (reply: Reply, withBody: boolean): void => {
    entry.status = reply.status;
    res.statusCode = reply.status;
    res.setHeader('Content-Type', reply.contentType);
    if (reply.location) res.setHeader('Location', reply.location);
    res.end(withBody ? reply.body : undefined);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send({ status: 405, contentType: CONTENT_TYPES.text, body: 'method not allowed\n' }, true);
    return;
  }
  const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
  const route = router(path);
  if ('hang' in route) return; // never answered; close() destroys the socket
  const withBody = req.method === 'GET';
  if (route.status !== 200 || !route.lastModified) {
    send(route, withBody);
    return;
  }
  const etag = `"${hashString(route.body).toString(16)}-${Buffer.byteLength(route.body).toString(16)}"`;
  const lastModified = new Date(route.lastModified).toUTCString();
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified);
  res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
  if (isNotModified(req.headers, etag, route.lastModified)) {
    entry.status = 304;
    res.statusCode = 304;
    res.end();
    return;
  }
  send(route, withBody);
}

/** RFC 9110: If-None-Match wins over If-Modified-Since; dates compare at one-second precision. */
export function isNotModified(headers: IncomingHttpHeaders, etag: string, lastModifiedIso: string): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  const modified = Math.floor(Date.parse(lastModifiedIso) / 1000) * 1000;
  return !Number.isNaN(since) && since >= modified;
}

function createRouter(site: FixtureSite, baseUrl: string): (path: string) => Route {
  const cache = new Map<string, Route>();
  const articlesByPath = new Map<string, SiteArticle>(site.articles.map((a) => [a.path, a]));
  const outletsById = new Map<string, Outlet>(site.outlets.map((o) => [o.id, o]));
  const html = (body: string, lastModified?: string): Reply => ({ status: 200, contentType: CONTENT_TYPES.html, body, ...(lastModified ? { lastModified } : {}) });
  const notFound = (): Reply => ({ status: 404, contentType: CONTENT_TYPES.html, body: renderNotFound() });
  const redirect = (location: string): Reply => ({ status: 301, contentType: CONTENT_TYPES.text, body: `moved to ${location}\n`, location });

  const route = (path: string): Route => {
    if (path === '/') return html(renderSiteIndex(site), newestUtc(site.articles));
    if (path === '/robots.txt') return { status: 200, contentType: CONTENT_TYPES.text, body: 'User-agent: *\nAllow: /\n' };
    if (path.startsWith('/faults/')) return routeFault(site, baseUrl, path);

    const article = articlesByPath.get(path);
    if (article) {
      const outlet = outletsById.get(article.outlet);
      if (!outlet) return notFound();
      const template = TEMPLATES[outlet.id];
      return html(
        template.renderArticlePage({
          site,
          outlet,
          baseUrl,
          article,
          related: pickRelated(site, article),
          mostRead: pickMostRead(site, article),
          comments: template.hasComments ? pickComments(site, article) : [],
        }),
        article.publishedUtc,
      );
    }
    if (!path.endsWith('/') && articlesByPath.has(`${path}/`)) return redirect(`${path}/`);

    const [, outletId = '', ...rest] = path.split('/');
    const outlet = outletsById.get(outletId);
    if (!outlet) return notFound();
    if (rest.length === 0) return redirect(outlet.homePath);
    if (path === outlet.homePath) {
      const articles = outletArticles(site, outlet);
      return html(TEMPLATES[outlet.id].renderHomePage({ site, outlet, baseUrl, articles }), newestUtc(articles));
    }
    if (path === outlet.feedPath) {
      const articles = outletArticles(site, outlet);
      return { status: 200, contentType: CONTENT_TYPES[outlet.feedFormat], body: renderFeed(site, outlet, baseUrl), lastModified: newestUtc(articles) };
    }
    const media = /^\/[a-z-]+\/media\/([a-z0-9-]+)\.svg$/.exec(path);
    if (media) return { status: 200, contentType: CONTENT_TYPES.svg, body: renderPlaceholderImage(media[1] ?? '') };
    return notFound();
  };

  return (path) => {
    let reply = cache.get(path);
    if (!reply) {
      reply = route(path);
      cache.set(path, reply);
    }
    return reply;
  };
}

function routeFault(site: FixtureSite, baseUrl: string, path: string): Route {
  switch (path) {
    case FAULT_PATHS.serverError:
      return { status: 500, contentType: CONTENT_TYPES.text, body: 'Internal Server Error\n' };
    case FAULT_PATHS.notXml:
      return {
        status: 200,
        contentType: CONTENT_TYPES.html,
        body: '<!DOCTYPE html>\n<html lang="en"><head><title>Feed moved</title></head><body><h1>Our feeds have moved</h1><p>Please visit our new website.</p></body></html>\n',
      };
    case FAULT_PATHS.hang:
      return { hang: true };
    case FAULT_PATHS.feedWithHangingPage: {
      const good = site.articles.find((a) => a.outlet === 'steppe-herald') ?? site.articles[0];
      const links = [
        ...(good ? [{ title: good.title, url: baseUrl + good.path, published: good.published }] : []),
        { title: 'A page that never answers', url: baseUrl + FAULT_PATHS.hang, published: '2024-03-30T12:00:00+05:00' },
      ];
      return { status: 200, contentType: CONTENT_TYPES.rss2, body: renderLinkFeed('Feed with a hanging page', baseUrl + path, links) };
    }
    case FAULT_PATHS.feedWithListingPage: {
      // An item that links to a page of headlines: the extractor must say "no article", not return junk.
      const links = [{ title: 'Volga Monitor front page', url: `${baseUrl}/volga-monitor/`, published: '2024-03-30T12:00:00+03:00' }];
      return { status: 200, contentType: CONTENT_TYPES.rss2, body: renderLinkFeed('Feed linking a front page', baseUrl + path, links) };
    }
    case FAULT_PATHS.malformed: {
      const full = renderLinkFeed('Truncated feed', baseUrl + path, [{ title: 'Cut off', url: `${baseUrl}/steppe-herald/`, published: '2024-03-30T12:00:00+05:00' }]);
      return { status: 200, contentType: CONTENT_TYPES.rss2, body: full.slice(0, Math.floor(full.length * 0.6)) };
    }
    default:
      return { status: 404, contentType: CONTENT_TYPES.html, body: renderNotFound() };
  }
}

function renderSiteIndex(site: FixtureSite): string {
  const items = site.outlets.map((o) => {
    const count = site.articles.filter((a) => a.outlet === o.id).length;
    return `<li><a href="${esc(o.homePath)}">${esc(o.name)}</a> — ${esc(o.tagline)} (${count} articles; feed: <a href="${esc(o.feedPath)}">${esc(o.feedPath)}</a>)</li>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>xenoscope fixture news site</title></head>
<body>
<h1>Fixture news site</h1>
<p>A local replay of three fictional English-language outlets, for xenoscope's demo and tests.</p>
<ul>
${items.join('\n')}
</ul>
</body>
</html>
`;
}

function renderNotFound(): string {
  return '<!DOCTYPE html>\n<html lang="en"><head><title>Page not found</title></head><body><h1>404</h1><p>The page you requested does not exist.</p></body></html>\n';
}

function renderPlaceholderImage(seed: string): string {
  const hue = hashString(seed) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450"><rect width="800" height="450" fill="hsl(${hue},35%,70%)"/></svg>\n`;
}
