import { describe, expect, it } from 'vitest';
import { discoverFeeds } from '../../src/crawl/discover.js';
import { normalizeUrl } from '../../src/crawl/url.js';

const PAGE = 'https://volga-monitor.example/section/society/';

/** An outlet's section page: feeds announced in the head, more linked in the footer, and look-alikes that are not feeds. */
const OUTLET_PAGE = `<!doctype html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>Society — Volga Monitor</title>
  <link rel="stylesheet" href="/static/site.css">
  <link rel="alternate" type="application/rss+xml" title="Volga Monitor — all news" href="/rss">
  <link rel="alternate" type="application/atom+xml" title=" Society
     section " href="https://volga-monitor.example/section/society/atom.xml">
  <link rel="alternate" hreflang="ru" href="https://volga-monitor.example/ru/">
  <link rel="alternate" type="application/json" href="/feed.json">
  <link rel="ALTERNATE home" type="Application/RDF+XML" href="/index.rdf">
</head><body>
  <a href="/news/2024/03/28/market-checks">Document checks at the central market</a>
  <a href="/sitemap.xml">Sitemap</a>
  <a href="/feed/">Subscribe</a>
  <a href="/rss?utm_source=footer">RSS</a>
  <a href="podcasts/episodes.rss"><img src="/i/podcast.png" alt=""></a>
  <a href="/export?format=rss">Custom export</a>
  <a href="javascript:void(0)">Feed reader help</a>
  <a href="mailto:desk@volga-monitor.example">Contact</a>
  <a href="/about/rss-help">What is RSS?</a>
</body></html>`;

describe('discoverFeeds', () => {
  it('lists announced feeds first, then feed-looking links, each URL once', () => {
    expect(discoverFeeds(OUTLET_PAGE, PAGE)).toEqual([
      { url: 'https://volga-monitor.example/rss', title: 'Volga Monitor — all news', type: 'rss', via: 'link' },
      { url: 'https://volga-monitor.example/section/society/atom.xml', title: 'Society section', type: 'atom', via: 'link' },
      { url: 'https://volga-monitor.example/index.rdf', title: null, type: 'rdf', via: 'link' },
      { url: 'https://volga-monitor.example/feed/', title: 'Subscribe', type: 'unknown', via: 'anchor' },
      { url: 'https://volga-monitor.example/section/society/podcasts/episodes.rss', title: null, type: 'rss', via: 'anchor' },
      { url: 'https://volga-monitor.example/export?format=rss', title: 'Custom export', type: 'rss', via: 'anchor' },
    ]);
  });

  it.each([
    ['a bare /rss path', '/rss', 'rss'],
    ['a /feeds/ path', '/feeds/', 'unknown'],
    ['an atom.xml file', '/atom.xml', 'atom'],
    ['an .rss file', '/news.rss', 'rss'],
    ['an RSS XML file', '/rss/news.xml', 'rss'],
    ['a feed query', '/index.php?option=com_content&format=feed', 'unknown'],
  ])('takes %s as a feed link', (_name, href, type) => {
    const [found] = discoverFeeds(`<a href="${href}">x</a>`, 'https://outlet.example/');
    expect(found).toMatchObject({ url: normalizeUrl(href, 'https://outlet.example/'), type, via: 'anchor' });
  });

  it.each([
    ['a sitemap', '/sitemap.xml'],
    ['an article about feeds', '/2024/03/how-to-read-rss-feeds'],
    ['a page under /feed', '/feedback'],
    ['a non-http link', 'ftp://outlet.example/rss'],
  ])('does not take %s for a feed', (_name, href) => {
    expect(discoverFeeds(`<a href="${href}">x</a>`, 'https://outlet.example/')).toEqual([]);
  });

  it('resolves links against <base href>', () => {
    const html = '<head><base href="https://cdn.outlet.example/site/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>';
    expect(discoverFeeds(html, 'https://outlet.example/page')).toEqual([{ url: 'https://cdn.outlet.example/site/rss.xml', title: null, type: 'rss', via: 'link' }]);
  });

  it('finds nothing on a page without feeds', () => {
    expect(discoverFeeds('<html><body><p>No feeds here.</p></body></html>', 'https://outlet.example/')).toEqual([]);
  });
});
