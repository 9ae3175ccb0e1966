/**
 * Feed documents of the fixture site, one format per outlet:
 * - The Steppe Herald: RSS 2.0 with `<ttl>`, `dc:creator`, and item links carrying tracking parameters.
 * - Volga Monitor: Atom 1.0; every other entry links with a root-relative href (resolve against the feed).
 * - Eurasia Wire: RDF / RSS 1.0 with `dc:date`, `dc:creator`, `dc:subject`.
 * Items are listed newest first.
 */
import { escapeHtml as xml } from './markdown.js';
import type { FixtureSite, SiteArticle } from './load.js';
import { hashString, type Outlet } from './outlets.js';

/** Query string The Steppe Herald appends to its feed links, as many real feeds do. */
export const RSS_TRACKING_QUERY = '?utm_source=rss&utm_medium=feed&utm_campaign=steppe-herald';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LOCAL_ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/** RFC 822 date in the article's own offset: `Tue, 26 Mar 2024 08:15:00 +0500`. */
export function rfc822(localIso: string): string {
  const m = LOCAL_ISO_RE.exec(localIso);
  if (!m) return new Date(localIso).toUTCString();
  const [, y, mo, d, h, mi, s, off] = m as unknown as string[];
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  const zone = off === 'Z' ? '+0000' : (off ?? '+00:00').replace(':', '');
  return `${weekday}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s ?? '00'} ${zone}`;
}

export function outletArticles(site: FixtureSite, outlet: Outlet): SiteArticle[] {
  return site.articles.filter((a) => a.outlet === outlet.id);
}

/** The newest publication instant among `articles`, or the site's first day when there are none. */
export function newestUtc(articles: SiteArticle[]): string {
  return articles[0]?.publishedUtc ?? '2024-02-15T00:00:00.000Z';
}

export function renderFeed(site: FixtureSite, outlet: Outlet, baseUrl: string): string {
  switch (outlet.feedFormat) {
    case 'rss2':
      return renderRss2(outlet, outletArticles(site, outlet), baseUrl);
    case 'atom':
      return renderAtom(outlet, outletArticles(site, outlet), baseUrl);
    case 'rdf':
      return renderRdf(outlet, outletArticles(site, outlet), baseUrl);
  }
}

export function renderRss2(outlet: Outlet, articles: SiteArticle[], baseUrl: string): string {
  const items = articles.map((a) => {
    const lines = [
      '    <item>',
      `      <title>${xml(a.title)}</title>`,
      `      <link>${xml(baseUrl + a.path + RSS_TRACKING_QUERY)}</link>`,
      `      <guid isPermaLink="false">${outlet.domain}-${hashString(a.id).toString(36)}</guid>`,
      `      <pubDate>${rfc822(a.published)}</pubDate>`,
      a.author ? `      <dc:creator>${xml(a.author)}</dc:creator>` : null,
      `      <category>${xml(a.section)}</category>`,
      `      <description>${xml(a.summary)}</description>`,
      '    </item>',
    ];
    return lines.filter((l) => l !== null).join('\n');
  });
  const newest = articles[0];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xml(outlet.name)}</title>`,
    `    <link>${xml(baseUrl + outlet.homePath)}</link>`,
    `    <atom:link href="${xml(baseUrl + outlet.feedPath)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${xml(outlet.tagline)}</description>`,
    '    <language>en</language>',
    '    <ttl>60</ttl>',
    newest ? `    <lastBuildDate>${rfc822(newest.published)}</lastBuildDate>` : null,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ]
    .filter((l) => l !== null)
    .join('\n');
}

export function renderAtom(outlet: Outlet, articles: SiteArticle[], baseUrl: string): string {
  const entries = articles.map((a, i) => {
    // Every other entry links relative to the feed, as some real Atom feeds do.
    const href = i % 2 === 1 ? a.path : baseUrl + a.path;
    const lines = [
      '  <entry>',
      `    <title type="text">${xml(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(href)}"/>`,
      `    <id>tag:${outlet.domain},2024:${a.date}-${a.slug}</id>`,
      `    <published>${a.published}</published>`,
      `    <updated>${a.published}</updated>`,
      a.author ? `    <author><name>${xml(a.author)}</name></author>` : null,
      `    <category term="${xml(a.section)}"/>`,
      `    <summary type="text">${xml(a.summary)}</summary>`,
      '  </entry>',
    ];
    return lines.filter((l) => l !== null).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <title>${xml(outlet.name)}</title>`,
    `  <subtitle>${xml(outlet.tagline)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl + outlet.homePath)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl + outlet.feedPath)}"/>`,
    `  <id>tag:${outlet.domain},2024:feed</id>`,
    `  <updated>${articles[0]?.published ?? newestUtc(articles)}</updated>`,
    `  <author><name>${xml(outlet.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function renderRdf(outlet: Outlet, articles: SiteArticle[], baseUrl: string): string {
  const seq = articles.map((a) => `        <rdf:li rdf:resource="${xml(baseUrl + a.path)}"/>`);
  const items = articles.map((a) => {
    const lines = [
      `  <item rdf:about="${xml(baseUrl + a.path)}">`,
      `    <title>${xml(a.title)}</title>`,
      `    <link>${xml(baseUrl + a.path)}</link>`,
      `    <description>${xml(a.summary)}</description>`,
      `    <dc:date>${a.published}</dc:date>`,
      `    <dc:creator>${xml(a.author ?? outlet.name)}</dc:creator>`,
      `    <dc:subject>${xml(a.section)}</dc:subject>`,
      '  </item>',
    ];
    return lines.join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `  <channel rdf:about="${xml(baseUrl + outlet.feedPath)}">`,
    `    <title>${xml(outlet.name)}</title>`,
    `    <link>${xml(baseUrl + outlet.homePath)}</link>`,
    `    <description>${xml(outlet.tagline)}</description>`,
    `    <dc:language>en</dc:language>`,
    `    <dc:date>${articles[0]?.published ?? newestUtc(articles)}</dc:date>`,
    '    <items>',
    '      <rdf:Seq>',
    ...seq,
    '      </rdf:Seq>',
    '    </items>',
    '  </channel>',
    ...items,
    '</rdf:RDF>',
    '',
  ].join('\n');
}

/** A minimal valid RSS 2.0 feed with the given links, for the fault routes. */
export function renderLinkFeed(title: string, feedUrl: string, links: { title: string; url: string; published: string }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${xml(title)}</title>`,
    `    <link>${xml(feedUrl)}</link>`,
    `    <description>${xml(title)}</description>`,
    ...links.map((l) =>
      [
        '    <item>',
        `      <title>${xml(l.title)}</title>`,
        `      <link>${xml(l.url)}</link>`,
        `      <guid isPermaLink="true">${xml(l.url)}</guid>`,
        `      <pubDate>${rfc822(l.published)}</pubDate>`,
        '    </item>',
      ].join('\n'),
    ),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
